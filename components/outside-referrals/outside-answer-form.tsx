"use client";

import { useTranslations } from "next-intl";
import { recordOutsideAnswerAction } from "@/lib/outside-referrals/actions";
import { DECLINE_REASONS } from "@/lib/referrals/rules";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

type Props = {
  referralId: string;
  version: number;
  answers: string[];
  today: string;
  documents: { id: string; fileName: string; linked: boolean }[];
};

/** The CLO records an outside program's answer: its status, its date, its letter (required to accept). */
export function OutsideAnswerForm({ referralId, version, answers, today, documents }: Props) {
  const t = useTranslations("outsideReferrals");
  const tReferrals = useTranslations("referrals");
  const tStatus = useTranslations("referralStatus");
  const { result, errors, pending, formProps } = useFormAction(recordOutsideAnswerAction, { resetOnSuccess: false });
  const prefix = "outside-answer";
  const label = "mb-1 block text-sm font-medium";
  const linked = documents.find((document) => document.linked);
  return (
    <form {...formProps} className="grid gap-3 rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">{t("answer.title")}</h2>
      <p className="text-sm text-slate-700">{t("answer.intro")}</p>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={errors.status ? `${prefix}-status-error` : undefined}>
        <legend id={`${prefix}-status`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("answer.status")}</legend>
        {answers.map((answer) => (
          <label key={answer} className="flex items-center gap-2 text-sm">
            <input type="radio" name="status" value={answer} defaultChecked={answer === answers[0]} />
            {tStatus(answer)}
          </label>
        ))}
        <FieldError id={`${prefix}-status-error`} message={errors.status} />
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-answeredOn`} className={label}>{t("answer.answeredOn")}</label>
          <input {...fieldProps(prefix, errors, "answeredOn")} type="date" max={today} className={inputClass} />
          <FieldError id={`${prefix}-answeredOn-error`} message={errors.answeredOn} />
        </div>
        <div>
          <label htmlFor={`${prefix}-documentId`} className={label}>{t("answer.document")}</label>
          <select {...fieldProps(prefix, errors, "documentId", `${prefix}-documentId-hint`)} className={inputClass} defaultValue={linked?.id ?? ""}>
            <option value="">{t("answer.noDocument")}</option>
            {documents.map((document) => <option key={document.id} value={document.id}>{document.fileName}</option>)}
          </select>
          <p id={`${prefix}-documentId-hint`} className="mt-1 text-sm text-slate-600">{t("answer.documentHint")}</p>
          <FieldError id={`${prefix}-documentId-error`} message={errors.documentId} />
        </div>
      </div>
      {answers.includes("DECLINED") && (
        <fieldset className="grid gap-3 md:grid-cols-2">
          <legend className="mb-1 text-sm font-medium md:col-span-2">{t("answer.ifDeclining")}</legend>
          <div>
            <label htmlFor={`${prefix}-declineReason`} className={label}>{t("answer.declineReason")}</label>
            <select {...fieldProps(prefix, errors, "declineReason")} className={inputClass} defaultValue="">
              <option value="">{t("answer.chooseReason")}</option>
              {DECLINE_REASONS.map((reason) => <option key={reason} value={reason}>{tReferrals(`declineReasons.${reason}`)}</option>)}
            </select>
            <FieldError id={`${prefix}-declineReason-error`} message={errors.declineReason} />
          </div>
          <div>
            <label htmlFor={`${prefix}-declineDetails`} className={label}>{t("answer.declineDetails")}</label>
            <input {...fieldProps(prefix, errors, "declineDetails")} className={inputClass} />
            <FieldError id={`${prefix}-declineDetails-error`} message={errors.declineDetails} />
          </div>
        </fieldset>
      )}
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{t("answer.submit")}</button>
      </div>
    </form>
  );
}
