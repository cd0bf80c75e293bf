"use client";

import { useTranslations } from "next-intl";
import { createDetentionAction } from "@/lib/detentions/actions";
import { DETENTION_GROUNDS, GENDERS, REVIEW_SCHEDULES } from "@/lib/detentions/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import type { IntakePrefill } from "@/lib/detentions/rules";

type Facility = { id: string; name: string; timeZone: string };
type ChosenPerson = { id: string; searchedClientId: string | null };

const PREFIX = "intake";
const inputClass = "w-full rounded border border-slate-500 px-2 py-1";

/** Intake: the person (unless an existing person was chosen) and the detention. */
export function IntakeForm({ facilities, chosen, today, prefill }: { facilities: Facility[]; chosen: ChosenPerson | null; today: string; prefill: IntakePrefill }) {
  const t = useTranslations("caseIntake");
  const tEnums = useTranslations("caseEnums");
  const { result, errors, pending, formProps } = useFormAction(createDetentionAction, { resetOnSuccess: false });
  const describedBy = (name: string, hint?: boolean) => [errors[name] ? `${PREFIX}-${name}-error` : null, hint ? `${PREFIX}-${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  const field = (name: string, hint = false) => ({
    id: `${PREFIX}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, hint),
    className: inputClass,
  });
  const label = (name: string, text: string) => (
    <label htmlFor={`${PREFIX}-${name}`} className="mb-1 block text-sm font-medium">
      {text}
    </label>
  );
  return (
    <form {...formProps} noValidate className="rounded border border-slate-300 bg-white p-4">
      <FormFeedback result={result} idPrefix={PREFIX} />
      {chosen ? (
        <>
          <input type="hidden" name="detaineeId" value={chosen.id} />
          {chosen.searchedClientId && <input type="hidden" name="searchedClientId" value={chosen.searchedClientId} />}
        </>
      ) : (
        <fieldset className="mb-6">
          <legend className="mb-3 text-lg font-semibold">{t("personTitle")}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            <div>
              {label("givenName", t("givenName"))}
              <input {...field("givenName")} defaultValue={prefill.givenName} autoComplete="off" />
              <FieldError id={`${PREFIX}-givenName-error`} message={errors.givenName} />
            </div>
            <div>
              {label("familyName", t("familyName"))}
              <input {...field("familyName")} defaultValue={prefill.familyName} autoComplete="off" />
              <FieldError id={`${PREFIX}-familyName-error`} message={errors.familyName} />
            </div>
            <div>
              {label("dateOfBirth", t("dateOfBirth"))}
              <input {...field("dateOfBirth")} type="date" max={today} defaultValue={prefill.dateOfBirth} />
              <FieldError id={`${PREFIX}-dateOfBirth-error`} message={errors.dateOfBirth} />
            </div>
            <div>
              {label("gender", t("gender"))}
              <select {...field("gender")} defaultValue="UNDISCLOSED">
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {tEnums(`gender.${gender}`)}
                  </option>
                ))}
              </select>
              <FieldError id={`${PREFIX}-gender-error`} message={errors.gender} />
            </div>
            <div>
              {label("languages", t("languages"))}
              <input {...field("languages", true)} autoComplete="off" />
              <p id={`${PREFIX}-languages-hint`} className="mt-1 text-sm text-slate-600">
                {t("languagesHint")}
              </p>
              <FieldError id={`${PREFIX}-languages-error`} message={errors.languages} />
            </div>
            <div>
              {label("citizenship", t("citizenship"))}
              <input {...field("citizenship", true)} autoComplete="off" maxLength={3} />
              <p id={`${PREFIX}-citizenship-hint`} className="mt-1 text-sm text-slate-600">
                {t("citizenshipHint")}
              </p>
              <FieldError id={`${PREFIX}-citizenship-error`} message={errors.citizenship} />
            </div>
            <div className="flex items-center gap-2">
              <input id={`${PREFIX}-interpreterNeeded`} name="interpreterNeeded" type="checkbox" className="h-4 w-4" />
              <label htmlFor={`${PREFIX}-interpreterNeeded`} className="text-sm font-medium">
                {t("interpreterNeeded")}
              </label>
            </div>
            <div>
              {label("interpreterLanguage", t("interpreterLanguage"))}
              <input {...field("interpreterLanguage")} autoComplete="off" />
              <FieldError id={`${PREFIX}-interpreterLanguage-error`} message={errors.interpreterLanguage} />
            </div>
            <div>
              {label("clientId", t("clientId"))}
              <input {...field("clientId")} defaultValue={prefill.clientId} autoComplete="off" />
              <FieldError id={`${PREFIX}-clientId-error`} message={errors.clientId} />
            </div>
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend className="mb-3 text-lg font-semibold">{t("detentionTitle")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          <div className="md:col-span-2">
            {label("facilityId", t("facility"))}
            <select {...field("facilityId")}>
              {facilities.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {t("facilityOption", { name: facility.name, timeZone: facility.timeZone })}
                </option>
              ))}
            </select>
            <FieldError id={`${PREFIX}-facilityId-error`} message={errors.facilityId} />
          </div>
          <div>
            {label("detainedOn", t("detainedOn"))}
            <input {...field("detainedOn", true)} type="date" max={today} />
            <FieldError id={`${PREFIX}-detainedOn-error`} message={errors.detainedOn} />
          </div>
          <div>
            {label("detainedAtTime", t("detainedAtTime"))}
            <input {...field("detainedAtTime", true)} type="time" />
            <FieldError id={`${PREFIX}-detainedAtTime-error`} message={errors.detainedAtTime} />
          </div>
          <p id={`${PREFIX}-detainedOn-hint`} className="text-sm text-slate-600 md:col-span-2">
            <span id={`${PREFIX}-detainedAtTime-hint`}>{t("detainedAtHint")}</span>
          </p>
        </div>
        <fieldset id={`${PREFIX}-grounds`} tabIndex={-1} aria-describedby={errors.grounds ? `${PREFIX}-grounds-error` : undefined} className="mt-4">
          <legend className="mb-1 text-sm font-medium">{t("grounds")}</legend>
          <FieldError id={`${PREFIX}-grounds-error`} message={errors.grounds} />
          <ul className="space-y-1">
            {DETENTION_GROUNDS.map((ground) => (
              <li key={ground} className="flex items-center gap-2">
                <input id={`${PREFIX}-ground-${ground}`} type="checkbox" name="grounds" value={ground} className="h-4 w-4" />
                <label htmlFor={`${PREFIX}-ground-${ground}`}>{tEnums(`ground.${ground}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset id={`${PREFIX}-schedule`} tabIndex={-1} className="mt-4">
          <legend className="mb-1 text-sm font-medium">{t("schedule")}</legend>
          <FieldError id={`${PREFIX}-schedule-error`} message={errors.schedule} />
          <ul className="space-y-1">
            {REVIEW_SCHEDULES.map((schedule) => (
              <li key={schedule} className="flex items-center gap-2">
                <input id={`${PREFIX}-schedule-${schedule}`} type="radio" name="schedule" value={schedule} defaultChecked={schedule === "STANDARD"} className="h-4 w-4" />
                <label htmlFor={`${PREFIX}-schedule-${schedule}`}>{tEnums(`schedule.${schedule}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
      <button type="submit" disabled={pending} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
