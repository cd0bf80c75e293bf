"use client";

import { useTranslations } from "next-intl";
import { recordConsentAction } from "@/lib/consent/actions";
import { CONSENT_METHODS } from "@/lib/consent/schema";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/** Recording the person's consent: to whom, for what, which parts of the case, how and when it was given. */
export function ConsentForm({ detentionId, recipients, defaultRecipientId, nowLocal, timeZone }: { detentionId: string; recipients: { id: string; name: string }[]; defaultRecipientId?: string; nowLocal: string; timeZone: string }) {
  const t = useTranslations("referralConsent");
  const tPacket = useTranslations("referralPacket");
  const { result, errors, pending, formProps } = useFormAction(recordConsentAction);
  const prefix = "consent";
  const field = (name: string, hintId?: string) => ({ ...fieldProps(prefix, errors, name, hintId), className: inputClass });
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="mb-3 text-lg font-semibold">{t("recordTitle")}</h2>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-recipientOrgId`} className="mb-1 block text-sm font-medium">{t("recipient")}</label>
          <select {...field("recipientOrgId")} defaultValue={defaultRecipientId ?? ""}>
            <option value="" disabled>{t("chooseRecipient")}</option>
            {recipients.map((recipient) => <option key={recipient.id} value={recipient.id}>{recipient.name}</option>)}
          </select>
          <FieldError id={`${prefix}-recipientOrgId-error`} message={errors.recipientOrgId} />
        </div>
        <div>
          <label htmlFor={`${prefix}-purpose`} className="mb-1 block text-sm font-medium">{t("purpose")}</label>
          <input {...field("purpose")} defaultValue={t("defaultPurpose")} />
          <FieldError id={`${prefix}-purpose-error`} message={errors.purpose} />
        </div>
        <fieldset className="md:col-span-2" aria-describedby={errors.fields ? `${prefix}-fields-error` : `${prefix}-fields-hint`}>
          <legend id={`${prefix}-fields`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("fieldsInScope")}</legend>
          <p id={`${prefix}-fields-hint`} className="mb-1 text-sm text-slate-600">{t("fieldsHint")}</p>
          <div className="grid gap-1 md:grid-cols-2">
            {CONSENT_FIELDS.map((consentField) => (
              <label key={consentField} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="fields" value={consentField} className="mt-1" />
                <span>
                  <span className="font-medium">{tPacket(`fields.${consentField}`)}</span>
                  <span className="block text-slate-600">{tPacket(`fieldHints.${consentField}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${prefix}-fields-error`} message={errors.fields} />
        </fieldset>
        <fieldset aria-describedby={errors.method ? `${prefix}-method-error` : undefined}>
          <legend id={`${prefix}-method`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("method")}</legend>
          {CONSENT_METHODS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="method" value={value} defaultChecked={value === "WRITTEN"} />
              {t(`methods.${value}`)}
            </label>
          ))}
          <FieldError id={`${prefix}-method-error`} message={errors.method} />
        </fieldset>
        <div>
          <label htmlFor={`${prefix}-interpreterLanguage`} className="mb-1 block text-sm font-medium">{t("interpreterLanguage")}</label>
          <input {...field("interpreterLanguage", `${prefix}-interpreterLanguage-hint`)} />
          <p id={`${prefix}-interpreterLanguage-hint`} className="mt-1 text-sm text-slate-600">{t("interpreterLanguageHint")}</p>
          <FieldError id={`${prefix}-interpreterLanguage-error`} message={errors.interpreterLanguage} />
        </div>
        <div>
          <label htmlFor={`${prefix}-givenAt`} className="mb-1 block text-sm font-medium">{t("givenAt", { zone: timeZone })}</label>
          <input {...field("givenAt")} type="datetime-local" defaultValue={nowLocal} />
          <FieldError id={`${prefix}-givenAt-error`} message={errors.givenAt} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-4 ${buttonClass}`}>{t("record")}</button>
    </form>
  );
}
