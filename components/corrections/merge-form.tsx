"use client";

import { useTranslations } from "next-intl";
import { mergePeopleAction } from "@/lib/corrections/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** The confirmation step of a merge: a reason and an explicit "I checked" before the records are merged. */
export function MergeForm({ detentionId, kept, duplicate }: { detentionId: string; kept: { id: string; version: number }; duplicate: { id: string; version: number } }) {
  const t = useTranslations("corrections.merge");
  const { result, errors, pending, formProps } = useFormAction(mergePeopleAction, { resetOnSuccess: false });
  const prefix = "merge";
  return (
    <form {...formProps} noValidate className="mt-4">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="keptId" value={kept.id} />
      <input type="hidden" name="keptVersion" value={kept.version} />
      <input type="hidden" name="duplicateId" value={duplicate.id} />
      <input type="hidden" name="duplicateVersion" value={duplicate.version} />
      {/* The record to merge was chosen on the page before: a refusal about it ("a record cannot be merged into itself") shows here, where the summary's link leads. */}
      <div id={`${prefix}-duplicateId`} tabIndex={-1}>
        <FieldError id={`${prefix}-duplicateId-error`} message={errors.duplicateId} />
      </div>
      <div>
        <label htmlFor={`${prefix}-reason`} className="mb-1 block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id={`${prefix}-reason`}
          name="reason"
          rows={2}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined}
          className="w-full rounded border border-slate-500 px-2 py-1"
        />
        <FieldError id={`${prefix}-reason-error`} message={errors.reason} />
      </div>
      <div className="mt-3 flex items-start gap-2">
        <input
          id={`${prefix}-confirmed`}
          name="confirmed"
          type="checkbox"
          className="mt-1 h-4 w-4"
          aria-invalid={errors.confirmed ? true : undefined}
          aria-describedby={errors.confirmed ? `${prefix}-confirmed-error` : undefined}
        />
        <div>
          <label htmlFor={`${prefix}-confirmed`} className="text-sm font-medium">
            {t("confirm")}
          </label>
          <FieldError id={`${prefix}-confirmed-error`} message={errors.confirmed} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-3 rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
