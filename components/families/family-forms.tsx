"use client";

import { useTranslations } from "next-intl";
import { linkFamilyMemberAction, recordBestInterestsAction, unlinkFamilyMemberAction } from "@/lib/families/actions";
import { CHILD_AGE_BANDS, CHILD_CARE_ARRANGEMENTS, CHILD_WHEREABOUTS } from "@/lib/families/rules";
import type { ChildAgeBand, ChildCareArrangement, ChildWhereabouts } from "@/lib/generated/prisma/enums";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { buttonClass, fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

/** Links this case with a family member's case of the office, named by its reference. */
export function LinkFamilyForm({ detentionId }: { detentionId: string }) {
  const t = useTranslations("families");
  const { result, errors, pending, formProps } = useFormAction(linkFamilyMemberAction);
  const prefix = "family-link";
  return (
    <form {...formProps} className="mt-3 rounded border border-slate-200 p-3" noValidate aria-label={t("linkTitle")}>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <label htmlFor={`${prefix}-reference`} className="mb-1 block text-sm font-medium">{t("reference")}</label>
      <input {...fieldProps(prefix, errors, "reference", `${prefix}-reference-hint`)} className={`${inputClass} max-w-xs`} autoComplete="off" />
      <p id={`${prefix}-reference-hint`} className="mt-1 text-sm text-slate-600">{t("referenceHint")}</p>
      <FieldError id={`${prefix}-reference-error`} message={errors.reference} />
      <button type="submit" disabled={pending} className={`mt-2 ${secondaryButtonClass}`}>{t("link")}</button>
    </form>
  );
}

export function UnlinkFamilyForm({ detentionId, member }: { detentionId: string; member: { detentionId: string; reference: string } }) {
  const t = useTranslations("families");
  const { result, pending, formProps } = useFormAction(unlinkFamilyMemberAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="memberDetentionId" value={member.detentionId} />
      <ConfirmSubmit
        disabled={pending}
        className={secondaryButtonClass}
        title={t("confirmUnlink.title", { reference: member.reference })}
        consequence={t("confirmUnlink.consequence")}
        confirmLabel={t("confirmUnlink.confirm")}
      >
        {t("unlink")}<span className="sr-only"> {member.reference}</span>
      </ConfirmSubmit>
      {result && !result.ok && <p role="alert" className="text-sm text-red-800">{result.error}</p>}
    </form>
  );
}

type BestInterestsValues = { ageBand: ChildAgeBand; whereabouts: ChildWhereabouts; careArrangement: ChildCareArrangement; considerations: string; version: number };

/** Records the best-interests considerations, or revises them at the version read. */
export function BestInterestsForm({ detentionId, record }: { detentionId: string; record: BestInterestsValues | null }) {
  const t = useTranslations("families");
  const { result, errors, pending, formProps } = useFormAction(recordBestInterestsAction, { resetOnSuccess: false });
  const prefix = "best-interests";
  const field = (name: string, hint?: string) => ({ ...fieldProps(prefix, errors, name, hint), className: inputClass });
  const choice = <T extends string>(name: string, label: string, values: readonly T[], labels: string, current: T | undefined) => (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="mb-1 block text-sm font-medium">{label}</label>
      <select {...field(name)} defaultValue={current ?? ""}>
        <option value="" disabled>—</option>
        {values.map((value) => <option key={value} value={value}>{t(`${labels}.${value as string}`)}</option>)}
      </select>
      <FieldError id={`${prefix}-${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <form {...formProps} className="mt-3 rounded border border-slate-200 p-3" noValidate aria-label={record ? t("reviseBestInterests") : t("recordBestInterests")}>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={record?.version ?? 0} />
      <div className="grid gap-3 md:grid-cols-3">
        {choice("ageBand", t("ageBand"), CHILD_AGE_BANDS, "ageBands", record?.ageBand)}
        {choice("whereabouts", t("whereabouts"), CHILD_WHEREABOUTS, "whereaboutsValues", record?.whereabouts)}
        {choice("careArrangement", t("careArrangement"), CHILD_CARE_ARRANGEMENTS, "careArrangements", record?.careArrangement)}
        <div className="md:col-span-3">
          <label htmlFor={`${prefix}-considerations`} className="mb-1 block text-sm font-medium">{t("considerations")}</label>
          <textarea {...field("considerations", `${prefix}-considerations-hint`)} rows={4} defaultValue={record?.considerations ?? ""} />
          <p id={`${prefix}-considerations-hint`} className="mt-1 text-sm text-slate-600">{t("considerationsHint")}</p>
          <FieldError id={`${prefix}-considerations-error`} message={errors.considerations} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-2 ${buttonClass}`}>{t("saveBestInterests")}</button>
    </form>
  );
}
