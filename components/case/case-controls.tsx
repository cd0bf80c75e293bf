"use client";

import { useTranslations } from "next-intl";
import { assignDetentionAction, clearNoProspectAction, setNoProspectAction } from "@/lib/detentions/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Records "no current release prospect" with a reason and a revisit date. */
export function NoProspectForm({ detentionId, version, today }: { detentionId: string; version: number; today: string }) {
  const t = useTranslations("caseFile.controls");
  const { result, errors, pending, formProps } = useFormAction(setNoProspectAction, { resetOnSuccess: false });
  const prefix = "no-prospect";
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
        <div>
          <label htmlFor={`${prefix}-reason`} className="mb-1 block text-sm font-medium">
            {t("noProspectReason")}
          </label>
          <input id={`${prefix}-reason`} name="reason" aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined} className="w-full rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${prefix}-reason-error`} message={errors.reason} />
        </div>
        <div>
          <label htmlFor={`${prefix}-revisitOn`} className="mb-1 block text-sm font-medium">
            {t("noProspectRevisitOn")}
          </label>
          <input id={`${prefix}-revisitOn`} name="revisitOn" type="date" min={today} aria-invalid={errors.revisitOn ? true : undefined} aria-describedby={errors.revisitOn ? `${prefix}-revisitOn-error` : undefined} className="w-full rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${prefix}-revisitOn-error`} message={errors.revisitOn} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-2 rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50">
        {t("recordNoProspect")}
      </button>
    </form>
  );
}

export function ClearNoProspectForm({ detentionId, version }: { detentionId: string; version: number }) {
  const t = useTranslations("caseFile.controls");
  const { result, pending, formProps } = useFormAction(clearNoProspectAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="mt-2">
      <FormFeedback result={result} idPrefix="clear-no-prospect" />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-3 py-1 hover:bg-slate-100">
        {t("clearNoProspect")}
      </button>
    </form>
  );
}

/** A supervisor assigns or reassigns the case to a CLO of the office. */
export function AssignForm({ detentionId, version, clos, assignedCloId }: { detentionId: string; version: number; clos: { id: string; name: string }[]; assignedCloId: string | null }) {
  const t = useTranslations("caseFile.controls");
  const { result, errors, pending, formProps } = useFormAction(assignDetentionAction, { resetOnSuccess: false });
  const prefix = "assign";
  return (
    <form {...formProps} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor={`${prefix}-cloId`} className="mb-1 block text-sm font-medium">
          {t("assignTo")}
        </label>
        <select id={`${prefix}-cloId`} name="cloId" defaultValue={assignedCloId ?? undefined} aria-describedby={errors.cloId ? `${prefix}-cloId-error` : undefined} className="rounded border border-slate-500 px-2 py-1">
          {clos.map((clo) => (
            <option key={clo.id} value={clo.id}>
              {clo.name}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-cloId-error`} message={errors.cloId} />
      </div>
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50">
        {t("assign")}
      </button>
    </form>
  );
}
