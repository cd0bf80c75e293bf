"use client";

import { useLocale, useTranslations } from "next-intl";
import { noteReaders } from "@/lib/authz/notes";
import { addNoteAction } from "@/lib/notes/actions";
import { NOTE_VISIBILITIES } from "@/lib/notes/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Adds a note. CBSA users choose who reads it, and each choice says plainly who that is (from the read rule,
 * lib/authz/notes.ts noteReaders): a case-team note is read by counsel of record too. Counsel's notes are
 * always privileged to their organisation.
 */
export function NoteForm({ detentionId, privileged, authorRole }: { detentionId: string; privileged: boolean; authorRole: Role }) {
  const t = useTranslations("caseNotes");
  const tEnums = useTranslations("caseEnums");
  const locale = useLocale();
  const readBy = (visibility: (typeof NOTE_VISIBILITIES)[number]) =>
    t("readBy", { readers: new Intl.ListFormat(locale, { type: "conjunction" }).format(noteReaders({ role: authorRole }, visibility).map((reader) => t(`readers.${reader}`))) });
  const { result, errors, pending, formProps } = useFormAction(addNoteAction);
  const prefix = "note";
  return (
    <form {...formProps} noValidate className="mt-4 rounded border border-slate-300 p-3">
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      {privileged ? (
        <>
          <input type="hidden" name="visibility" value="OWN_ORGANISATION" />
          <p className="mb-2 text-sm text-slate-700">{t("privilegedHint")}</p>
        </>
      ) : (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-medium">{t("visibility")}</legend>
          <div className="flex flex-wrap gap-4">
            {NOTE_VISIBILITIES.map((visibility) => (
              <div key={visibility} className="flex items-start gap-2">
                <input
                  id={`${prefix}-visibility-${visibility}`}
                  type="radio"
                  name="visibility"
                  value={visibility}
                  defaultChecked={visibility === "CASE_TEAM"}
                  aria-describedby={`${prefix}-visibility-${visibility}-readers`}
                  className="mt-1 h-4 w-4"
                />
                <div>
                  <label htmlFor={`${prefix}-visibility-${visibility}`}>{tEnums(`noteVisibility.${visibility}`)}</label>
                  <p id={`${prefix}-visibility-${visibility}-readers`} className="text-sm text-slate-700">
                    {readBy(visibility)}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <label htmlFor={`${prefix}-body`} className="mb-1 block text-sm font-medium">
        {t("body")}
      </label>
      <textarea
        id={`${prefix}-body`}
        name="body"
        rows={3}
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={errors.body ? `${prefix}-body-error` : undefined}
        className="w-full rounded border border-slate-500 px-2 py-1"
      />
      <FieldError id={`${prefix}-body-error`} message={errors.body} />
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("add")}
      </button>
    </form>
  );
}
