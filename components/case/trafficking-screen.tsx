import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { traffickingScreensForCaseFile } from "@/lib/trafficking/queries";
import type { CaseFile } from "@/lib/case-file/queries";
import { GROUP_NOTES, TRAFFICKING_GROUPS, groupOf } from "@/lib/trafficking/rules";
import { TraffickingScreenForm } from "@/components/case/trafficking-screen-form";

/**
 * The trafficking screen inside the Screening section, folded until the reader opens it (the screen is sensitive:
 * it is not on show to whoever glances at the page). Rendered only for the trafficking flag's audience: for anyone
 * else the query answers null and nothing at all is rendered, not even the fold's heading.
 */
export async function TraffickingScreenPart({ actor, caseFile, zone, editable }: { actor: Actor; caseFile: Pick<CaseFile, "id" | "assignedCloId" | "detainee">; zone: string; editable: boolean }) {
  const detentionId = caseFile.id;
  const slice = await traffickingScreensForCaseFile(actor, caseFile);
  if (!slice) return null;
  const t = await getTranslations("traffickingScreen");
  const locale = (await getLocale()) as AppLocale;
  return (
    <div id="case-trafficking-screen" className="mt-4 rounded border border-slate-300">
      {/* A native fold without `open`: a re-render after a save leaves the reader's choice alone. Not a case section
          (no data-case-section): the section's own fold stays the one the page's navigation opens. */}
      <details>
        <summary className="cursor-pointer rounded px-3 py-2 hover:bg-slate-50">
          <h3 className="inline font-semibold">{t("title")}</h3>
        </summary>
        <div className="px-3 pb-3">
          <p className="mb-2 text-slate-700">{t("intro")}</p>
          {slice.screens.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul aria-label={t("caption")} className="space-y-3">
              {slice.screens.map((screen) => {
                const groupsWithContent = TRAFFICKING_GROUPS.filter((group) => screen.indicators.some((indicator) => groupOf(indicator) === group) || screen[GROUP_NOTES[group]]);
                return (
                  <li key={screen.id} className="rounded border border-slate-200 p-3">
                    <p className="font-semibold">
                      {t("outcomeLabel")}: {t(`outcomes.${screen.outcome}`)}
                    </p>
                    <p className="text-sm text-slate-600">{t("recordedBy", { date: formatDate(screen.recordedAt, zone, locale), name: screen.recordedBy })}</p>
                    <p className="text-sm text-slate-600">
                      {t("disclosure", {
                        date: formatDate(screen.disclosureConfirmedAt, zone, locale),
                        method: t(`method.${screen.disclosureMethod}`),
                        interpreter: screen.interpreterLanguage ? t("interpreter", { language: screen.interpreterLanguage }) : t("noInterpreter"),
                      })}
                    </p>
                    {groupsWithContent.length === 0 ? (
                      <p className="mt-1 text-sm">{t("noIndicatorsTicked")}</p>
                    ) : (
                      <dl className="mt-2 space-y-2 text-sm">
                        {groupsWithContent.map((group) => (
                          <div key={group}>
                            <dt className="font-medium">{t(`groups.${group}`)}</dt>
                            <dd>
                              <ul className="list-disc pl-5">
                                {screen.indicators
                                  .filter((indicator) => groupOf(indicator) === group)
                                  .map((indicator) => (
                                    <li key={indicator}>{t(`indicators.${indicator}`)}</li>
                                  ))}
                              </ul>
                              {screen[GROUP_NOTES[group]] && (
                                <p className="whitespace-pre-line">
                                  {t("notesLabel")}: {screen[GROUP_NOTES[group]]}
                                </p>
                              )}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {editable && slice.mayRecord && <TraffickingScreenForm detentionId={detentionId} />}
        </div>
      </details>
    </div>
  );
}
