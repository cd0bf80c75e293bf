import { z } from "zod";
import { VULNERABILITY_FLAGS } from "@/lib/detentions/schema";
import { optionalParagraphText } from "@/lib/validation/text";

const uuid = z.uuid({ message: "invalidChoice" });
// 0 when the detention has no screening yet: the first flag creates it.
const screeningVersion = z.coerce.number({ message: "invalid" }).int().min(0);

export const recordFlagSchema = z.object({
  detentionId: uuid,
  version: screeningVersion,
  flag: z.enum(VULNERABILITY_FLAGS, { message: "invalidChoice" }),
  details: optionalParagraphText(2000),
  consent: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((value) => value === "on"),
});
export type RecordFlagInput = z.infer<typeof recordFlagSchema>;

export const removeFlagSchema = z.object({
  detentionId: uuid,
  version: screeningVersion,
  flag: z.enum(VULNERABILITY_FLAGS, { message: "invalidChoice" }),
});
export type RemoveFlagInput = z.infer<typeof removeFlagSchema>;
