"use client";

import { useTranslations } from "next-intl";
import { withdrawReferralAction } from "@/lib/referrals/actions";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { secondaryButtonClass } from "@/components/providers/field-props";

export function WithdrawReferralForm({ referralId, version }: { referralId: string; version: number }) {
  const t = useTranslations("referrals");
  const { result, pending, formProps } = useFormAction(withdrawReferralAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <FormFeedback result={result} idPrefix="withdraw-referral" />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <ConfirmSubmit disabled={pending} className={secondaryButtonClass} title={t("confirmWithdraw.title")} consequence={t("confirmWithdraw.consequence")} confirmLabel={t("confirmWithdraw.confirm")}>
        {t("withdraw")}
      </ConfirmSubmit>
    </form>
  );
}
