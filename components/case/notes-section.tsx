import { getLocale, getTranslations } from "next-intl/server";
import type { CaseNote } from "@/lib/case-file/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { NoteForm } from "@/components/case/note-form";

/** The notes this viewer may read (noteReadScope, applied in the read model), newest first, and the form to add one. */
export async function NotesSection({ detentionId, zone, notes, authorRole }: { detentionId: string; zone: string; notes: CaseNote[]; authorRole: Role }) {
  const t = await getTranslations("caseFile");
  const tEnums = await getTranslations("caseEnums");
  const tNotes = await getTranslations("caseNotes");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <p className="mb-2 text-slate-700">{tNotes("intro")}</p>
      {notes.length === 0 ? (
        <p>{tNotes("none")}</p>
      ) : (
        <ul className="space-y-3">
          {notes.map((note) => (
            <li key={note.id} className="border-l-4 border-slate-300 pl-3">
              <p className="text-sm text-slate-700">
                {tNotes("byLine", { author: note.author.name, organization: note.authorOrg.name, date: formatDateTime(note.createdAt, zone, locale) })} · {tEnums(`noteVisibility.${note.visibility}`)}
              </p>
              <p className="whitespace-pre-line">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-4 rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold text-brand-800">{t("addNote")}</summary>
        <NoteForm detentionId={detentionId} privileged={authorRole === "COUNSEL"} authorRole={authorRole} />
      </details>
    </>
  );
}
