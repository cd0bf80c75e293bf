"use client";

import { useTranslations } from "next-intl";
import { recordOutsideReferralAction } from "@/lib/outside-referrals/actions";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { CONSENT_METHODS } from "@/lib/consent/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/** Records a referral sent outside Liaison: the program, its contact, the sections sent, and the consent for them. */
export function OutsideReferralForm({ detentionId, providers }: { detentionId: string; providers: { id: string; name: string }[] }) {
  const t = useTranslations("outsideReferrals");
  const tPacket = useTranslations("referralPacket");
  const tConsent = useTranslations("referralConsent");
  const { result, errors, pending, formProps } = useFormAction(recordOutsideReferralAction, { resetOnSuccess: false });
  const prefix = "outside";
  const label = "mb-1 block text-sm font-medium";
  return (
    <form {...formProps} className="grid gap-4 rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 text-lg font-semibold">{t("program")}</legend>
        <div>
          <label htmlFor={`${prefix}-providerId`} className={label}>{t("directoryProvider")}</label>
          <select {...fieldProps(prefix, errors, "providerId")} className={inputClass} defaultValue="">
            <option value="">{t("noDirectoryProvider")}</option>
            {providers.map((provider) => <option key={provider.id} value={provider.id}>{provider.name}</option>)}
          </select>
          <FieldError id={`${prefix}-providerId-error`} message={errors.providerId} />
        </div>
        <div>
          <label htmlFor={`${prefix}-programName`} className={label}>{t("programName")}</label>
          <input {...fieldProps(prefix, errors, "programName", `${prefix}-programName-hint`)} className={inputClass} />
          <p id={`${prefix}-programName-hint`} className="mt-1 text-sm text-slate-600">{t("programNameHint")}</p>
          <FieldError id={`${prefix}-programName-error`} message={errors.programName} />
        </div>
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-3">
        <legend className="mb-1 text-lg font-semibold">{t("contact")}</legend>
        <p id={`${prefix}-contact-hint`} className="text-sm text-slate-600 md:col-span-3">{t("contactHint")}</p>
        <div>
          <label htmlFor={`${prefix}-contactName`} className={label}>{t("contactName")}</label>
          <input {...fieldProps(prefix, errors, "contactName")} className={inputClass} autoComplete="off" />
          <FieldError id={`${prefix}-contactName-error`} message={errors.contactName} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactEmail`} className={label}>{t("contactEmail")}</label>
          <input {...fieldProps(prefix, errors, "contactEmail", `${prefix}-contact-hint`)} type="email" className={inputClass} autoComplete="off" />
          <FieldError id={`${prefix}-contactEmail-error`} message={errors.contactEmail} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactPhone`} className={label}>{t("contactPhone")}</label>
          <input {...fieldProps(prefix, errors, "contactPhone", `${prefix}-contact-hint`)} type="tel" className={inputClass} autoComplete="off" />
          <FieldError id={`${prefix}-contactPhone-error`} message={errors.contactPhone} />
        </div>
      </fieldset>
      <fieldset aria-describedby={errors.fields ? `${prefix}-fields-error` : `${prefix}-fields-hint`}>
        <legend id={`${prefix}-fields`} tabIndex={-1} className="mb-1 text-lg font-semibold">{t("fields")}</legend>
        <p id={`${prefix}-fields-hint`} className="mb-1 text-sm text-slate-600">{t("fieldsHint")}</p>
        <div className="grid gap-1 md:grid-cols-3">
          {CONSENT_FIELDS.map((field) => (
            <label key={field} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="fields" value={field} />
              {tPacket(`fields.${field}`)}
            </label>
          ))}
        </div>
        <FieldError id={`${prefix}-fields-error`} message={errors.fields} />
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 text-lg font-semibold">{t("consent")}</legend>
        <div className="md:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" id={`${prefix}-consentGiven`} name="consentGiven" aria-invalid={errors.consentGiven ? true : undefined} aria-describedby={errors.consentGiven ? `${prefix}-consentGiven-error` : undefined} />
            {t("consentGiven")}
          </label>
          <FieldError id={`${prefix}-consentGiven-error`} message={errors.consentGiven} />
        </div>
        <div>
          <label htmlFor={`${prefix}-consentMethod`} className={label}>{t("consentMethod")}</label>
          <select {...fieldProps(prefix, errors, "consentMethod")} className={inputClass} defaultValue="WRITTEN">
            {CONSENT_METHODS.map((method) => <option key={method} value={method}>{tConsent(`methods.${method}`)}</option>)}
          </select>
          <FieldError id={`${prefix}-consentMethod-error`} message={errors.consentMethod} />
        </div>
        <div>
          <label htmlFor={`${prefix}-interpreterLanguage`} className={label}>{t("interpreterLanguage")}</label>
          <input {...fieldProps(prefix, errors, "interpreterLanguage")} className={inputClass} />
          <FieldError id={`${prefix}-interpreterLanguage-error`} message={errors.interpreterLanguage} />
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${prefix}-note`} className={label}>{t("note")}</label>
        <textarea {...fieldProps(prefix, errors, "note")} rows={3} className={inputClass} />
        <FieldError id={`${prefix}-note-error`} message={errors.note} />
      </div>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{t("submit")}</button>
      </div>
    </form>
  );
}
