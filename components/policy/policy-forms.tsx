"use client";

import { useTranslations } from "next-intl";
import { schedulePolicyAction, withdrawPolicyAction } from "@/lib/policy/actions";
import type { PolicyKey } from "@/lib/policy/rules";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { buttonClass, fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

/**
 * Schedules a new version of one setting: its new value, the day it takes effect (today or later: never
 * retroactive) and why. A number for the windows and the response time, checkboxes for the flags.
 */
export function SchedulePolicyForm({ settingKey, today, flags }: { settingKey: PolicyKey; today: string; flags?: { value: string; label: string; checked: boolean }[] }) {
  const t = useTranslations("policy");
  const { result, errors, pending, formProps } = useFormAction(schedulePolicyAction);
  const prefix = `policy-${settingKey}`;
  return (
    <form {...formProps} noValidate className="mt-3 rounded border border-slate-300 bg-slate-50 p-3">
      <h3 className="mb-2 font-semibold">{t("scheduleTitle")}</h3>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="key" value={settingKey} />
      {flags ? (
        <fieldset id={`${prefix}-value`} tabIndex={-1} aria-describedby={errors.value ? `${prefix}-value-error` : undefined} className="mb-3">
          <legend className="mb-1 text-sm font-medium">{t(`settings.${settingKey}.field`)}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {flags.map((flag) => (
              <label key={flag.value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="value" value={flag.value} defaultChecked={flag.checked} />
                {flag.label}
              </label>
            ))}
          </div>
          <FieldError id={`${prefix}-value-error`} message={errors.value} />
        </fieldset>
      ) : (
        <div className="mb-3 max-w-xs">
          <label htmlFor={`${prefix}-value`} className="mb-1 block text-sm font-medium">
            {t(`settings.${settingKey}.field`)}
          </label>
          <input {...fieldProps(prefix, errors, "value")} inputMode="numeric" className={inputClass} />
          <FieldError id={`${prefix}-value-error`} message={errors.value} />
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-effectiveOn`} className="mb-1 block text-sm font-medium">
            {t("effectiveOn")}
          </label>
          <p id={`${prefix}-effectiveOn-hint`} className="mb-1 text-sm text-slate-700">
            {t("effectiveOnHint")}
          </p>
          <input {...fieldProps(prefix, errors, "effectiveOn", `${prefix}-effectiveOn-hint`)} type="date" min={today} defaultValue={today} className={inputClass} />
          <FieldError id={`${prefix}-effectiveOn-error`} message={errors.effectiveOn} />
        </div>
        <div>
          <label htmlFor={`${prefix}-reason`} className="mb-1 block text-sm font-medium">
            {t("reason")}
          </label>
          <input {...fieldProps(prefix, errors, "reason")} maxLength={500} className={inputClass} />
          <FieldError id={`${prefix}-reason-error`} message={errors.reason} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>
        {t("schedule")}
        <span className="sr-only"> {t(`settings.${settingKey}.title`)}</span>
      </button>
    </form>
  );
}

/** Withdraws a version not yet in force, after saying what will happen. */
export function WithdrawPolicyForm({ versionId, settingTitle, effective }: { versionId: string; settingTitle: string; effective: string }) {
  const t = useTranslations("policy");
  const { result, pending, formProps } = useFormAction(withdrawPolicyAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <input type="hidden" name="versionId" value={versionId} />
      <ConfirmSubmit
        disabled={pending}
        className={secondaryButtonClass}
        title={t("confirmWithdraw.title", { setting: settingTitle, effective })}
        consequence={t("confirmWithdraw.consequence")}
        confirmLabel={t("confirmWithdraw.confirm")}
      >
        {t("withdraw")}
        <span className="sr-only"> {t("withdrawFor", { setting: settingTitle, effective })}</span>
      </ConfirmSubmit>
      {result && !result.ok && <FormFeedback result={result} idPrefix={`withdraw-${versionId}`} />}
    </form>
  );
}
