"use client";

import { useTranslations } from "next-intl";
import { withdrawConsentAction } from "@/lib/consent/actions";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { secondaryButtonClass } from "@/components/providers/field-props";

/** Withdrawing a consent: effective at once for the recipient organisation. */
export function WithdrawConsentForm({ consentId, detentionId, recipientName }: { consentId: string; detentionId: string; recipientName: string }) {
  const t = useTranslations("referralConsent");
  const { result, pending, formProps } = useFormAction(withdrawConsentAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="consentId" value={consentId} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <ConfirmSubmit
        disabled={pending}
        className={secondaryButtonClass}
        title={t("confirmWithdraw.title", { organization: recipientName })}
        consequence={t("confirmWithdraw.consequence", { organization: recipientName })}
        confirmLabel={t("confirmWithdraw.confirm")}
      >
        {t("withdraw")}<span className="sr-only"> {t("withdrawFor", { organization: recipientName })}</span>
      </ConfirmSubmit>
      {result && <p role={result.ok ? "status" : "alert"} className={result.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>{result.ok ? result.message : result.error}</p>}
    </form>
  );
}
