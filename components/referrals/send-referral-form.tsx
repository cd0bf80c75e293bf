"use client";

import { useTranslations } from "next-intl";
import { sendReferralAction } from "@/lib/referrals/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/** Sends the previewed packet. The digest ties the send to the preview: a changed case means a new preview. */
export function SendReferralForm({ detentionId, providerId, consentId, fields, digest, providerName }: { detentionId: string; providerId: string; consentId: string; fields: string[]; digest: string; providerName: string }) {
  const t = useTranslations("referrals");
  const { result, errors, pending, formProps } = useFormAction(sendReferralAction, { resetOnSuccess: false });
  const prefix = "send";
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="providerId" value={providerId} />
      <input type="hidden" name="consentId" value={consentId} />
      <input type="hidden" name="previewDigest" value={digest} />
      {fields.map((field) => <input key={field} type="hidden" name="fields" value={field} />)}
      <label htmlFor={`${prefix}-message`} className="mb-1 block text-sm font-medium">{t("compose.message")}</label>
      <textarea {...fieldProps(prefix, errors, "message")} rows={3} className={inputClass} />
      <FieldError id={`${prefix}-message-error`} message={errors.message} />
      <button type="submit" disabled={pending || fields.length === 0} className={`mt-3 ${buttonClass}`}>
        {t("compose.send", { provider: providerName })}
      </button>
    </form>
  );
}
