"use client";

import { useTranslations } from "next-intl";
import { scheduleHearingAction } from "@/lib/reviews/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Schedule or move the hearing of the next review, in the facility's local date and time. */
export function ScheduleHearingForm({
  detentionId,
  detentionVersion,
  zone,
  current,
}: {
  detentionId: string;
  detentionVersion: number;
  zone: string;
  current: { date: string; time: string; location: string; byVideo: boolean } | null;
}) {
  const t = useTranslations("reviewsSection.form");
  const { result, errors, pending, formProps } = useFormAction(scheduleHearingAction, { resetOnSuccess: false });
  const id = `schedule-${detentionId}`;
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <form {...formProps} noValidate className="space-y-3 rounded border border-slate-300 bg-white p-3">
      <h3 className="font-semibold">{current ? t("rescheduleTitle") : t("scheduleTitle")}</h3>
      <p className="text-sm text-slate-700">{t("scheduleIntro", { zone })}</p>
      <FormFeedback result={result} idPrefix={id} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="detentionVersion" value={detentionVersion} />
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-date`} className="mb-1 block text-sm font-medium">{t("date")}</label>
          <input {...field("date")} type="date" defaultValue={current?.date} required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-date-error`} message={errors.date} />
        </div>
        <div>
          <label htmlFor={`${id}-time`} className="mb-1 block text-sm font-medium">{t("time")}</label>
          <input {...field("time")} type="time" defaultValue={current?.time} required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${id}-time-error`} message={errors.time} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-location`} className="mb-1 block text-sm font-medium">{t("hearingLocation")}</label>
        <input {...field("location")} type="text" defaultValue={current?.location} className="w-full max-w-md rounded border border-slate-500 px-2 py-1" />
        <FieldError id={`${id}-location-error`} message={errors.location} />
      </div>
      <div className="flex items-center gap-2">
        <input id={`${id}-byVideo`} name="byVideo" type="checkbox" defaultChecked={current?.byVideo} className="h-4 w-4" />
        <label htmlFor={`${id}-byVideo`}>{t("hearingByVideo")}</label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {t("schedule")}
      </button>
    </form>
  );
}
