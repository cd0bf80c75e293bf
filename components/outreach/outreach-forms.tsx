"use client";

import { useTranslations } from "next-intl";
import { createOutreachContactAction } from "@/lib/outreach/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

type ProviderOption = { id: string; name: string };

function ProviderSelect({ prefix, errors, providers, label, hint }: { prefix: string; errors: Record<string, string>; providers: ProviderOption[]; label: string; hint: string }) {
  const t = useTranslations("outreach");
  return (
    <div>
      <label htmlFor={`${prefix}-providerId`} className="mb-1 block text-sm font-medium">{label}</label>
      <select {...fieldProps(prefix, errors, "providerId", `${prefix}-providerId-hint`)} className={inputClass} defaultValue="">
        <option value="">{t("noProvider")}</option>
        {providers.map((provider) => <option key={provider.id} value={provider.id}>{provider.name}</option>)}
      </select>
      <p id={`${prefix}-providerId-hint`} className="mt-1 text-sm text-slate-600">{hint}</p>
      <FieldError id={`${prefix}-providerId-error`} message={errors.providerId} />
    </div>
  );
}

export function OutreachContactForm({ providers, today }: { providers: ProviderOption[]; today: string }) {
  const t = useTranslations("outreach");
  const { result, errors, pending, formProps } = useFormAction(createOutreachContactAction);
  const prefix = "outreach";
  const field = (name: string) => ({ ...fieldProps(prefix, errors, name), className: inputClass });
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h3 className="mb-3 text-base font-semibold">{t("contactFormTitle")}</h3>
      <FormFeedback result={result} idPrefix={prefix} />
      <div className="grid gap-3 md:grid-cols-2">
        <ProviderSelect prefix={prefix} errors={errors} providers={providers} label={t("provider")} hint={t("providerHint")} />
        <div>
          <label htmlFor={`${prefix}-organizationName`} className="mb-1 block text-sm font-medium">{t("organizationName")}</label>
          <input {...field("organizationName")} />
          <FieldError id={`${prefix}-organizationName-error`} message={errors.organizationName} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactedOn`} className="mb-1 block text-sm font-medium">{t("contactedOn")}</label>
          <input {...field("contactedOn")} type="date" defaultValue={today} />
          <FieldError id={`${prefix}-contactedOn-error`} message={errors.contactedOn} />
        </div>
        <div>
          <label htmlFor={`${prefix}-topic`} className="mb-1 block text-sm font-medium">{t("topic")}</label>
          <input {...field("topic")} />
          <FieldError id={`${prefix}-topic-error`} message={errors.topic} />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={`${prefix}-outcome`} className="mb-1 block text-sm font-medium">{t("outcome")}</label>
          <textarea {...field("outcome")} rows={2} />
          <FieldError id={`${prefix}-outcome-error`} message={errors.outcome} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>{t("recordContact")}</button>
    </form>
  );
}
