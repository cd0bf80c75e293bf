"use client";

import { useTranslations } from "next-intl";
import { decideCounselRequestAction, endCounselAction, recordCounselAction, requestCounselAction } from "@/lib/counsel/actions";
import type { CounselChoice } from "@/lib/counsel/case-queries";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

const INPUT = "w-full rounded border border-slate-500 px-2 py-1";
const PRIMARY = "mt-2 rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50";

function TextField({ prefix, name, label, error, hint, type = "text", multiline = false }: { prefix: string; name: string; label: string; error?: string; hint?: string; type?: string; multiline?: boolean }) {
  const id = `${prefix}-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={id} name={name} rows={2} aria-invalid={error ? true : undefined} aria-describedby={described} className={INPUT} />
      ) : (
        <input id={id} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={described} className={INPUT} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The office records a lawyer who has a Liaison account: a select of active counsel, grouped by law office. */
export function RecordAccountCounselForm({ detentionId, version, choices }: { detentionId: string; version: number; choices: CounselChoice[] }) {
  const t = useTranslations("counselOfRecord.form");
  const { result, errors, pending, formProps } = useFormAction(recordCounselAction, { resetOnSuccess: false });
  const prefix = "counsel-account";
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="kind" value="ACCOUNT" />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`${prefix}-counselId`} className="mb-1 block text-sm font-medium">
        {t("counselId")}
      </label>
      <p id={`${prefix}-counselId-hint`} className="mb-1 text-sm text-slate-700">
        {t("counselIdHint")}
      </p>
      <select
        id={`${prefix}-counselId`}
        name="counselId"
        aria-invalid={errors.counselId ? true : undefined}
        aria-describedby={`${prefix}-counselId-hint${errors.counselId ? ` ${prefix}-counselId-error` : ""}`}
        className="rounded border border-slate-500 px-2 py-1"
      >
        {choices.map((group) => (
          <optgroup key={group.organization} label={group.organization}>
            {group.counsel.map((counsel) => (
              <option key={counsel.id} value={counsel.id}>
                {counsel.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError id={`${prefix}-counselId-error`} message={errors.counselId} />
      <div>
        <button type="submit" disabled={pending} className={PRIMARY}>
          {t("recordAccount")}
        </button>
      </div>
    </form>
  );
}

/** The office records an outside lawyer by name, with a phone number or an e-mail address. */
export function RecordOutsideCounselForm({ detentionId, version }: { detentionId: string; version: number }) {
  const t = useTranslations("counselOfRecord.form");
  const { result, errors, pending, formProps } = useFormAction(recordCounselAction, { resetOnSuccess: false });
  const prefix = "counsel-outside";
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="kind" value="OUTSIDE" />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField prefix={prefix} name="outsideName" label={t("outsideName")} error={errors.outsideName} />
        <TextField prefix={prefix} name="outsideOrganization" label={t("outsideOrganization")} error={errors.outsideOrganization} />
        <TextField prefix={prefix} name="outsidePhone" label={t("outsidePhone")} type="tel" hint={t("outsideContactHint")} error={errors.outsidePhone} />
        <TextField prefix={prefix} name="outsideEmail" label={t("outsideEmail")} type="email" error={errors.outsideEmail} />
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {t("recordOutside")}
      </button>
    </form>
  );
}

/** The office confirms a request from counsel, or declines it with a reason. */
export function DecideCounselRequestForms({ detentionId, requestId, version, name }: { detentionId: string; requestId: string; version: number; name: string }) {
  const t = useTranslations("counselOfRecord.form");
  const confirm = useFormAction(decideCounselRequestAction, { resetOnSuccess: false });
  const decline = useFormAction(decideCounselRequestAction, { resetOnSuccess: false });
  const prefix = `counsel-request-${requestId}`;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <form {...confirm.formProps} noValidate>
        <FormFeedback result={confirm.result} idPrefix={`${prefix}-confirm`} />
        <input type="hidden" name="detentionId" value={detentionId} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="decision" value="CONFIRM" />
        <button type="submit" disabled={confirm.pending} className={PRIMARY}>
          {t("confirm", { name })}
        </button>
      </form>
      <form {...decline.formProps} noValidate>
        <FormFeedback result={decline.result} idPrefix={`${prefix}-decline`} />
        <input type="hidden" name="detentionId" value={detentionId} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="decision" value="DECLINE" />
        <TextField prefix={`${prefix}-decline`} name="reason" label={t("declineReason")} error={decline.errors.reason} multiline />
        <button type="submit" disabled={decline.pending} className="mt-2 rounded border border-slate-500 px-3 py-1 hover:bg-slate-100">
          {t("decline")}
        </button>
      </form>
    </div>
  );
}

/** Ends counsel of record with a reason: the office ending it, or counsel withdrawing. */
export function EndCounselForm({ detentionId, recordId, version, withdraw }: { detentionId: string; recordId: string; version: number; withdraw: boolean }) {
  const t = useTranslations("counselOfRecord.form");
  const { result, errors, pending, formProps } = useFormAction(endCounselAction, { resetOnSuccess: false });
  const prefix = `counsel-end-${recordId}`;
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <TextField prefix={prefix} name="reason" label={t("endReason")} hint={withdraw ? t("withdrawHint") : undefined} error={errors.reason} multiline />
      <button type="submit" disabled={pending} className="mt-2 rounded border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50">
        {withdraw ? t("withdraw") : t("end")}
      </button>
    </form>
  );
}

/** Counsel asks to be recorded for a person by case reference and family name; the answer never says whether they matched. */
export function RequestCounselForm() {
  const t = useTranslations("counselOfRecord.form");
  const { result, errors, pending, formProps } = useFormAction(requestCounselAction);
  const prefix = "counsel-request";
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField prefix={prefix} name="reference" label={t("reference")} hint={t("referenceHint")} error={errors.reference} />
        <TextField prefix={prefix} name="familyName" label={t("familyName")} error={errors.familyName} />
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {t("ask")}
      </button>
    </form>
  );
}
