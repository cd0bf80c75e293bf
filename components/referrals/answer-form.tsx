"use client";

import { useTranslations } from "next-intl";
import { answerReferralAction } from "@/lib/referrals/actions";
import { DECLINE_REASONS } from "@/lib/referrals/rules";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/**
 * The provider's answer. Only the answers open from the referral's status are offered, none chosen in advance (one
 * click must never record "Intake complete" by accident); declining asks why. After an answer is recorded the form
 * is cleared, so the message just sent is not there to be sent again.
 */
export function AnswerForm({ referralId, version, answers }: { referralId: string; version: number; answers: string[] }) {
  const t = useTranslations("referrals");
  const tStatus = useTranslations("referralStatus");
  const { result, errors, pending, formProps } = useFormAction(answerReferralAction);
  const prefix = "answer";
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="mb-3 text-lg font-semibold">{t("answer.title")}</h2>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={errors.status ? `${prefix}-status-error` : undefined}>
        <legend id={`${prefix}-status`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("answer.status")}</legend>
        {answers.map((answer) => (
          <label key={answer} className="flex items-center gap-2 text-sm">
            <input type="radio" name="status" value={answer} />
            {tStatus(answer)}
          </label>
        ))}
        <FieldError id={`${prefix}-status-error`} message={errors.status} />
      </fieldset>
      {answers.includes("DECLINED") && (
        // Always shown (no script needed): used only when the answer is "Declined".
        <fieldset className="mt-3 grid gap-3 md:grid-cols-2">
          <legend className="mb-1 text-sm font-medium md:col-span-2">{t("answer.ifDeclining")}</legend>
          <div>
            <label htmlFor={`${prefix}-declineReason`} className="mb-1 block text-sm font-medium">{t("answer.declineReason")}</label>
            <select {...fieldProps(prefix, errors, "declineReason")} className={inputClass} defaultValue="">
              <option value="" disabled>{t("answer.chooseReason")}</option>
              {DECLINE_REASONS.map((reason) => <option key={reason} value={reason}>{t(`declineReasons.${reason}`)}</option>)}
            </select>
            <FieldError id={`${prefix}-declineReason-error`} message={errors.declineReason} />
          </div>
          <div>
            <label htmlFor={`${prefix}-declineDetails`} className="mb-1 block text-sm font-medium">{t("answer.declineDetails")}</label>
            <input {...fieldProps(prefix, errors, "declineDetails", `${prefix}-declineDetails-hint`)} className={inputClass} />
            <p id={`${prefix}-declineDetails-hint`} className="mt-1 text-sm text-slate-600">{t("answer.declineDetailsHint")}</p>
            <FieldError id={`${prefix}-declineDetails-error`} message={errors.declineDetails} />
          </div>
        </fieldset>
      )}
      <div className="mt-3">
        <label htmlFor={`${prefix}-message`} className="mb-1 block text-sm font-medium">{t("answer.message")}</label>
        <textarea {...fieldProps(prefix, errors, "message")} rows={3} className={inputClass} />
        <FieldError id={`${prefix}-message-error`} message={errors.message} />
      </div>
      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>{t("answer.submit")}</button>
    </form>
  );
}
