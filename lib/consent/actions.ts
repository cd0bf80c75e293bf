"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { recordConsentSchema, withdrawConsentSchema } from "@/lib/consent/schema";
import { recordConsent, withdrawConsent } from "@/lib/consent/mutations";

export const recordConsentAction = serverAction({
  input: recordConsentSchema,
  run: recordConsent,
  refused: (refusal) => {
    if (refusal.reason === "GIVEN_AT_INVALID") return fieldErrors([{ field: "givenAt", key: "invalid" }]);
    if (refusal.reason === "RECIPIENT_NOT_FOUND") return fieldErrors([{ field: "recipientOrgId", key: "invalidChoice" }]);
    return null;
  },
  succeeded: (_result, input) => done([[`/cases/${input.detentionId}`, "layout"]], "referralConsent", "recorded"),
});

export const withdrawConsentAction = serverAction({
  input: withdrawConsentSchema,
  run: withdrawConsent,
  succeeded: (_result, input) => done([[`/cases/${input.detentionId}`, "layout"], ["/referrals", "layout"]], "referralConsent", "withdrawn"),
});
