"use client";

import { useTranslations } from "next-intl";
import { addCounselNoteAction } from "@/lib/counsel/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Counsel's privileged note on a client's detention (readable only within counsel's organisation). */
export function CounselNoteForm({ detentionId, reference }: { detentionId: string; reference: string }) {
  const t = useTranslations("counselNotes");
  const { result, errors, pending, formProps } = useFormAction(addCounselNoteAction);
  const id = `note-${detentionId}`;
  return (
    <form {...formProps} noValidate className="mt-2 space-y-2">
      <FormFeedback result={result} idPrefix={id} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">{t("body", { reference })}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={3}
        required
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={errors.body ? `${id}-body-error` : `${id}-hint`}
        className="w-full min-w-64 rounded border border-slate-500 px-2 py-1"
      />
      <p id={`${id}-hint`} className="text-sm text-slate-700">{t("privilegedHint")}</p>
      <FieldError id={`${id}-body-error`} message={errors.body} />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50">
        {t("save")}
      </button>
    </form>
  );
}
