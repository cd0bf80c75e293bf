import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/case-file/queries";
import type { CorrectionEntry } from "@/lib/corrections/queries";
import { DETENTION_GROUNDS, GENDERS, REVIEW_SCHEDULES } from "@/lib/detentions/schema";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { DetentionCorrectionForm, PersonCorrectionForm } from "@/components/case/correction-forms";

/**
 * Corrections: for the case team, the forms to correct the person's and the detention's details (collapsed, pre-filled,
 * a reason required) and, for a supervisor, the way to merge a person recorded twice; for every reader of the case, the
 * history of corrections (who, when, which fields, before → after, why), times in the facility's zone.
 */
export async function CorrectionsSection({ caseFile }: { caseFile: CaseFile }) {
  const t = await getTranslations("corrections");
  const tEnums = await getTranslations("caseEnums");
  const locale = (await getLocale()) as AppLocale;
  const { corrections, detainee } = caseFile;
  const zone = caseFile.facility.timeZone;
  const detainedAt = instantToWallClock(caseFile.detainedAt, zone);

  /** A value of the history, in words: dates in the facility's zone, enums in the reader's language. */
  const shown = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("empty");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (Array.isArray(value)) {
      if (value.length === 0) return t("empty");
      return value.map((entry) => (field === "grounds" ? tEnums(`ground.${String(entry)}`) : String(entry))).join(", ");
    }
    const text = String(value);
    if (field === "detainedAt") return formatDateTime(new Date(text), zone, locale);
    if (field === "dateOfBirth") return formatCalendarDate(new Date(`${text}T00:00:00Z`), locale);
    if (field === "gender") return tEnums(`gender.${text}`);
    if (field === "schedule") return tEnums(`schedule.${text}`);
    return text;
  };
  const fieldLabel = (field: string) => (t.has(`field.${field}`) ? t(`field.${field}`) : field);

  return (
    <>
      {corrections.mayCorrect && (
        <>
          <p className="mb-2 text-slate-700">{t("intro")}</p>
          <details className="mb-2 rounded border border-slate-300 p-2">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("personFormTitle")}</summary>
            <PersonCorrectionForm
              detentionId={caseFile.id}
              detaineeVersion={corrections.detaineeVersion}
              values={{ ...detainee, dateOfBirth: detainee.dateOfBirth.toISOString().slice(0, 10) }}
              genders={GENDERS.map((gender) => ({ value: gender, label: tEnums(`gender.${gender}`) }))}
            />
          </details>
          <details className="mb-2 rounded border border-slate-300 p-2">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("detentionFormTitle")}</summary>
            <DetentionCorrectionForm
              detentionId={caseFile.id}
              version={caseFile.version}
              values={{ detainedOn: detainedAt.date, detainedAtTime: detainedAt.time, facilityId: corrections.facilityId, grounds: caseFile.grounds, schedule: caseFile.schedule }}
              facilities={(corrections.facilities.some((facility) => facility.id === corrections.facilityId)
                ? corrections.facilities
                : [{ id: corrections.facilityId, name: caseFile.facility.name, timeZone: zone }, ...corrections.facilities]
              ).map((facility) => ({ id: facility.id, label: `${facility.name} (${facility.timeZone})` }))}
              transferred={corrections.transferred}
              grounds={DETENTION_GROUNDS.map((ground) => ({ value: ground, label: tEnums(`ground.${ground}`) }))}
              schedules={REVIEW_SCHEDULES.map((schedule) => ({ value: schedule, label: tEnums(`schedule.${schedule}`) }))}
            />
          </details>
          {corrections.mayMerge && (
            <p className="mb-2">
              <Link href={`/cases/${caseFile.id}/merge`} className="text-brand-800 underline">
                {t("mergeLink")}
              </Link>
            </p>
          )}
        </>
      )}
      <h3 className="mt-3 font-semibold">{t("historyTitle")}</h3>
      {corrections.history.length === 0 ? (
        <p>{t("noHistory")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("historyCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{t("columns.when")}</th>
                <th scope="col" className="px-3 py-2 text-left">{t("columns.who")}</th>
                <th scope="col" className="px-3 py-2 text-left">{t("columns.what")}</th>
                <th scope="col" className="px-3 py-2 text-left">{t("columns.change")}</th>
                <th scope="col" className="px-3 py-2 text-left">{t("columns.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {corrections.history.map((entry: CorrectionEntry) => (
                <tr key={entry.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{formatDateTime(entry.changedAt, zone, locale)}</td>
                  <td className="px-3 py-2">{entry.changedBy}</td>
                  <td className="px-3 py-2">
                    {t(`subject.${entry.subject}`)}: {entry.fields.map(fieldLabel).join(", ")}
                  </td>
                  <td className="px-3 py-2">
                    <ul>
                      {entry.fields.map((field) => (
                        <li key={field}>
                          {fieldLabel(field)}: {shown(field, entry.before[field])} → {shown(field, entry.after[field])}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2 whitespace-pre-line">{entry.reason ?? t("empty")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
