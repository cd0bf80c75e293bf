import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/case-file/queries";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/authz";
import { RecordFlagForm, RemoveFlagButton } from "@/components/case/screening-forms";
import { TraffickingScreenPart } from "@/components/case/trafficking-screen";

/**
 * The vulnerability screening: the flags this viewer may see (and only those), and for the case team the forms to record
 * and remove one. Trafficking indicators are recorded through the structured trafficking screen (folded below, for the
 * flag's audience only), not as a free-text flag.
 */
export async function ScreeningSection({
  actor,
  caseFile,
  zone,
  screening,
  recordableFlags,
  editable,
}: {
  actor: Actor;
  /** The case file read for this actor: its id, and who sees its trafficking screen (no second read of the case). */
  caseFile: Pick<CaseFile, "id" | "assignedCloId" | "detainee">;
  zone: string;
  screening: CaseFile["screening"];
  recordableFlags: CaseFile["recordableFlags"];
  editable: boolean;
}) {
  const detentionId = caseFile.id;
  const tEnums = await getTranslations("caseEnums");
  const tScreening = await getTranslations("caseScreening");
  const locale = (await getLocale()) as AppLocale;
  const flags = screening?.flags ?? [];
  const screeningVersion = screening?.version ?? 0;
  return (
    <>
      <p className="mb-2 text-slate-700">{tScreening("intro")}</p>
      {flags.length === 0 ? (
        <p>{tScreening("none")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll">
          <table className="w-full text-sm">
            <caption className="sr-only">{tScreening("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{tScreening("flag")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tScreening("details")}</th>
                {editable && <th scope="col" className="px-3 py-2 text-left">{tScreening("remove")}</th>}
              </tr>
            </thead>
            <tbody>
              {flags.map((entry) => (
                <tr key={entry.flag} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{tEnums(`flag.${entry.flag}`)}</th>
                  <td className="px-3 py-2">
                    {entry.details ?? <span className="text-slate-600">{tScreening("noDetails")}</span>}
                    {entry.consentRecordedAt && <p className="text-slate-600">{tScreening("consentRecorded", { date: formatDate(entry.consentRecordedAt, zone, locale) })}</p>}
                  </td>
                  {editable && (
                    <td className="px-3 py-2">
                      <RemoveFlagButton detentionId={detentionId} version={screeningVersion} flag={entry.flag} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <RecordFlagForm detentionId={detentionId} version={screeningVersion} flags={recordableFlags.filter((flag) => flag !== "TRAFFICKING_INDICATORS")} />}
      <TraffickingScreenPart actor={actor} caseFile={caseFile} zone={zone} editable={editable} />
    </>
  );
}
