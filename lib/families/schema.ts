import { z } from "zod";
import { CHILD_AGE_BANDS, CHILD_CARE_ARRANGEMENTS, CHILD_WHEREABOUTS } from "@/lib/families/rules";
import { lineText, paragraphText } from "@/lib/validation/text";

/** Messages are catalogue keys: `familyValidation` first, then `validation` (lib/validation/messages.ts). */

const uuid = z.uuid({ message: "invalidChoice" });

/** Links this case with another case of the office, named by its reference as the CLO reads it on that case. */
export const linkFamilyMemberSchema = z.object({
  detentionId: uuid,
  reference: lineText(40).min(1, "required"),
});
export type LinkFamilyMemberInput = z.infer<typeof linkFamilyMemberSchema>;

/** Takes a case out of its family group (from the page of any linked case the actor may open). */
export const unlinkFamilyMemberSchema = z.object({ detentionId: uuid, memberDetentionId: uuid });
export type UnlinkFamilyMemberInput = z.infer<typeof unlinkFamilyMemberSchema>;

/** The best-interests considerations of a child directly affected (IRPR s.248.1). Version 0: the first record. */
export const recordBestInterestsSchema = z.object({
  detentionId: uuid,
  version: z.coerce.number({ message: "invalid" }).int().min(0),
  ageBand: z.enum(CHILD_AGE_BANDS, { message: "invalidChoice" }),
  whereabouts: z.enum(CHILD_WHEREABOUTS, { message: "invalidChoice" }),
  careArrangement: z.enum(CHILD_CARE_ARRANGEMENTS, { message: "invalidChoice" }),
  considerations: paragraphText(4000).min(1, "required"),
});
export type RecordBestInterestsInput = z.infer<typeof recordBestInterestsSchema>;
