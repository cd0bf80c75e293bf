import { z } from "zod";
import { paragraphText } from "@/lib/validation/text";

/** A team message's length cap: room for a careful update, not for a document (documents are attached, not pasted). */
export const TEAM_MESSAGE_MAX = 4_000;

/** A provider organisation chosen for the audience: checkboxes arrive as nothing, one value or several. */
const providerOrgIds = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid({ message: "invalidChoice" })).max(50, "invalidChoice"),
);

/**
 * Posting to a case team's thread. The office and counsel name the case; a provider's caseworker names their referral
 * (they know the person only through it). `token` is the form's one-time id: the same form sent twice posts once.
 */
export const postTeamMessageSchema = z
  .object({
    detentionId: z.uuid({ message: "invalidChoice" }).optional(),
    referralId: z.uuid({ message: "invalidChoice" }).optional(),
    body: paragraphText(TEAM_MESSAGE_MAX).min(1, "required"),
    counsel: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
    providers: providerOrgIds,
    token: z.uuid({ message: "invalidChoice" }),
  })
  .refine((input) => (input.detentionId === undefined) !== (input.referralId === undefined), { message: "invalidChoice", path: ["detentionId"] });
export type PostTeamMessageInput = z.infer<typeof postTeamMessageSchema>;
