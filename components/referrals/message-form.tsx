"use client";

import { useTranslations } from "next-intl";
import { postReferralMessageAction } from "@/lib/referrals/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

export function MessageForm({ referralId }: { referralId: string }) {
  const t = useTranslations("referrals");
  const { result, errors, pending, formProps } = useFormAction(postReferralMessageAction);
  const prefix = "message";
  return (
    <form {...formProps} className="mt-3" noValidate>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="referralId" value={referralId} />
      <label htmlFor={`${prefix}-body`} className="mb-1 block text-sm font-medium">{t("messages.new")}</label>
      <textarea {...fieldProps(prefix, errors, "body")} rows={3} className={inputClass} />
      <FieldError id={`${prefix}-body-error`} message={errors.body} />
      <button type="submit" disabled={pending} className={`mt-2 ${secondaryButtonClass}`}>{t("messages.send")}</button>
    </form>
  );
}
