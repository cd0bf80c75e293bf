"use client";

import { useTranslations } from "next-intl";
import { createOutreachContactAction, markFollowUpDoneAction, updateOutreachContactAction } from "@/lib/outreach/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

type ProviderOption = { id: string; name: string };

function ProviderSelect({ prefix, errors, providers, label, hint, defaultValue = "" }: { prefix: string; errors: Record<string, string>; providers: ProviderOption[]; label: string; hint: string; defaultValue?: string }) {
  const t = useTranslations("outreach");
  return (
    <div>
      <label htmlFor={`${prefix}-providerId`} className="mb-1 block text-sm font-medium">{label}</label>
      <select {...fieldProps(prefix, errors, "providerId", `${prefix}-providerId-hint`)} className={inputClass} defaultValue={defaultValue}>
        <option value="">{t("noProvider")}</option>
        {providers.map((provider) => <option key={provider.id} value={provider.id}>{provider.name}</option>)}
      </select>
      <p id={`${prefix}-providerId-hint`} className="mt-1 text-sm text-slate-600">{hint}</p>
      <FieldError id={`${prefix}-providerId-error`} message={errors.providerId} />
    </div>
  );
}

/** A contact as the forms show it: for a new one, everything blank but the date (today). */
export type ContactValues = {
  providerId: string | null;
  organizationName: string;
  contactedOn: string;
  topic: string;
  outcome: string;
  nextStep: string;
  nextStepDueOn: string;
};

/** The fields of an outreach contact, shared by the new-contact form and the edit form. */
function ContactFields({ prefix, errors, providers, values }: { prefix: string; errors: Record<string, string>; providers: ProviderOption[]; values: ContactValues }) {
  const t = useTranslations("outreach");
  const field = (name: string) => ({ ...fieldProps(prefix, errors, name), className: inputClass });
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <ProviderSelect prefix={prefix} errors={errors} providers={providers} label={t("provider")} hint={t("providerHint")} defaultValue={values.providerId ?? ""} />
      <div>
        <label htmlFor={`${prefix}-organizationName`} className="mb-1 block text-sm font-medium">{t("organizationName")}</label>
        <input {...field("organizationName")} defaultValue={values.organizationName} />
        <FieldError id={`${prefix}-organizationName-error`} message={errors.organizationName} />
      </div>
      <div>
        <label htmlFor={`${prefix}-contactedOn`} className="mb-1 block text-sm font-medium">{t("contactedOn")}</label>
        <input {...field("contactedOn")} type="date" defaultValue={values.contactedOn} />
        <FieldError id={`${prefix}-contactedOn-error`} message={errors.contactedOn} />
      </div>
      <div>
        <label htmlFor={`${prefix}-topic`} className="mb-1 block text-sm font-medium">{t("topic")}</label>
        <input {...field("topic")} defaultValue={values.topic} />
        <FieldError id={`${prefix}-topic-error`} message={errors.topic} />
      </div>
      <div className="md:col-span-2">
        <label htmlFor={`${prefix}-outcome`} className="mb-1 block text-sm font-medium">{t("outcome")}</label>
        <textarea {...field("outcome")} rows={2} defaultValue={values.outcome} />
        <FieldError id={`${prefix}-outcome-error`} message={errors.outcome} />
      </div>
      <div>
        <label htmlFor={`${prefix}-nextStep`} className="mb-1 block text-sm font-medium">{t("nextStep")}</label>
        <input {...field("nextStep")} defaultValue={values.nextStep} placeholder={t("nextStepExample")} />
        <FieldError id={`${prefix}-nextStep-error`} message={errors.nextStep} />
      </div>
      <div>
        <label htmlFor={`${prefix}-nextStepDueOn`} className="mb-1 block text-sm font-medium">{t("nextStepDueOn")}</label>
        <input {...field("nextStepDueOn")} type="date" defaultValue={values.nextStepDueOn} />
        <FieldError id={`${prefix}-nextStepDueOn-error`} message={errors.nextStepDueOn} />
      </div>
    </div>
  );
}

export function OutreachContactForm({ providers, today }: { providers: ProviderOption[]; today: string }) {
  const t = useTranslations("outreach");
  const { result, errors, pending, formProps } = useFormAction(createOutreachContactAction);
  const prefix = "outreach";
  const values: ContactValues = { providerId: null, organizationName: "", contactedOn: today, topic: "", outcome: "", nextStep: "", nextStepDueOn: "" };
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h3 className="mb-3 text-base font-semibold">{t("contactFormTitle")}</h3>
      <FormFeedback result={result} idPrefix={prefix} />
      <ContactFields prefix={prefix} errors={errors} providers={providers} values={values} />
      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>{t("recordContact")}</button>
    </form>
  );
}

/** Corrects or completes a contact, opened on demand from its row; the version goes with it. */
export function EditOutreachContactForm({ contactId, version, label, providers, values }: { contactId: string; version: number; label: string; providers: ProviderOption[]; values: ContactValues }) {
  const t = useTranslations("outreach");
  const { result, errors, pending, formProps } = useFormAction(updateOutreachContactAction, { resetOnSuccess: false });
  const prefix = `outreach-${contactId}`;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-brand-800 underline">
        {t("edit")}
        <span className="sr-only"> {label}</span>
      </summary>
      <form {...formProps} className="mt-2 rounded border border-slate-300 bg-white p-3" noValidate aria-label={t("editTitle", { contact: label })}>
        <FormFeedback result={result} idPrefix={prefix} />
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="version" value={version} />
        <ContactFields prefix={prefix} errors={errors} providers={providers} values={values} />
        <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>{t("saveContact")}</button>
      </form>
    </details>
  );
}

/** One click: the next step was done. */
export function FollowUpDoneForm({ contactId, version, label }: { contactId: string; version: number; label: string }) {
  const t = useTranslations("outreach");
  const { result, pending, formProps } = useFormAction(markFollowUpDoneAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {t("followUpDone")}
        <span className="sr-only"> {label}</span>
      </button>
      {result && !result.ok && <FormFeedback result={result} idPrefix={`follow-up-${contactId}`} />}
    </form>
  );
}
