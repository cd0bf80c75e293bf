"use client";

import { useTranslations } from "next-intl";
import { editReviewAction, recordReviewAction } from "@/lib/reviews/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const OUTCOMES = ["CONTINUED", "RELEASE_ORDERED", "ADJOURNED", "WITHDRAWN"] as const;

type Values = { startedDate: string; startedTime: string; concludedDate: string; concludedTime: string; outcome: string; notes: string };

/**
 * Record the next review as held, or correct one already recorded (`edit`). Dates and times are the
 * facility's local ones; the server converts them with the facility's zone.
 */
export function RecordReviewForm({
  detentionId,
  detentionVersion,
  zone,
  edit,
}: {
  detentionId: string;
  detentionVersion: number;
  zone: string;
  edit?: { reviewId: string; reviewVersion: number; title: string; values: Values };
}) {
  const t = useTranslations("reviewsSection.form");
  const tOutcome = useTranslations("reviewOutcome");
  const { result, errors, pending, formProps } = useFormAction(edit ? editReviewAction : recordReviewAction, { resetOnSuccess: !edit });
  const id = edit ? `edit-${edit.reviewId}` : `record-${detentionId}`;
  const values = edit?.values;
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <form {...formProps} noValidate className="space-y-3 rounded border border-slate-300 bg-white p-3">
      <h3 className="font-semibold">{edit ? edit.title : t("recordTitle")}</h3>
      {!edit && <p className="text-sm text-slate-700">{t("recordIntro")}</p>}
      <p className="text-sm text-slate-700">{t("scheduleIntro", { zone })}</p>
      <FormFeedback result={result} idPrefix={id} />
      <input type="hidden" name="detentionId" value={detentionId} />
      {edit ? (
        <>
          <input type="hidden" name="reviewId" value={edit.reviewId} />
          <input type="hidden" name="reviewVersion" value={edit.reviewVersion} />
        </>
      ) : (
        <input type="hidden" name="detentionVersion" value={detentionVersion} />
      )}
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-startedDate`} className="mb-1 block text-sm font-medium">{t("startedDate")}</label>
          <input {...field("startedDate")} type="date" defaultValue={values?.startedDate} required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-startedDate-error`} message={errors.startedDate} />
        </div>
        <div>
          <label htmlFor={`${id}-startedTime`} className="mb-1 block text-sm font-medium">{t("startedTime")}</label>
          <input {...field("startedTime")} type="time" defaultValue={values?.startedTime} required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-startedTime-error`} message={errors.startedTime} />
        </div>
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-concludedDate`} className="mb-1 block text-sm font-medium">{t("concludedDate")}</label>
          <input {...field("concludedDate")} type="date" defaultValue={values?.concludedDate} className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-concludedDate-error`} message={errors.concludedDate} />
        </div>
        <div>
          <label htmlFor={`${id}-concludedTime`} className="mb-1 block text-sm font-medium">{t("concludedTime")}</label>
          <input {...field("concludedTime")} type="time" defaultValue={values?.concludedTime} className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-concludedTime-error`} message={errors.concludedTime} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-outcome`} className="mb-1 block text-sm font-medium">{t("outcome")}</label>
        <select {...field("outcome")} defaultValue={values?.outcome ?? ""} required className="rounded border border-slate-500 px-2 py-1">
          <option value="" disabled>{t("chooseOutcome")}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>{tOutcome(outcome)}</option>
          ))}
        </select>
        <FieldError id={`${id}-outcome-error`} message={errors.outcome} />
        <p className="mt-1 text-sm text-slate-700">{t("releaseNote")}</p>
      </div>
      {!edit && (
        <div className="flex items-center gap-2">
          <input id={`${id}-early`} name="early" type="checkbox" className="h-4 w-4" />
          <label htmlFor={`${id}-early`}>{t("earlyReview")}</label>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-notes`} className="mb-1 block text-sm font-medium">{t("notes")}</label>
        <textarea {...field("notes")} rows={3} defaultValue={values?.notes} className="w-full max-w-xl rounded border border-slate-500 px-2 py-1" />
        <FieldError id={`${id}-notes-error`} message={errors.notes} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {edit ? t("saveEdit") : t("record")}
      </button>
    </form>
  );
}
