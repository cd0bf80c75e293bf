"use client";

import { useTranslations } from "next-intl";
import { correctDetentionAction, correctPersonAction } from "@/lib/corrections/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const INPUT = "w-full rounded border border-slate-500 px-2 py-1";

/** A labelled control with its hint and its error, wired by id (the error summary links to `${prefix}-${name}`). */
function Field({ prefix, name, label, hint, error, children }: { prefix: string; name: string; label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => React.ReactNode }) {
  const describedBy = [hint ? `${prefix}-${name}-hint` : null, error ? `${prefix}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${prefix}-${name}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children(describedBy)}
      <FieldError id={`${prefix}-${name}-error`} message={error} />
    </div>
  );
}

function ReasonField({ prefix, error }: { prefix: string; error?: string }) {
  const t = useTranslations("corrections");
  return (
    <Field prefix={prefix} name="reason" label={t("reason")} hint={t("reasonHint")} error={error}>
      {(describedBy) => <textarea id={`${prefix}-reason`} name="reason" rows={2} required aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={INPUT} />}
    </Field>
  );
}

export type PersonFormValues = {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: string;
  languages: string[];
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  citizenship: string;
  clientId: string | null;
};

/** "Correct the person's details": pre-filled with the details as stored, a reason required. */
export function PersonCorrectionForm({ detentionId, detaineeVersion, values, genders }: { detentionId: string; detaineeVersion: number; values: PersonFormValues; genders: { value: string; label: string }[] }) {
  const t = useTranslations("corrections");
  const { result, errors, pending, formProps } = useFormAction(correctPersonAction, { resetOnSuccess: false });
  const prefix = "correct-person";
  const text = (name: "givenName" | "familyName" | "citizenship", label: string) => (
    <Field prefix={prefix} name={name} label={label} error={errors[name]}>
      {(describedBy) => <input id={`${prefix}-${name}`} name={name} defaultValue={values[name]} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy} className={INPUT} />}
    </Field>
  );
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="detaineeVersion" value={detaineeVersion} />
      <div className="grid gap-3 md:grid-cols-2">
        {text("givenName", t("field.givenName"))}
        {text("familyName", t("field.familyName"))}
        <Field prefix={prefix} name="dateOfBirth" label={t("field.dateOfBirth")} error={errors.dateOfBirth}>
          {(describedBy) => (
            <input id={`${prefix}-dateOfBirth`} name="dateOfBirth" type="date" defaultValue={values.dateOfBirth} aria-invalid={errors.dateOfBirth ? true : undefined} aria-describedby={describedBy} className={INPUT} />
          )}
        </Field>
        <Field prefix={prefix} name="gender" label={t("field.gender")} error={errors.gender}>
          {(describedBy) => (
            <select id={`${prefix}-gender`} name="gender" defaultValue={values.gender} aria-describedby={describedBy} className={INPUT}>
              {genders.map((gender) => (
                <option key={gender.value} value={gender.value}>
                  {gender.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field prefix={prefix} name="languages" label={t("field.languages")} error={errors.languages}>
          {(describedBy) => <input id={`${prefix}-languages`} name="languages" defaultValue={values.languages.join(", ")} aria-invalid={errors.languages ? true : undefined} aria-describedby={describedBy} className={INPUT} />}
        </Field>
        {text("citizenship", t("field.citizenship"))}
        <div className="flex items-center gap-2 self-end">
          <input id={`${prefix}-interpreterNeeded`} name="interpreterNeeded" type="checkbox" defaultChecked={values.interpreterNeeded} className="h-4 w-4" />
          <label htmlFor={`${prefix}-interpreterNeeded`} className="text-sm font-medium">
            {t("field.interpreterNeeded")}
          </label>
        </div>
        <Field prefix={prefix} name="interpreterLanguage" label={t("field.interpreterLanguage")} error={errors.interpreterLanguage}>
          {(describedBy) => (
            <input id={`${prefix}-interpreterLanguage`} name="interpreterLanguage" defaultValue={values.interpreterLanguage ?? ""} aria-invalid={errors.interpreterLanguage ? true : undefined} aria-describedby={describedBy} className={INPUT} />
          )}
        </Field>
        <Field prefix={prefix} name="clientId" label={t("clientIdOptional")} error={errors.clientId}>
          {(describedBy) => <input id={`${prefix}-clientId`} name="clientId" defaultValue={values.clientId ?? ""} aria-invalid={errors.clientId ? true : undefined} aria-describedby={describedBy} className={INPUT} />}
        </Field>
      </div>
      <div className="mt-3">
        <ReasonField prefix={prefix} error={errors.reason} />
      </div>
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("savePerson")}
      </button>
    </form>
  );
}

export type DetentionFormValues = { detainedOn: string; detainedAtTime: string; facilityId: string; grounds: string[]; schedule: string };

/**
 * "Correct the detention's details": the time on the facility's clock, the facility entered at intake (the office's
 * facilities; fixed once a transfer is recorded), the grounds and the schedule. A reason is required.
 */
export function DetentionCorrectionForm({
  detentionId,
  version,
  values,
  facilities,
  transferred,
  grounds,
  schedules,
}: {
  detentionId: string;
  version: number;
  values: DetentionFormValues;
  facilities: { id: string; label: string }[];
  transferred: boolean;
  grounds: { value: string; label: string }[];
  schedules: { value: string; label: string }[];
}) {
  const t = useTranslations("corrections");
  const { result, errors, pending, formProps } = useFormAction(correctDetentionAction, { resetOnSuccess: false });
  const prefix = "correct-detention";
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <p className="mb-3 text-sm text-slate-700">{t("detentionFormHint")}</p>
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-2">
        <Field prefix={prefix} name="detainedOn" label={t("detainedOn")} hint={t("detainedAtHint")} error={errors.detainedOn}>
          {(describedBy) => <input id={`${prefix}-detainedOn`} name="detainedOn" type="date" defaultValue={values.detainedOn} aria-invalid={errors.detainedOn ? true : undefined} aria-describedby={describedBy} className={INPUT} />}
        </Field>
        <Field prefix={prefix} name="detainedAtTime" label={t("detainedAtTime")} error={errors.detainedAtTime}>
          {(describedBy) => (
            <input id={`${prefix}-detainedAtTime`} name="detainedAtTime" type="time" defaultValue={values.detainedAtTime} aria-invalid={errors.detainedAtTime ? true : undefined} aria-describedby={describedBy} className={INPUT} />
          )}
        </Field>
        <Field prefix={prefix} name="facilityId" label={t("field.facility")} hint={transferred ? t("facilityTransferred") : t("facilityHint")} error={errors.facilityId}>
          {(describedBy) =>
            transferred ? (
              <>
                <input type="hidden" name="facilityId" value={values.facilityId} />
                <input id={`${prefix}-facilityId`} readOnly value={facilities.find((facility) => facility.id === values.facilityId)?.label ?? ""} aria-describedby={describedBy} className={`${INPUT} bg-slate-100`} />
              </>
            ) : (
              <select id={`${prefix}-facilityId`} name="facilityId" defaultValue={values.facilityId} aria-describedby={describedBy} className={INPUT}>
                {facilities.map((facility) => (
                  <option key={facility.id} value={facility.id}>
                    {facility.label}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
        <Field prefix={prefix} name="schedule" label={t("field.schedule")} error={errors.schedule}>
          {(describedBy) => (
            <select id={`${prefix}-schedule`} name="schedule" defaultValue={values.schedule} aria-describedby={describedBy} className={INPUT}>
              {schedules.map((schedule) => (
                <option key={schedule.value} value={schedule.value}>
                  {schedule.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="mt-3" aria-describedby={errors.grounds ? `${prefix}-grounds-error` : undefined}>
        <legend id={`${prefix}-grounds`} tabIndex={-1} className="mb-1 text-sm font-medium">
          {t("field.grounds")}
        </legend>
        {grounds.map((ground) => (
          <div key={ground.value} className="flex items-center gap-2">
            <input id={`${prefix}-ground-${ground.value}`} name="grounds" type="checkbox" value={ground.value} defaultChecked={values.grounds.includes(ground.value)} className="h-4 w-4" />
            <label htmlFor={`${prefix}-ground-${ground.value}`} className="text-sm">
              {ground.label}
            </label>
          </div>
        ))}
        <FieldError id={`${prefix}-grounds-error`} message={errors.grounds} />
      </fieldset>
      <div className="mt-3">
        <ReasonField prefix={prefix} error={errors.reason} />
      </div>
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("saveDetention")}
      </button>
    </form>
  );
}
