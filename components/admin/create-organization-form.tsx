"use client";

import { useTranslations } from "next-intl";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const KINDS = ["CBSA_OFFICE", "SERVICE_PROVIDER", "LEGAL", "OTHER_NGO"] as const;

export function CreateOrganizationForm() {
  const t = useTranslations("admin.organizations");
  const kinds = useTranslations("organizationKind");
  const { result, errors, pending, formProps } = useFormAction(createOrganizationAction);
  const field = (name: string) => ({
    id: `new-organization-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `new-organization-${name}-error` : undefined,
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
      <FormFeedback result={result} idPrefix="new-organization" />
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="new-organization-name" className="mb-1 block text-sm font-medium">{t("name")}</label>
          <input {...field("name")} />
          <FieldError id="new-organization-name-error" message={errors.name} />
        </div>
        <div>
          <label htmlFor="new-organization-kind" className="mb-1 block text-sm font-medium">{t("kind")}</label>
          <select {...field("kind")} defaultValue="SERVICE_PROVIDER">
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>{kinds(kind)}</option>
            ))}
          </select>
          <FieldError id="new-organization-kind-error" message={errors.kind} />
        </div>
        <div>
          <label htmlFor="new-organization-region" className="mb-1 block text-sm font-medium">{t("region")}</label>
          <input {...field("region")} />
          <FieldError id="new-organization-region-error" message={errors.region} />
        </div>
        <div>
          <label htmlFor="new-organization-timeZone" className="mb-1 block text-sm font-medium">{t("timeZone")}</label>
          <input {...field("timeZone")} defaultValue="America/Toronto" />
          <FieldError id="new-organization-timeZone-error" message={errors.timeZone} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("create")}
      </button>
    </form>
  );
}
