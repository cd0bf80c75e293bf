import { z } from "zod";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { DECLINE_REASONS, PROVIDER_ANSWERS } from "@/lib/referrals/rules";
import { manyOf } from "@/lib/providers/schema";
import { optionalParagraphText, paragraphText } from "@/lib/validation/text";

const uuid = z.uuid({ message: "invalidChoice" });

/** Ids from the URL are checked before they reach a uuid column: a malformed id is simply "not found". */
export function isUuid(value: string): boolean {
  return z.uuid().safeParse(value).success;
}
const version = z.coerce.number({ message: "invalid" }).int().min(1);

/** Sending: the packet is rebuilt on the server from these choices; the digest proves it is what the CLO previewed. */
export const sendReferralSchema = z.object({
  detentionId: uuid,
  providerId: uuid,
  consentId: uuid,
  fields: manyOf(CONSENT_FIELDS).refine((fields) => fields.length > 0, "required"),
  previewDigest: z.string().regex(/^[0-9a-f]{64}$/, "invalid"),
  message: optionalParagraphText(4000),
});
export type SendReferralInput = z.infer<typeof sendReferralSchema>;

/** A provider's answer. Declining needs a reason, and details when the reason is "other". */
export const answerReferralSchema = z
  .object({
    referralId: uuid,
    version,
    status: z.enum(PROVIDER_ANSWERS, { message: "invalidChoice" }),
    declineReason: z.preprocess((value) => (value === "" ? undefined : value), z.enum(DECLINE_REASONS, { message: "invalidChoice" }).optional()),
    declineDetails: optionalParagraphText(2000),
    message: optionalParagraphText(4000),
  })
  .superRefine((answer, context) => {
    if (answer.status !== "DECLINED") return;
    if (!answer.declineReason) context.addIssue({ code: "custom", path: ["declineReason"], message: "required" });
    else if (answer.declineReason === "OTHER" && !answer.declineDetails) context.addIssue({ code: "custom", path: ["declineDetails"], message: "required" });
  });
export type AnswerReferralInput = z.infer<typeof answerReferralSchema>;

export const withdrawReferralSchema = z.object({ referralId: uuid, version });

export const referralMessageSchema = z.object({
  referralId: uuid,
  body: paragraphText(4000).min(1, "required"),
});
