"use client";

import { useTranslations } from "next-intl";
import { closeComplaintAction, respondComplaintAction, reviewComplaintAction, shareComplaintSummaryAction, withdrawComplaintAction } from "@/lib/complaints/actions";
import { RESPONSE_OUTCOMES } from "@/lib/complaints/rules";
import { COMPLAINT_TEXT_MAX } from "@/lib/complaints/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

type Record = { complaintId: string; version: number };
const label = "mb-1 block text-sm font-medium";
const box = "grid gap-3 rounded border border-slate-300 bg-white p-4";

function Hidden({ complaintId, version }: Record) {
  return (
    <>
      <input type="hidden" name="complaintId" value={complaintId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** A supervisor takes the complaint (or gives it to another), with the investigation's notes. */
export function ReviewComplaintForm({ complaintId, version, supervisors, handlerId, notes, me }: Record & { supervisors: { id: string; name: string }[]; handlerId: string | null; notes: string | null; me: string }) {
  const t = useTranslations("complaints");
  const { result, errors, pending, formProps } = useFormAction(reviewComplaintAction, { resetOnSuccess: false });
  const prefix = "complaint-review";
  return (
    <form {...formProps} className={box} noValidate aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">{t("review.title")}</h2>
      <FormFeedback result={result} idPrefix={prefix} />
      <Hidden complaintId={complaintId} version={version} />
      <div>
        <label htmlFor={`${prefix}-handlerId`} className={label}>{t("review.handler")}</label>
        <select {...fieldProps(prefix, errors, "handlerId")} className={inputClass} defaultValue={handlerId ?? (supervisors.some((s) => s.id === me) ? me : "")}>
          <option value="">{t("review.chooseHandler")}</option>
          {supervisors.map((supervisor) => <option key={supervisor.id} value={supervisor.id}>{supervisor.name}</option>)}
        </select>
        <FieldError id={`${prefix}-handlerId-error`} message={errors.handlerId} />
      </div>
      <div>
        <label htmlFor={`${prefix}-investigationNotes`} className={label}>{t("review.notes")}</label>
        <textarea {...fieldProps(prefix, errors, "investigationNotes", `${prefix}-notes-hint`)} rows={4} maxLength={COMPLAINT_TEXT_MAX} defaultValue={notes ?? ""} className={inputClass} />
        <p id={`${prefix}-notes-hint`} className="mt-1 text-sm text-slate-600">{t("review.notesHint")}</p>
        <FieldError id={`${prefix}-investigationNotes-error`} message={errors.investigationNotes} />
      </div>
      <div><button type="submit" disabled={pending} className={buttonClass}>{t("review.submit")}</button></div>
    </form>
  );
}

/** The written response to the complainant, with its outcome. */
export function RespondComplaintForm({ complaintId, version }: Record) {
  const t = useTranslations("complaints");
  const { result, errors, pending, formProps } = useFormAction(respondComplaintAction, { resetOnSuccess: false });
  const prefix = "complaint-respond";
  return (
    <form {...formProps} className={box} noValidate aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">{t("respond.title")}</h2>
      <FormFeedback result={result} idPrefix={prefix} />
      <Hidden complaintId={complaintId} version={version} />
      <div>
        <label htmlFor={`${prefix}-outcome`} className={label}>{t("respond.outcome")}</label>
        <select {...fieldProps(prefix, errors, "outcome")} className={inputClass} defaultValue="">
          <option value="">{t("respond.chooseOutcome")}</option>
          {RESPONSE_OUTCOMES.map((outcome) => <option key={outcome} value={outcome}>{t(`outcome.${outcome}`)}</option>)}
        </select>
        <FieldError id={`${prefix}-outcome-error`} message={errors.outcome} />
      </div>
      <div>
        <label htmlFor={`${prefix}-response`} className={label}>{t("respond.response")}</label>
        <textarea {...fieldProps(prefix, errors, "response", `${prefix}-response-hint`)} rows={6} maxLength={COMPLAINT_TEXT_MAX} className={inputClass} />
        <p id={`${prefix}-response-hint`} className="mt-1 text-sm text-slate-600">{t("respond.responseHint")}</p>
        <FieldError id={`${prefix}-response-error`} message={errors.response} />
      </div>
      <div><button type="submit" disabled={pending} className={buttonClass}>{t("respond.submit")}</button></div>
    </form>
  );
}

/** A summary for the officer the complaint names: the only part of it they will ever see. */
export function ShareComplaintForm({ complaintId, version, summary, subjectName }: Record & { summary: string | null; subjectName: string }) {
  const t = useTranslations("complaints");
  const { result, errors, pending, formProps } = useFormAction(shareComplaintSummaryAction, { resetOnSuccess: false });
  const prefix = "complaint-share";
  return (
    <form {...formProps} className={box} noValidate aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">{t("share.title")}</h2>
      <p className="text-sm text-slate-700">{t("share.intro", { officer: subjectName })}</p>
      <FormFeedback result={result} idPrefix={prefix} />
      <Hidden complaintId={complaintId} version={version} />
      <div>
        <label htmlFor={`${prefix}-subjectSummary`} className={label}>{t("share.summary")}</label>
        <textarea {...fieldProps(prefix, errors, "subjectSummary")} rows={4} maxLength={COMPLAINT_TEXT_MAX} defaultValue={summary ?? ""} className={inputClass} />
        <FieldError id={`${prefix}-subjectSummary-error`} message={errors.subjectSummary} />
      </div>
      <div><button type="submit" disabled={pending} className={buttonClass}>{t("share.submit")}</button></div>
    </form>
  );
}

/** One button: close (the office, after responding) or withdraw (the complainant, before a response). */
export function ComplaintStepButton({ complaintId, version, step }: Record & { step: "close" | "withdraw" }) {
  const t = useTranslations("complaints");
  const { result, pending, formProps } = useFormAction(step === "close" ? closeComplaintAction : withdrawComplaintAction, { resetOnSuccess: false });
  const prefix = `complaint-${step}`;
  return (
    <form {...formProps} className={box} noValidate aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">{t(`${step}.title`)}</h2>
      <p className="text-sm text-slate-700">{t(`${step}.intro`)}</p>
      <FormFeedback result={result} idPrefix={prefix} />
      <Hidden complaintId={complaintId} version={version} />
      <div><button type="submit" disabled={pending} className={secondaryButtonClass}>{t(`${step}.submit`)}</button></div>
    </form>
  );
}
