"use client";

import { useTranslations } from "next-intl";
import { startReferralReviewAction } from "@/lib/referrals/actions";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { secondaryButtonClass } from "@/components/providers/field-props";

/** The caseworker's "Start review": SENT → UNDER_REVIEW, an explicit step (opening the packet changes nothing). */
export function StartReviewForm({ referralId, version }: { referralId: string; version: number }) {
  const t = useTranslations("referrals");
  const { result, pending, formProps } = useFormAction(startReferralReviewAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <FormFeedback result={result} idPrefix="start-review" />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <p id="start-review-hint" className="mb-1 text-sm text-slate-700">{t("startReviewHint")}</p>
      <button type="submit" disabled={pending} aria-describedby="start-review-hint" className={secondaryButtonClass}>{t("startReview")}</button>
    </form>
  );
}
