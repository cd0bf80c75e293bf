"use client";

import { useTranslations } from "next-intl";
import { setTargetsAction } from "@/lib/targets/actions";
import { TARGET_INDICATORS, type TargetIndicator } from "@/lib/targets/rules";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/**
 * An office's targets for one period, every indicator in one form. Blank means no target. Each target's version
 * goes with the form, so a change another administrator made meanwhile is reported instead of overwritten.
 */
export function SetTargetsForm({
  officeId,
  officeName,
  period,
  values,
  versions,
}: {
  officeId: string;
  officeName: string;
  period: string;
  values: Partial<Record<TargetIndicator, number>>;
  versions: Partial<Record<TargetIndicator, number>>;
}) {
  const t = useTranslations("targets");
  const { result, errors, pending, formProps } = useFormAction(setTargetsAction, { resetOnSuccess: false });
  const prefix = "targets";
  return (
    <form {...formProps} noValidate className="rounded border border-slate-300 bg-white p-4">
      <h2 className="mb-1 text-lg font-semibold">{t("formTitle", { office: officeName, period })}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("formHint")}</p>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="officeId" value={officeId} />
      <input type="hidden" name="period" value={period} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {TARGET_INDICATORS.map((indicator) => {
          const name = `target_${indicator}`;
          return (
            <div key={indicator}>
              <label htmlFor={`${prefix}-${name}`} className="mb-1 block text-sm font-medium">
                {t(`indicators.${indicator}.label`)} <span className="font-normal text-slate-700">({t(`units.${indicator}`)})</span>
              </label>
              <input {...fieldProps(prefix, errors, name)} inputMode="decimal" defaultValue={values[indicator] ?? ""} className={inputClass} />
              <input type="hidden" name={`version_${indicator}`} value={versions[indicator] ?? 0} />
              <FieldError id={`${prefix}-${name}-error`} message={errors[name]} />
            </div>
          );
        })}
      </div>
      <button type="submit" disabled={pending} className={`mt-4 ${buttonClass}`}>
        {t("save")}
      </button>
    </form>
  );
}
