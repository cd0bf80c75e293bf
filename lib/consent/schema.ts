import { z } from "zod";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { manyOf } from "@/lib/providers/schema";
import type { ConsentMethod } from "@/lib/generated/prisma/enums";
import { localDateTime } from "@/lib/validation/dates";
import { lineText, optionalLineText } from "@/lib/validation/text";

export const CONSENT_METHODS = ["WRITTEN", "VERBAL_WITH_INTERPRETER", "VERBAL"] as const satisfies readonly ConsentMethod[];

/**
 * Recording a person's consent to share parts of their case with one organisation for one purpose.
 * Consent given through an interpreter names the language, so the record shows the person understood.
 */
export const recordConsentSchema = z
  .object({
    detentionId: z.uuid({ message: "invalidChoice" }),
    recipientOrgId: z.uuid({ message: "invalidChoice" }),
    purpose: lineText(500).min(1, "required"),
    fields: manyOf(CONSENT_FIELDS).refine((fields) => fields.length > 0, "required"),
    method: z.enum(CONSENT_METHODS, { message: "invalidChoice" }),
    interpreterLanguage: optionalLineText(80),
    // datetime-local: a wall-clock time in the facility's zone, converted on the server. Consent is recorded once given.
    givenAt: localDateTime({ notAfter: "today" }),
  })
  .superRefine((consent, context) => {
    if (consent.method === "VERBAL_WITH_INTERPRETER" && !consent.interpreterLanguage) {
      context.addIssue({ code: "custom", path: ["interpreterLanguage"], message: "required" });
    }
  });
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const withdrawConsentSchema = z.object({
  consentId: z.uuid({ message: "invalidChoice" }),
  detentionId: z.uuid({ message: "invalidChoice" }),
});
