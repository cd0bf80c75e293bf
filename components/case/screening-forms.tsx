"use client";

import { useTranslations } from "next-intl";
import { recordFlagAction, removeFlagAction } from "@/lib/screening/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Records a flag, or updates its details. `flags` are the flags this user may record by hand (never trafficking indicators: the trafficking screen records those). */
export function RecordFlagForm({ detentionId, version, flags }: { detentionId: string; version: number; flags: readonly string[] }) {
  const t = useTranslations("caseScreening");
  const tEnums = useTranslations("caseEnums");
  const { result, errors, pending, formProps } = useFormAction(recordFlagAction);
  const prefix = "screening";
  return (
    <form {...formProps} noValidate className="mt-4 rounded border border-slate-300 p-3">
      <h3 className="mb-2 font-semibold">{t("addTitle")}</h3>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-flag`} className="mb-1 block text-sm font-medium">
            {t("flag")}
          </label>
          <select id={`${prefix}-flag`} name="flag" aria-describedby={errors.flag ? `${prefix}-flag-error` : undefined} className="w-full rounded border border-slate-500 px-2 py-1">
            {flags.map((flag) => (
              <option key={flag} value={flag}>
                {tEnums(`flag.${flag}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-flag-error`} message={errors.flag} />
        </div>
        <div>
          <label htmlFor={`${prefix}-details`} className="mb-1 block text-sm font-medium">
            {t("details")}
          </label>
          <textarea id={`${prefix}-details`} name="details" rows={2} aria-describedby={errors.details ? `${prefix}-details-error` : undefined} className="w-full rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${prefix}-details-error`} message={errors.details} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}

export function RemoveFlagButton({ detentionId, version, flag }: { detentionId: string; version: number; flag: string }) {
  const t = useTranslations("caseScreening");
  const tEnums = useTranslations("caseEnums");
  const { result, pending, formProps } = useFormAction(removeFlagAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="flag" value={flag} />
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100">
        {t("remove")}
        <span className="sr-only"> {t("removeFlag", { flag: tEnums(`flag.${flag}`) })}</span>
      </button>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-800">
          {result.error}
        </p>
      )}
    </form>
  );
}
