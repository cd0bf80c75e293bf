"use client";

import { useTranslations } from "next-intl";
import { fileComplaintAction } from "@/lib/complaints/actions";
import { COMPLAINT_CATEGORIES, COMPLAINT_ON_BEHALF_OF } from "@/lib/complaints/rules";
import { COMPLAINT_TEXT_MAX } from "@/lib/complaints/schema";
import type { ComplaintAbout } from "@/lib/complaints/queries";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

type Props = { about: ComplaintAbout; offices: { id: string; name: string }[]; ownOffice: string | null };

/** Filing a complaint: whose it is, its category, what happened and what is asked for (and, for the service, the office). */
export function ComplaintForm({ about, offices, ownOffice }: Props) {
  const t = useTranslations("complaints");
  const { result, errors, pending, formProps } = useFormAction(fileComplaintAction, { resetOnSuccess: false });
  const prefix = "complaint";
  const label = "mb-1 block text-sm font-medium";
  return (
    <form {...formProps} className="grid max-w-3xl gap-4 rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix={prefix} />
      {about.kind === "CASE" && <input type="hidden" name="detentionId" value={about.detentionId} />}
      {about.kind === "REFERRAL" && <input type="hidden" name="referralId" value={about.referralId} />}
      {about.kind === "SERVICE" && offices.length > 0 && (
        <div>
          <label htmlFor={`${prefix}-officeId`} className={label}>{t("form.office")}</label>
          <select {...fieldProps(prefix, errors, "officeId")} className={inputClass} defaultValue="">
            <option value="">{t("form.chooseOffice")}</option>
            {offices.map((office) => <option key={office.id} value={office.id}>{office.name}</option>)}
          </select>
          <FieldError id={`${prefix}-officeId-error`} message={errors.officeId} />
        </div>
      )}
      {about.kind === "SERVICE" && ownOffice && <p className="text-sm text-slate-700">{t("form.ownOffice", { office: ownOffice })}</p>}
      <fieldset aria-describedby={errors.onBehalfOf ? `${prefix}-onBehalfOf-error` : undefined}>
        <legend id={`${prefix}-onBehalfOf`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("form.onBehalfOf")}</legend>
        {COMPLAINT_ON_BEHALF_OF.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="onBehalfOf" value={value} defaultChecked={value === "DETAINED_PERSON"} />
            {t(`onBehalfOf.${value}`)}
          </label>
        ))}
        <FieldError id={`${prefix}-onBehalfOf-error`} message={errors.onBehalfOf} />
      </fieldset>
      <div>
        <label htmlFor={`${prefix}-category`} className={label}>{t("form.category")}</label>
        <select {...fieldProps(prefix, errors, "category")} className={inputClass} defaultValue="">
          <option value="">{t("form.chooseCategory")}</option>
          {COMPLAINT_CATEGORIES.map((category) => <option key={category} value={category}>{t(`category.${category}`)}</option>)}
        </select>
        <FieldError id={`${prefix}-category-error`} message={errors.category} />
      </div>
      <div>
        <label htmlFor={`${prefix}-description`} className={label}>{t("form.description")}</label>
        <textarea {...fieldProps(prefix, errors, "description", `${prefix}-description-hint`)} rows={6} maxLength={COMPLAINT_TEXT_MAX} className={inputClass} />
        <p id={`${prefix}-description-hint`} className="mt-1 text-sm text-slate-600">{t("form.descriptionHint")}</p>
        <FieldError id={`${prefix}-description-error`} message={errors.description} />
      </div>
      <div>
        <label htmlFor={`${prefix}-remedySought`} className={label}>{t("form.remedySought")}</label>
        <textarea {...fieldProps(prefix, errors, "remedySought")} rows={3} maxLength={COMPLAINT_TEXT_MAX} className={inputClass} />
        <FieldError id={`${prefix}-remedySought-error`} message={errors.remedySought} />
      </div>
      <p className="text-sm text-slate-700">{t("form.whoSees")}</p>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{t("form.submit")}</button>
      </div>
    </form>
  );
}
