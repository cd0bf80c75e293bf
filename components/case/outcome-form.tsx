"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { correctOutcomeAction, recordOutcomeAction, undoOutcomeAction } from "@/lib/outcomes/actions";
import { DECISION_MAKERS, OUTCOME_KINDS, RELEASE_TYPES, REPORTING_FREQUENCIES, REPORTING_MODES } from "@/lib/outcomes/rules";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** What the form starts with: empty, pre-filled from a review that ordered release, or the outcome being corrected. */
export type OutcomeFormValues = {
  kind: string;
  releaseType: string;
  date: string;
  time: string;
  decidedBy: string;
  decisionMakerName: string;
  reason: string;
  reportingMode: string;
  reportingFrequency: string;
  residenceAddress: string;
  bondspersonName: string;
  bondAmount: string;
  cashDeposit: string;
  performanceBond: string;
  ccmsProgram: string;
  ccmsProvider: string;
  curfew: string;
  electronicMonitoring: boolean;
  otherConditions: string;
};

export const EMPTY_OUTCOME_FORM: OutcomeFormValues = {
  kind: "",
  releaseType: "",
  date: "",
  time: "",
  decidedBy: "",
  decisionMakerName: "",
  reason: "",
  reportingMode: "",
  reportingFrequency: "",
  residenceAddress: "",
  bondspersonName: "",
  bondAmount: "",
  cashDeposit: "",
  performanceBond: "",
  ccmsProgram: "",
  ccmsProvider: "",
  curfew: "",
  electronicMonitoring: false,
  otherConditions: "",
};

const input = "rounded border border-slate-500 px-2 py-1";
const label = "mb-1 block text-sm font-medium";

/**
 * Record how the detention ended, or (a supervisor) correct the outcome in force. Date and time are the facility's
 * wall clock (`zone`); the server converts them. The conditions fieldset shows for a release only; the server keeps
 * no conditions for any other outcome whatever is posted.
 */
export function OutcomeForm({
  detentionId,
  detentionVersion,
  zone,
  values,
  correct,
}: {
  detentionId: string;
  detentionVersion: number;
  zone: string;
  values: OutcomeFormValues;
  correct?: { outcomeId: string; outcomeVersion: number };
}) {
  const t = useTranslations("outcome");
  const tEnums = useTranslations("outcomeEnums");
  const { result, errors, pending, formProps } = useFormAction(correct ? correctOutcomeAction : recordOutcomeAction, { resetOnSuccess: false });
  const [kind, setKind] = useState(values.kind);
  const id = correct ? `correct-${correct.outcomeId}` : `outcome-${detentionId}`;
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  const text = (name: keyof OutcomeFormValues, options: { hint?: string; wide?: boolean } = {}) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={label}>{t(`fields.${name}`)}</label>
      {options.hint && <p id={`${id}-${name}-hint`} className="mb-1 text-sm text-slate-700">{options.hint}</p>}
      <input {...field(name)} type="text" defaultValue={values[name] as string} className={`${input} ${options.wide ? "w-full max-w-xl" : ""}`} />
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );
  const release = kind === "RELEASE";

  return (
    <form {...formProps} noValidate className="space-y-3">
      <FormFeedback result={result} idPrefix={id} />
      <input type="hidden" name="detentionId" value={detentionId} />
      {correct ? (
        <>
          <input type="hidden" name="outcomeId" value={correct.outcomeId} />
          <input type="hidden" name="outcomeVersion" value={correct.outcomeVersion} />
        </>
      ) : (
        <input type="hidden" name="detentionVersion" value={detentionVersion} />
      )}
      <div>
        <label htmlFor={`${id}-kind`} className={label}>{t("fields.kind")}</label>
        <select {...field("kind")} value={kind} onChange={(event) => setKind(event.target.value)} className={input}>
          <option value="" disabled>{t("choose")}</option>
          {OUTCOME_KINDS.map((value) => (
            <option key={value} value={value}>{tEnums(`kind.${value}`)}</option>
          ))}
        </select>
        <FieldError id={`${id}-kind-error`} message={errors.kind} />
      </div>
      {release && (
        <div>
          <label htmlFor={`${id}-releaseType`} className={label}>{t("fields.releaseType")}</label>
          <select {...field("releaseType")} defaultValue={values.releaseType} className={input}>
            <option value="">{t("choose")}</option>
            {RELEASE_TYPES.map((value) => (
              <option key={value} value={value}>{tEnums(`releaseType.${value}`)}</option>
            ))}
          </select>
          <p className="mt-1 text-sm text-slate-700">{t("releaseTypeHint")}</p>
          <FieldError id={`${id}-releaseType-error`} message={errors.releaseType} />
        </div>
      )}
      <p className="text-sm text-slate-700">{t("zoneHint", { zone })}</p>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-date`} className={label}>{t("fields.date")}</label>
          <input {...field("date")} type="date" defaultValue={values.date} className={input} />
          <FieldError id={`${id}-date-error`} message={errors.date} />
        </div>
        <div>
          <label htmlFor={`${id}-time`} className={label}>{t("fields.time")}</label>
          <input {...field("time")} type="time" defaultValue={values.time} className={input} />
          <FieldError id={`${id}-time-error`} message={errors.time} />
        </div>
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-decidedBy`} className={label}>{t("fields.decidedBy")}</label>
          <select {...field("decidedBy")} defaultValue={values.decidedBy} className={input}>
            <option value="">{release ? t("decidedByFromType") : t("choose")}</option>
            {DECISION_MAKERS.map((value) => (
              <option key={value} value={value}>{tEnums(`decidedBy.${value}`)}</option>
            ))}
          </select>
          <FieldError id={`${id}-decidedBy-error`} message={errors.decidedBy} />
        </div>
        {text("decisionMakerName")}
      </div>

      {release && (
        <fieldset id={`${id}-conditions`} tabIndex={-1} aria-describedby={errors.conditions ? `${id}-conditions-error` : undefined} className="space-y-3 rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("conditionsLegend")}</legend>
          <p className="text-sm text-slate-700">{t("conditionsHint")}</p>
          <FieldError id={`${id}-conditions-error`} message={errors.conditions} />
          <div className="flex flex-wrap gap-4">
            <div>
              <label htmlFor={`${id}-reportingMode`} className={label}>{t("fields.reportingMode")}</label>
              <select {...field("reportingMode")} defaultValue={values.reportingMode} className={input}>
                <option value="">{t("none")}</option>
                {REPORTING_MODES.map((value) => (
                  <option key={value} value={value}>{tEnums(`reportingMode.${value}`)}</option>
                ))}
              </select>
              <FieldError id={`${id}-reportingMode-error`} message={errors.reportingMode} />
            </div>
            <div>
              <label htmlFor={`${id}-reportingFrequency`} className={label}>{t("fields.reportingFrequency")}</label>
              <select {...field("reportingFrequency")} defaultValue={values.reportingFrequency} className={input}>
                <option value="">{t("none")}</option>
                {REPORTING_FREQUENCIES.map((value) => (
                  <option key={value} value={value}>{tEnums(`reportingFrequency.${value}`)}</option>
                ))}
              </select>
              <FieldError id={`${id}-reportingFrequency-error`} message={errors.reportingFrequency} />
            </div>
          </div>
          {text("residenceAddress", { wide: true })}
          <div className="flex flex-wrap gap-4">
            {text("bondspersonName")}
            {text("bondAmount")}
          </div>
          <div className="flex flex-wrap gap-4">
            {text("cashDeposit")}
            {text("performanceBond")}
          </div>
          <div className="flex flex-wrap gap-4">
            {text("ccmsProgram")}
            {text("ccmsProvider")}
          </div>
          {text("curfew")}
          <div className="flex items-center gap-2">
            <input id={`${id}-electronicMonitoring`} name="electronicMonitoring" type="checkbox" defaultChecked={values.electronicMonitoring} className="h-4 w-4" />
            <label htmlFor={`${id}-electronicMonitoring`}>{t("fields.electronicMonitoring")}</label>
          </div>
          <div>
            <label htmlFor={`${id}-otherConditions`} className={label}>{t("fields.otherConditions")}</label>
            <textarea {...field("otherConditions")} rows={2} defaultValue={values.otherConditions} className={`${input} w-full max-w-xl`} />
            <FieldError id={`${id}-otherConditions-error`} message={errors.otherConditions} />
          </div>
        </fieldset>
      )}

      <div>
        <label htmlFor={`${id}-reason`} className={label}>{t("fields.reason")}</label>
        <p className="mb-1 text-sm text-slate-700">{t("reasonHint")}</p>
        <textarea {...field("reason")} rows={2} defaultValue={values.reason} className={`${input} w-full max-w-xl`} />
        <FieldError id={`${id}-reason-error`} message={errors.reason} />
      </div>
      {correct && (
        <div>
          <label htmlFor={`${id}-correctionReason`} className={label}>{t("fields.correctionReason")}</label>
          <textarea {...field("correctionReason")} rows={2} className={`${input} w-full max-w-xl`} />
          <FieldError id={`${id}-correctionReason-error`} message={errors.correctionReason} />
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {correct ? t("saveCorrection") : t("record")}
      </button>
    </form>
  );
}

/** A supervisor undoes the outcome in force, with the reason: the person is detained again as before. */
export function UndoOutcomeForm({ detentionId, outcomeId, outcomeVersion }: { detentionId: string; outcomeId: string; outcomeVersion: number }) {
  const t = useTranslations("outcome");
  const { result, errors, pending, formProps } = useFormAction(undoOutcomeAction, { resetOnSuccess: false });
  const id = `undo-${outcomeId}`;
  return (
    <form {...formProps} noValidate className="space-y-3">
      <FormFeedback result={result} idPrefix={id} />
      <p className="text-sm text-slate-700">{t("undoHint")}</p>
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="outcomeId" value={outcomeId} />
      <input type="hidden" name="outcomeVersion" value={outcomeVersion} />
      <div>
        <label htmlFor={`${id}-undoReason`} className={label}>{t("fields.undoReason")}</label>
        <textarea
          id={`${id}-undoReason`}
          name="undoReason"
          rows={2}
          aria-invalid={errors.undoReason ? true : undefined}
          aria-describedby={errors.undoReason ? `${id}-undoReason-error` : undefined}
          className={`${input} w-full max-w-xl`}
        />
        <FieldError id={`${id}-undoReason-error`} message={errors.undoReason} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900">
        {t("undo")}
      </button>
    </form>
  );
}
