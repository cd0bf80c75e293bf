"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { saveAssessmentAction } from "@/lib/assessments/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import type { AtdMeasure, DetentionGround, InterviewMode, NeedArea } from "@/lib/generated/prisma/enums";

export type AssessmentFormValues = {
  interview: "HELD" | "NOT_HELD" | "";
  interviewAt: string;
  interviewMode: InterviewMode | "";
  interviewLanguage: string;
  interpreterUsed: boolean;
  noInterviewReason: string;
  needs: Partial<Record<NeedArea, string>>;
  concerns: Partial<Record<DetentionGround, string>>;
  mitigations: Partial<Record<DetentionGround, string>>;
  recommendedMeasures: AtdMeasure[];
  riskOpinion: string;
};

const PREFIX = "assessment";

/** The ATD assessment form: draft saves and "complete", carrying the version it was rendered from. */
export function AssessmentForm(props: {
  detentionId: string;
  version: number;
  grounds: DetentionGround[];
  needAreas: NeedArea[];
  measures: AtdMeasure[];
  modes: InterviewMode[];
  zoneName: string;
  completedLabel: string | null;
  values: AssessmentFormValues;
}) {
  const t = useTranslations("planAssessment.form");
  const labels = useTranslations("planLabels");
  const { result, errors, pending, formProps } = useFormAction(saveAssessmentAction, { resetOnSuccess: false });
  const [interview, setInterview] = useState(props.values.interview);
  const [needs, setNeeds] = useState<Set<NeedArea>>(new Set(Object.keys(props.values.needs) as NeedArea[]));
  const intent = useRef<HTMLInputElement>(null);
  const { values } = props;

  const describedBy = (name: string, hint?: string) => [errors[name] ? `${PREFIX}-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const field = (name: string, hint?: string) => ({
    id: `${PREFIX}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, hint),
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  const label = "mb-1 block text-sm font-medium";

  return (
    <form {...formProps} noValidate className="space-y-6">
      <FormFeedback result={result} idPrefix={PREFIX} />
      <input type="hidden" name="detentionId" value={props.detentionId} />
      <input type="hidden" name="version" value={props.version} />
      <input ref={intent} type="hidden" name="intent" defaultValue="save" />
      <p className="text-slate-700">{t("intro", { zone: props.zoneName })}</p>

      <fieldset className="rounded border border-slate-300 bg-white p-4" aria-describedby={errors.interview ? `${PREFIX}-interview-error` : undefined}>
        <legend className="px-1 text-lg font-semibold">{t("interviewLegend")}</legend>
        <FieldError id={`${PREFIX}-interview-error`} message={errors.interview} />
        <div className="space-y-1">
          {(["HELD", "NOT_HELD", ""] as const).map((choice, index) => (
            <div key={choice || "PENDING"} className="flex items-center gap-2">
              <input
                type="radio"
                id={index === 0 ? `${PREFIX}-interview` : `${PREFIX}-interview-${choice || "PENDING"}`}
                name="interview"
                value={choice}
                checked={interview === choice}
                onChange={() => setInterview(choice)}
              />
              <label htmlFor={index === 0 ? `${PREFIX}-interview` : `${PREFIX}-interview-${choice || "PENDING"}`}>
                {choice === "HELD" ? t("interviewHeld") : choice === "NOT_HELD" ? t("interviewNotHeld") : t("interviewPending")}
              </label>
            </div>
          ))}
        </div>

        {interview === "HELD" && (
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <div>
              <label htmlFor={`${PREFIX}-interviewAt`} className={label}>{t("interviewAt", { zone: props.zoneName })}</label>
              <input {...field("interviewAt")} type="datetime-local" defaultValue={values.interviewAt} />
              <FieldError id={`${PREFIX}-interviewAt-error`} message={errors.interviewAt} />
            </div>
            <div>
              <label htmlFor={`${PREFIX}-interviewMode`} className={label}>{t("interviewMode")}</label>
              <select {...field("interviewMode")} defaultValue={values.interviewMode}>
                <option value="">{t("chooseMode")}</option>
                {props.modes.map((mode) => (
                  <option key={mode} value={mode}>{labels(`interviewMode.${mode}`)}</option>
                ))}
              </select>
              <FieldError id={`${PREFIX}-interviewMode-error`} message={errors.interviewMode} />
            </div>
            <div>
              <label htmlFor={`${PREFIX}-interviewLanguage`} className={label}>{t("interviewLanguage")}</label>
              <input {...field("interviewLanguage")} defaultValue={values.interviewLanguage} autoComplete="off" />
              <FieldError id={`${PREFIX}-interviewLanguage-error`} message={errors.interviewLanguage} />
            </div>
            <div className="flex items-center gap-2 self-end pb-1">
              <input type="checkbox" id={`${PREFIX}-interpreterUsed`} name="interpreterUsed" defaultChecked={values.interpreterUsed} />
              <label htmlFor={`${PREFIX}-interpreterUsed`}>{t("interpreterUsed")}</label>
            </div>
          </div>
        )}
        {interview === "NOT_HELD" && (
          <div className="mt-3">
            <label htmlFor={`${PREFIX}-noInterviewReason`} className={label}>{t("noInterviewReason")}</label>
            <textarea {...field("noInterviewReason")} rows={3} defaultValue={values.noInterviewReason} />
            <FieldError id={`${PREFIX}-noInterviewReason-error`} message={errors.noInterviewReason} />
          </div>
        )}
      </fieldset>

      <fieldset className="rounded border border-slate-300 bg-white p-4" aria-describedby={`${PREFIX}-needs-hint`}>
        <legend className="px-1 text-lg font-semibold">{t("needsLegend")}</legend>
        <p id={`${PREFIX}-needs-hint`} className="mb-2 text-sm text-slate-700">{t("needsHint")}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {props.needAreas.map((area) => (
            <div key={area}>
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`${PREFIX}-need-${area}`}
                  name="needs"
                  value={area}
                  checked={needs.has(area)}
                  onChange={(event) => {
                    const next = new Set(needs);
                    if (event.target.checked) next.add(area);
                    else next.delete(area);
                    setNeeds(next);
                  }}
                />
                <label htmlFor={`${PREFIX}-need-${area}`} className="font-medium">{labels(`need.${area}`)}</label>
              </div>
              {needs.has(area) && (
                <div className="mt-1 pl-6">
                  <label htmlFor={`${PREFIX}-needNotes_${area}`} className="mb-1 block text-sm">{t("needNotes", { area: labels(`need.${area}`) })}</label>
                  <textarea {...field(`needNotes_${area}`)} rows={2} defaultValue={values.needs[area] ?? ""} />
                  <FieldError id={`${PREFIX}-needNotes_${area}-error`} message={errors[`needNotes_${area}`]} />
                </div>
              )}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("groundsLegend")}</legend>
        <div className="space-y-4">
          {props.grounds.map((ground) => (
            <div key={ground} className="grid gap-3 md:grid-cols-2">
              <div>
                <label htmlFor={`${PREFIX}-concern_${ground}`} className={label}>{t("groundConcern", { ground: labels(`ground.${ground}`) })}</label>
                <textarea {...field(`concern_${ground}`)} rows={3} defaultValue={values.concerns[ground] ?? ""} />
                <FieldError id={`${PREFIX}-concern_${ground}-error`} message={errors[`concern_${ground}`]} />
              </div>
              <div>
                <label htmlFor={`${PREFIX}-mitigation_${ground}`} className={label}>{t("groundMitigation", { ground: labels(`ground.${ground}`) })}</label>
                <textarea {...field(`mitigation_${ground}`)} rows={3} defaultValue={values.mitigations[ground] ?? ""} />
                <FieldError id={`${PREFIX}-mitigation_${ground}-error`} message={errors[`mitigation_${ground}`]} />
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("measuresLegend")}</legend>
        <div className="grid gap-1 md:grid-cols-2">
          {props.measures.map((measure) => (
            <div key={measure} className="flex items-center gap-2">
              <input type="checkbox" id={`${PREFIX}-measure-${measure}`} name="recommendedMeasures" value={measure} defaultChecked={values.recommendedMeasures.includes(measure)} />
              <label htmlFor={`${PREFIX}-measure-${measure}`}>{labels(`measure.${measure}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="rounded border border-slate-300 bg-white p-4">
        <label htmlFor={`${PREFIX}-riskOpinion`} className={label}>{t("riskOpinion")}</label>
        <p id={`${PREFIX}-riskOpinion-hint`} className="mb-1 text-sm text-slate-700">{t("riskOpinionHint")}</p>
        <textarea {...field("riskOpinion", `${PREFIX}-riskOpinion-hint`)} rows={3} defaultValue={values.riskOpinion} />
        <FieldError id={`${PREFIX}-riskOpinion-error`} message={errors.riskOpinion} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        {props.completedLabel ? (
          <>
            <p className="w-full text-slate-700">{t("completedNote", { at: props.completedLabel })}</p>
            <button type="submit" disabled={pending} onClick={() => intent.current && (intent.current.value = "save")} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {t("saveCompleted")}
            </button>
          </>
        ) : (
          <>
            <p id={`${PREFIX}-complete-hint`} className="w-full text-sm text-slate-700">{t("completeHint")}</p>
            <button type="submit" disabled={pending} onClick={() => intent.current && (intent.current.value = "save")} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60">
              {t("saveDraft")}
            </button>
            <button
              type="submit"
              disabled={pending}
              aria-describedby={`${PREFIX}-complete-hint`}
              onClick={() => intent.current && (intent.current.value = "complete")}
              className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("complete")}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
