"use client";

import { useTranslations } from "next-intl";
import { proposeOptionAction } from "@/lib/options/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const INPUT = "w-full rounded border border-slate-500 px-2 py-1";

/**
 * Counsel propose an option to the case's CLO: a provider of the directory, or a program outside it with a contact,
 * and why. It becomes a task for the CLO (lib/options/mutations.ts). Every field is on the page at once (no script
 * needed); the hints say which belong to which choice, and the server asks for what the choice needs.
 */
export function ProposeOptionForm({ detentionId, providers }: { detentionId: string; providers: { id: string; name: string }[] }) {
  const t = useTranslations("counselOptions");
  const { result, errors, pending, formProps } = useFormAction(proposeOptionAction);
  const prefix = "propose-option";
  const described = (field: string, hint = false) => [hint ? `${prefix}-${field}-hint` : null, errors[field] ? `${prefix}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <form {...formProps} noValidate className="mt-3 space-y-3">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <fieldset aria-describedby={described("source")}>
        <legend className="mb-1 text-sm font-medium">{t("source")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-1">
            <input type="radio" name="source" value="DIRECTORY" defaultChecked />
            {t("sourceDirectory")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="source" value="OUTSIDE" />
            {t("sourceOutside")}
          </label>
        </div>
        <FieldError id={`${prefix}-source-error`} message={errors.source} />
      </fieldset>
      <div>
        <label htmlFor={`${prefix}-providerId`} className="mb-1 block text-sm font-medium">
          {t("provider")}
        </label>
        <p id={`${prefix}-providerId-hint`} className="mb-1 text-sm text-slate-700">
          {t("providerHint")}
        </p>
        <select id={`${prefix}-providerId`} name="providerId" defaultValue="" aria-invalid={errors.providerId ? true : undefined} aria-describedby={described("providerId", true)} className="rounded border border-slate-500 px-2 py-1">
          <option value="">{t("chooseProvider")}</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-providerId-error`} message={errors.providerId} />
      </div>
      <p id={`${prefix}-outside-hint`} className="text-sm text-slate-700">
        {t("outsideHint")}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {(["programName", "contact"] as const).map((field) => (
          <div key={field}>
            <label htmlFor={`${prefix}-${field}`} className="mb-1 block text-sm font-medium">
              {t(field)}
            </label>
            <input id={`${prefix}-${field}`} name={field} type="text" aria-invalid={errors[field] ? true : undefined} aria-describedby={[`${prefix}-outside-hint`, errors[field] ? `${prefix}-${field}-error` : null].filter(Boolean).join(" ")} className={INPUT} />
            <FieldError id={`${prefix}-${field}-error`} message={errors[field]} />
          </div>
        ))}
      </div>
      <div>
        <label htmlFor={`${prefix}-why`} className="mb-1 block text-sm font-medium">
          {t("why")}
        </label>
        <textarea id={`${prefix}-why`} name="why" rows={3} aria-invalid={errors.why ? true : undefined} aria-describedby={described("why")} className={INPUT} />
        <FieldError id={`${prefix}-why-error`} message={errors.why} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
