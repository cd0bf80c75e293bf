import { z } from "zod";
import { VULNERABILITY_FLAGS } from "@/lib/detentions/schema";
import { optionalParagraphText } from "@/lib/validation/text";

const uuid = z.uuid({ message: "invalidChoice" });
// 0 when the detention has no screening yet: the first flag creates it.
const screeningVersion = z.coerce.number({ message: "invalid" }).int().min(0);

/**
 * The flags recorded by hand. Trafficking indicators are not among them: they are recorded only through the
 * trafficking screen (lib/trafficking), after the person was told who will see it and the risks of disclosure.
 */
type HandRecordedFlag = Exclude<(typeof VULNERABILITY_FLAGS)[number], "TRAFFICKING_INDICATORS">;

export const recordFlagSchema = z.object({
  detentionId: uuid,
  version: screeningVersion,
  flag: z
    .enum(VULNERABILITY_FLAGS, { message: "invalidChoice" })
    .refine((flag) => flag !== "TRAFFICKING_INDICATORS", { message: "traffickingUsesScreen" })
    .transform((flag) => flag as HandRecordedFlag),
  details: optionalParagraphText(2000),
});
export type RecordFlagInput = z.infer<typeof recordFlagSchema>;

export const removeFlagSchema = z.object({
  detentionId: uuid,
  version: screeningVersion,
  flag: z.enum(VULNERABILITY_FLAGS, { message: "invalidChoice" }),
});
export type RemoveFlagInput = z.infer<typeof removeFlagSchema>;
