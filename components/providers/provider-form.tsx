"use client";

import { useTranslations } from "next-intl";
import { createProviderAction, updateProviderAction } from "@/lib/providers/actions";
import { GENDERS, PROVIDER_KINDS, PROVIDER_SERVICES, RISK_LEVELS, SUPPORT_FILTERS } from "@/lib/providers/schema";
import type { ProviderEditAccess } from "@/lib/authz/providers";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

type ProviderValues = {
  id: string;
  version: number;
  name: string;
  kind: string;
  description: string | null;
  services: string[];
  servesGenders: string[];
  sogieAffirming: boolean;
  familiesWithChildren: boolean;
  minors: boolean;
  mentalHealthSupport: boolean;
  substanceUseSupport: boolean;
  riskLevelsAccepted: string[];
  languages: string[];
  region: string;
  spacesTotal: number;
  spacesOpen: number;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

/**
 * Adding or editing a provider. A provider's own caseworker (OWN_PROFILE) keeps the profile and spaces current;
 * the kind and the name are for CLOs and admins. The form carries the version it was rendered from.
 */
export function ProviderForm({ access, provider, regions }: { access: Exclude<ProviderEditAccess, null>; provider: ProviderValues | null; regions: string[] }) {
  const t = useTranslations("providers");
  const { result, errors, pending, formProps } = useFormAction(provider ? updateProviderAction : createProviderAction, { resetOnSuccess: false });
  const prefix = "provider";
  const field = (name: string, hintId?: string) => ({ ...fieldProps(prefix, errors, name, hintId), className: inputClass });
  const checks = (name: string, values: readonly string[], chosen: string[], label: (value: string) => string) => (
    <fieldset className="md:col-span-2" aria-describedby={errors[name] ? `${prefix}-${name}-error` : undefined}>
      <legend id={`${prefix}-${name}`} tabIndex={-1} className="mb-1 text-sm font-medium">{t(`fields.${name}`)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {values.map((value) => (
          <label key={value} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={chosen.includes(value)} />
            {label(value)}
          </label>
        ))}
      </div>
      <FieldError id={`${prefix}-${name}-error`} message={errors[name]} />
    </fieldset>
  );
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix={prefix} />
      {provider && (
        <>
          <input type="hidden" name="providerId" value={provider.id} />
          <input type="hidden" name="version" value={provider.version} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {!provider && (
          <div>
            <label htmlFor={`${prefix}-name`} className="mb-1 block text-sm font-medium">{t("fields.name")}</label>
            <input {...field("name")} autoComplete="organization" />
            <FieldError id={`${prefix}-name-error`} message={errors.name} />
          </div>
        )}
        {access === "FULL" ? (
          <div>
            <label htmlFor={`${prefix}-kind`} className="mb-1 block text-sm font-medium">{t("fields.kind")}</label>
            <select {...field("kind")} defaultValue={provider?.kind ?? "COMMUNITY"}>
              {PROVIDER_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
            </select>
            <FieldError id={`${prefix}-kind-error`} message={errors.kind} />
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("kindNotEditable", { kind: t(`kinds.${provider?.kind ?? "COMMUNITY"}`) })}</p>
        )}
        <div className="md:col-span-2">
          <label htmlFor={`${prefix}-description`} className="mb-1 block text-sm font-medium">{t("fields.description")}</label>
          <textarea {...field("description")} rows={3} defaultValue={provider?.description ?? ""} />
          <FieldError id={`${prefix}-description-error`} message={errors.description} />
        </div>
        {checks("services", PROVIDER_SERVICES, provider?.services ?? [], (value) => t(`services.${value}`))}
        {checks("servesGenders", GENDERS, provider?.servesGenders ?? [], (value) => t(`genders.${value}`))}
        <fieldset className="md:col-span-2">
          <legend className="mb-1 text-sm font-medium">{t("fields.supports")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {SUPPORT_FILTERS.map((flag) => (
              <label key={flag} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name={flag} defaultChecked={provider?.[flag] ?? false} />
                {t(`supports.${flag}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {checks("riskLevelsAccepted", RISK_LEVELS, provider?.riskLevelsAccepted ?? [], (value) => t(`riskLevels.${value}`))}
        <div>
          <label htmlFor={`${prefix}-languages`} className="mb-1 block text-sm font-medium">{t("fields.languages")}</label>
          <input {...field("languages", `${prefix}-languages-hint`)} defaultValue={provider?.languages.join(", ") ?? ""} />
          <p id={`${prefix}-languages-hint`} className="mt-1 text-sm text-slate-600">{t("languagesHint")}</p>
          <FieldError id={`${prefix}-languages-error`} message={errors.languages} />
        </div>
        <div>
          <label htmlFor={`${prefix}-region`} className="mb-1 block text-sm font-medium">{t("fields.region")}</label>
          <input {...field("region")} list={`${prefix}-regions`} defaultValue={provider?.region ?? ""} />
          <datalist id={`${prefix}-regions`}>
            {regions.map((region) => <option key={region} value={region} />)}
          </datalist>
          <FieldError id={`${prefix}-region-error`} message={errors.region} />
        </div>
        <div>
          <label htmlFor={`${prefix}-spacesTotal`} className="mb-1 block text-sm font-medium">{t("fields.spacesTotal")}</label>
          <input {...field("spacesTotal")} type="number" min={0} inputMode="numeric" defaultValue={provider?.spacesTotal ?? 0} />
          <FieldError id={`${prefix}-spacesTotal-error`} message={errors.spacesTotal} />
        </div>
        <div>
          <label htmlFor={`${prefix}-spacesOpen`} className="mb-1 block text-sm font-medium">{t("fields.spacesOpen")}</label>
          <input {...field("spacesOpen", `${prefix}-spacesOpen-hint`)} type="number" min={0} inputMode="numeric" defaultValue={provider?.spacesOpen ?? 0} />
          <p id={`${prefix}-spacesOpen-hint`} className="mt-1 text-sm text-slate-600">{t("spacesOpenHint")}</p>
          <FieldError id={`${prefix}-spacesOpen-error`} message={errors.spacesOpen} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactName`} className="mb-1 block text-sm font-medium">{t("fields.contactName")}</label>
          <input {...field("contactName")} autoComplete="off" defaultValue={provider?.contactName ?? ""} />
          <FieldError id={`${prefix}-contactName-error`} message={errors.contactName} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactEmail`} className="mb-1 block text-sm font-medium">{t("fields.contactEmail")}</label>
          <input {...field("contactEmail")} type="email" autoComplete="off" defaultValue={provider?.contactEmail ?? ""} />
          <FieldError id={`${prefix}-contactEmail-error`} message={errors.contactEmail} />
        </div>
        <div>
          <label htmlFor={`${prefix}-contactPhone`} className="mb-1 block text-sm font-medium">{t("fields.contactPhone")}</label>
          <input {...field("contactPhone")} type="tel" autoComplete="off" defaultValue={provider?.contactPhone ?? ""} />
          <FieldError id={`${prefix}-contactPhone-error`} message={errors.contactPhone} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-4 ${buttonClass}`}>
        {provider ? t("save") : t("create")}
      </button>
    </form>
  );
}
