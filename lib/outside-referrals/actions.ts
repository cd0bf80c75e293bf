"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { recordOutsideAnswerSchema, recordOutsideReferralSchema } from "@/lib/outside-referrals/schema";
import { recordOutsideAnswer, recordOutsideReferral, type OutsideReferralResult } from "@/lib/outside-referrals/mutations";

/** Outside referrals' own refusals: on the field they are about where there is one, in words otherwise. */
async function refused(refusal: Extract<OutsideReferralResult, { ok: false }>): Promise<ActionResult | null> {
  switch (refusal.reason) {
    case "PROVIDER_HAS_USERS":
      return fieldErrors([{ field: "providerId", key: "providerHasUsers" }], "outsideReferralValidation");
    case "PROGRAM_IN_DIRECTORY":
      return fieldErrors([{ field: "programName", key: "programInDirectory" }], "outsideReferralValidation");
    case "EVIDENCE_NOT_FOUND":
      return fieldErrors([{ field: "documentId", key: "evidenceNotFound" }], "outsideReferralValidation");
    case "ANSWER_DATE":
      return fieldErrors([{ field: "answeredOn", key: refusal.problem }], "outsideReferralValidation");
    case "INVALID_TRANSITION": {
      const t = await getTranslations("referrals.errors");
      return { ok: false, error: t("invalidTransition") };
    }
    default:
      return null;
  }
}

export const recordOutsideReferralAction = serverAction({
  input: recordOutsideReferralSchema,
  validation: "outsideReferralValidation",
  run: recordOutsideReferral,
  refused,
  succeeded: (result, input) => {
    revalidatePath(`/cases/${input.detentionId}`, "layout");
    revalidatePath("/referrals");
    redirect(`/referrals/${result.referralId}`);
  },
});

export const recordOutsideAnswerAction = serverAction({
  input: recordOutsideAnswerSchema,
  validation: "outsideReferralValidation",
  run: recordOutsideAnswer,
  refused,
  succeeded: () => done([["/referrals", "layout"], ["/cases", "layout"]], "outsideReferrals", "answered"),
});
