"use client";

import { useTranslations } from "next-intl";
import { recordTraffickingScreenAction } from "@/lib/trafficking/actions";
import { GROUP_INDICATORS, GROUP_NOTES, TRAFFICKING_GROUPS, TRAFFICKING_OUTCOMES } from "@/lib/trafficking/rules";
import { DISCLOSURE_METHODS } from "@/lib/trafficking/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const PREFIX = "trafficking";
const input = "w-full rounded border border-slate-500 px-2 py-1";

/**
 * The trafficking screen. The disclosure of risks comes first, before any question: the CLO confirms the person was
 * told, in their language, who will see the screen and the risks of disclosing, and agrees; without it the server
 * records nothing. Every indicator is optional; each group has its notes.
 */
export function TraffickingScreenForm({ detentionId }: { detentionId: string }) {
  const t = useTranslations("traffickingScreen");
  const { result, errors, pending, formProps } = useFormAction(recordTraffickingScreenAction);
  const describedBy = (field: string, hint?: string) => [errors[field] ? `${PREFIX}-${field}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <form {...formProps} noValidate className="mt-4 rounded border border-slate-300 p-3">
      <h4 className="mb-2 font-semibold">{t("recordTitle")}</h4>
      <FormFeedback result={result} idPrefix={PREFIX} />
      <input type="hidden" name="detentionId" value={detentionId} />

      <fieldset className="mb-4 rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("disclosureLegend")}</legend>
        <div className="flex items-start gap-2">
          <input
            id={`${PREFIX}-disclosureConfirmed`}
            name="disclosureConfirmed"
            type="checkbox"
            className="mt-1 h-4 w-4"
            aria-invalid={errors.disclosureConfirmed ? true : undefined}
            aria-describedby={describedBy("disclosureConfirmed", `${PREFIX}-disclosure-hint`)}
          />
          <div>
            <label htmlFor={`${PREFIX}-disclosureConfirmed`} className="text-sm font-medium">
              {t("disclosureConfirmed")}
            </label>
            <p id={`${PREFIX}-disclosure-hint`} className="text-sm text-slate-600">
              {t("disclosureHint")}
            </p>
            <FieldError id={`${PREFIX}-disclosureConfirmed-error`} message={errors.disclosureConfirmed} />
          </div>
        </div>
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <fieldset aria-describedby={describedBy("disclosureMethod")}>
            <legend className="mb-1 text-sm font-medium">{t("disclosureMethod")}</legend>
            {DISCLOSURE_METHODS.map((method, index) => (
              <div key={method} className="flex items-center gap-2">
                <input type="radio" id={index === 0 ? `${PREFIX}-disclosureMethod` : `${PREFIX}-disclosureMethod-${method}`} name="disclosureMethod" value={method} defaultChecked={index === 0} />
                <label htmlFor={index === 0 ? `${PREFIX}-disclosureMethod` : `${PREFIX}-disclosureMethod-${method}`} className="text-sm">
                  {t(`method.${method}`)}
                </label>
              </div>
            ))}
            <FieldError id={`${PREFIX}-disclosureMethod-error`} message={errors.disclosureMethod} />
          </fieldset>
          <div>
            <label htmlFor={`${PREFIX}-interpreterLanguage`} className="mb-1 block text-sm font-medium">
              {t("interpreterLanguage")}
            </label>
            <input id={`${PREFIX}-interpreterLanguage`} name="interpreterLanguage" type="text" className={input} aria-describedby={describedBy("interpreterLanguage", `${PREFIX}-interpreter-hint`)} />
            <p id={`${PREFIX}-interpreter-hint`} className="text-sm text-slate-600">
              {t("interpreterHint")}
            </p>
            <FieldError id={`${PREFIX}-interpreterLanguage-error`} message={errors.interpreterLanguage} />
          </div>
        </div>
      </fieldset>

      <h5 id={`${PREFIX}-indicators`} tabIndex={-1} className="mb-2 font-semibold">
        {t("groupsLegend")}
      </h5>
      <FieldError id={`${PREFIX}-indicators-error`} message={errors.indicators} />
      <div className="grid gap-3 md:grid-cols-2">
        {TRAFFICKING_GROUPS.map((group) => (
          <fieldset key={group} className="rounded border border-slate-300 p-3">
            <legend className="px-1 font-medium">{t(`groups.${group}`)}</legend>
            {GROUP_INDICATORS[group].map((indicator) => (
              <div key={indicator} className="flex items-start gap-2">
                <input type="checkbox" id={`${PREFIX}-indicator-${indicator}`} name="indicators" value={indicator} className="mt-1 h-4 w-4" />
                <label htmlFor={`${PREFIX}-indicator-${indicator}`} className="text-sm">
                  {t(`indicators.${indicator}`)}
                </label>
              </div>
            ))}
            <label htmlFor={`${PREFIX}-${GROUP_NOTES[group]}`} className="mt-2 mb-1 block text-sm font-medium">
              {t("groupNotes", { group: t(`groups.${group}`) })}
            </label>
            <textarea id={`${PREFIX}-${GROUP_NOTES[group]}`} name={GROUP_NOTES[group]} rows={2} className={input} aria-describedby={describedBy(GROUP_NOTES[group])} />
            <FieldError id={`${PREFIX}-${GROUP_NOTES[group]}-error`} message={errors[GROUP_NOTES[group]]} />
          </fieldset>
        ))}
      </div>

      <fieldset className="mt-4" aria-describedby={describedBy("outcome", `${PREFIX}-outcome-hint`)}>
        <legend className="mb-1 font-semibold">{t("outcome")}</legend>
        <p id={`${PREFIX}-outcome-hint`} className="text-sm text-slate-600">
          {t("outcomeHint")}
        </p>
        {TRAFFICKING_OUTCOMES.map((outcome, index) => (
          <div key={outcome} className="flex items-center gap-2">
            <input type="radio" id={index === 0 ? `${PREFIX}-outcome` : `${PREFIX}-outcome-${outcome}`} name="outcome" value={outcome} />
            <label htmlFor={index === 0 ? `${PREFIX}-outcome` : `${PREFIX}-outcome-${outcome}`} className="text-sm">
              {t(`outcomes.${outcome}`)}
            </label>
          </div>
        ))}
        <FieldError id={`${PREFIX}-outcome-error`} message={errors.outcome} />
      </fieldset>

      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
