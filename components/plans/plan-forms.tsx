"use client";

import { useTranslations } from "next-intl";
import { changePlanStatusAction, createPlanAction, removeBondspersonAction, saveBondspersonAction, savePlanAction } from "@/lib/release-plans/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import type { AtdMeasure, DetentionGround, PlanStatus } from "@/lib/generated/prisma/enums";

const inputClass = "w-full rounded border border-slate-500 px-2 py-1";
const labelClass = "mb-1 block text-sm font-medium";
const primary = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
const secondary = "rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60";

function useField(prefix: string, errors: Record<string, string>) {
  return (name: string, hint?: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [errors[name] ? `${prefix}-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined,
    className: inputClass,
  });
}

export function CreatePlanForm({ detentionId }: { detentionId: string }) {
  const t = useTranslations("planEditor");
  const { result, pending, formProps } = useFormAction(createPlanAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4">
      <FormFeedback result={result} idPrefix="create-plan" />
      <input type="hidden" name="detentionId" value={detentionId} />
      <p className="mb-3 text-slate-700">{t("createIntro")}</p>
      <button type="submit" disabled={pending} className={primary}>
        {t("create")}
      </button>
    </form>
  );
}

/** One button per status the plan may move to now; each form names the plan version it was shown. */
export function PlanStatusButtons({ detentionId, version, statuses, statusLabels }: { detentionId: string; version: number; statuses: PlanStatus[]; statusLabels: Record<string, string> }) {
  const t = useTranslations("planEditor");
  return (
    <div className="flex flex-wrap gap-2">
      {statuses.map((status) => (
        <StatusButton key={status} detentionId={detentionId} version={version} status={status} label={t("moveTo", { status: statusLabels[status] ?? status })} />
      ))}
    </div>
  );
}

function StatusButton({ detentionId, version, status, label }: { detentionId: string; version: number; status: PlanStatus; label: string }) {
  const { result, pending, formProps } = useFormAction(changePlanStatusAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="to" value={status} />
      <button type="submit" disabled={pending} className={status === "READY" ? primary : secondary}>
        {label}
      </button>
      {result && !result.ok && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {result.error}
        </p>
      )}
    </form>
  );
}

export type PlanFormValues = {
  measures: AtdMeasure[];
  residenceAddress: string;
  residenceDetails: string;
  proposedConditions: string;
  mitigations: Partial<Record<DetentionGround, string>>;
  assessmentMitigations: Partial<Record<DetentionGround, string>>;
};

export function PlanForm(props: { detentionId: string; version: number; grounds: DetentionGround[]; measures: AtdMeasure[]; values: PlanFormValues }) {
  const t = useTranslations("planEditor");
  const labels = useTranslations("planLabels");
  const { result, errors, pending, formProps } = useFormAction(savePlanAction, { resetOnSuccess: false });
  const field = useField("plan", errors);
  const { values } = props;
  return (
    <form {...formProps} noValidate className="space-y-4 rounded border border-slate-300 bg-white p-4">
      <FormFeedback result={result} idPrefix="plan" />
      <input type="hidden" name="detentionId" value={props.detentionId} />
      <input type="hidden" name="version" value={props.version} />
      <fieldset>
        <legend className="font-semibold">{t("measuresLegend")}</legend>
        <div className="grid gap-1 md:grid-cols-2">
          {props.measures.map((measure) => (
            <div key={measure} className="flex items-center gap-2">
              <input type="checkbox" id={`plan-measure-${measure}`} name="measures" value={measure} defaultChecked={values.measures.includes(measure)} />
              <label htmlFor={`plan-measure-${measure}`}>{labels(`measure.${measure}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="plan-residenceAddress" className={labelClass}>{t("residenceAddress")}</label>
          <input {...field("residenceAddress")} defaultValue={values.residenceAddress} autoComplete="off" />
          <FieldError id="plan-residenceAddress-error" message={errors.residenceAddress} />
        </div>
        <div>
          <label htmlFor="plan-residenceDetails" className={labelClass}>{t("residenceDetails")}</label>
          <textarea {...field("residenceDetails")} rows={2} defaultValue={values.residenceDetails} />
          <FieldError id="plan-residenceDetails-error" message={errors.residenceDetails} />
        </div>
      </div>
      <div>
        <label htmlFor="plan-proposedConditions" className={labelClass}>{t("proposedConditions")}</label>
        <textarea {...field("proposedConditions")} rows={3} defaultValue={values.proposedConditions} />
        <FieldError id="plan-proposedConditions-error" message={errors.proposedConditions} />
      </div>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("mitigationsLegend")}</legend>
        {props.grounds.map((ground) => {
          const fromAssessment = values.assessmentMitigations[ground];
          const hint = fromAssessment ? `plan-mitigation_${ground}-hint` : undefined;
          return (
            <div key={ground}>
              <label htmlFor={`plan-mitigation_${ground}`} className={labelClass}>{t("mitigationFor", { ground: labels(`ground.${ground}`) })}</label>
              {fromAssessment && (
                <p id={hint} className="mb-1 text-sm text-slate-700">
                  {t("fromAssessment", { mitigation: fromAssessment })}
                </p>
              )}
              <textarea {...field(`mitigation_${ground}`, hint)} rows={3} defaultValue={values.mitigations[ground] ?? ""} />
              <FieldError id={`plan-mitigation_${ground}-error`} message={errors[`mitigation_${ground}`]} />
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={pending} className={primary}>
        {t("save")}
      </button>
    </form>
  );
}

export type BondspersonValues = {
  id: string | null;
  name: string;
  relationship: string;
  phone: string;
  email: string;
  amount: string;
  citizenOrPermanentResident: boolean;
  residesInCanada: boolean;
  noGuaranteeInDefault: boolean;
  confirmed: boolean;
};

/**
 * Adds, edits or (counsel) proposes a bondsperson. The confirmation box is offered only to the case team,
 * and the server refuses a confirmation unless all three IRPR s.47 checks are ticked.
 */
export function BondspersonForm(props: { detentionId: string; planVersion: number; values: BondspersonValues; mode: "add" | "edit" | "propose"; legend: string }) {
  const t = useTranslations("planEditor");
  const tb = useTranslations("planBondsperson");
  const { result, errors, pending, formProps } = useFormAction(saveBondspersonAction, { resetOnSuccess: props.mode !== "edit" });
  const prefix = props.values.id ? `bondsperson-${props.values.id}` : "bondsperson-new";
  const field = useField(prefix, errors);
  const { values } = props;
  const checkbox = (name: "citizenOrPermanentResident" | "residesInCanada" | "noGuaranteeInDefault") => (
    <div className="flex items-center gap-2">
      <input type="checkbox" id={`${prefix}-${name}`} name={name} defaultChecked={values[name]} />
      <label htmlFor={`${prefix}-${name}`}>{tb(name)}</label>
    </div>
  );
  return (
    <form {...formProps} noValidate className="bondsperson-block rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="font-semibold">{props.legend}</legend>
        <FormFeedback result={result} idPrefix={prefix} />
        <input type="hidden" name="detentionId" value={props.detentionId} />
        <input type="hidden" name="planVersion" value={props.planVersion} />
        {values.id && <input type="hidden" name="bondspersonId" value={values.id} />}
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <div>
            <label htmlFor={`${prefix}-name`} className={labelClass}>{t("name")}</label>
            <input {...field("name")} defaultValue={values.name} autoComplete="off" />
            <FieldError id={`${prefix}-name-error`} message={errors.name} />
          </div>
          <div>
            <label htmlFor={`${prefix}-relationship`} className={labelClass}>{t("relationship")}</label>
            <input {...field("relationship")} defaultValue={values.relationship} autoComplete="off" />
            <FieldError id={`${prefix}-relationship-error`} message={errors.relationship} />
          </div>
          <div>
            <label htmlFor={`${prefix}-phone`} className={labelClass}>{t("phone")}</label>
            <input {...field("phone")} type="tel" defaultValue={values.phone} autoComplete="off" />
            <FieldError id={`${prefix}-phone-error`} message={errors.phone} />
          </div>
          <div>
            <label htmlFor={`${prefix}-email`} className={labelClass}>{t("email")}</label>
            <input {...field("email")} type="email" defaultValue={values.email} autoComplete="off" />
            <FieldError id={`${prefix}-email-error`} message={errors.email} />
          </div>
          <div>
            <label htmlFor={`${prefix}-amount`} className={labelClass}>{t("amount")}</label>
            <input {...field("amount")} inputMode="decimal" defaultValue={values.amount} autoComplete="off" />
            <FieldError id={`${prefix}-amount-error`} message={errors.amount} />
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="text-sm font-semibold">{t("vettingLegend")}</legend>
          {checkbox("citizenOrPermanentResident")}
          {checkbox("residesInCanada")}
          {checkbox("noGuaranteeInDefault")}
          {props.mode !== "propose" && (
            <div className="mt-2">
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`${prefix}-confirmed`}
                  name="confirmed"
                  defaultChecked={values.confirmed}
                  aria-invalid={errors.confirmed ? true : undefined}
                  aria-describedby={[`${prefix}-confirmed-hint`, errors.confirmed ? `${prefix}-confirmed-error` : null].filter(Boolean).join(" ")}
                />
                <label htmlFor={`${prefix}-confirmed`} className="font-medium">{t("confirmedLabel")}</label>
              </div>
              <p id={`${prefix}-confirmed-hint`} className="pl-6 text-sm text-slate-700">{t("confirmHint")}</p>
              <FieldError id={`${prefix}-confirmed-error`} message={errors.confirmed} />
            </div>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className={`mt-3 ${primary}`}>
          {props.mode === "add" ? t("add") : props.mode === "propose" ? t("propose") : t("saveBondsperson")}
          {props.mode === "edit" && <span className="sr-only"> {values.name}</span>}
        </button>
      </fieldset>
    </form>
  );
}

export function RemoveBondspersonButton({ detentionId, planVersion, bondspersonId, name }: { detentionId: string; planVersion: number; bondspersonId: string; name: string }) {
  const t = useTranslations("planEditor");
  const { result, pending, formProps } = useFormAction(removeBondspersonAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="mt-2">
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="planVersion" value={planVersion} />
      <input type="hidden" name="bondspersonId" value={bondspersonId} />
      <ConfirmSubmit
        disabled={pending}
        className="rounded border border-red-800 px-3 py-1.5 text-red-900 hover:bg-red-50 disabled:opacity-60"
        title={t("confirmRemove.title", { name })}
        consequence={t("confirmRemove.consequence", { name })}
        confirmLabel={t("confirmRemove.confirm")}
      >
        {t("remove")}
        <span className="sr-only"> {name}</span>
      </ConfirmSubmit>
      {result && !result.ok && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {result.error}
        </p>
      )}
    </form>
  );
}
