import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFileAssessment } from "@/lib/case-file/queries";
import type { AssessmentDeadline } from "@/lib/assessments/rules";
import type { DetentionGround } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * The case page's assessment section: a summary of the CLO's ATD assessment and its deadline (computed by the case
 * file's read model from the flags this viewer may see). Counsel of record read it without the CLO's risk opinion
 * (absent from their data, not hidden). Renders nothing for a viewer with no reading of the assessment.
 */
export async function AssessmentSection({
  detentionId,
  zone,
  grounds,
  deadline,
  slice,
  editable,
}: {
  detentionId: string;
  zone: string;
  grounds: DetentionGround[];
  deadline: AssessmentDeadline;
  slice: CaseFileAssessment | null;
  editable: boolean;
}) {
  if (!slice) return null;
  const t = await getTranslations("planAssessment");
  const labels = await getTranslations("planLabels");
  const tCase = await getTranslations("caseFile");
  const locale = (await getLocale()) as AppLocale;
  const assessment = slice.view;
  const at = (date: Date) => formatDateTime(date, zone, locale);
  const dueBy = deadline.dueBy;
  const deadlineMet = slice.met;
  const mitigationOf = (ground: string) => assessment?.grounds.find((entry) => entry.ground === ground);

  return (
    <>
      {editable && (
        <p>
          <Link href={`/cases/${detentionId}/assessment`} className="font-medium text-brand-700 underline">
            {assessment ? t("edit") : t("start")}
          </Link>
        </p>
      )}

      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("status")}</dt>
        <dd>{assessment?.completedAt ? t("completedAt", { at: at(assessment.completedAt) }) : t("notCompleted")}</dd>
        <dt className="font-medium">{t("deadlineLabel")}</dt>
        <dd>
          {t("deadline", { dueBy: at(dueBy) })}
          {deadlineMet !== null && (
            <span className={deadlineMet ? "ml-2 font-semibold text-green-900" : "ml-2 font-semibold text-red-800"}>({deadlineMet ? t("deadlineMet") : t("deadlineMissed")})</span>
          )}
          {deadlineMet === null && <span className="ml-2 text-slate-600">({t("deadlinePending")})</span>}
        </dd>
      </dl>

      {!assessment ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-3 space-y-3">
          <div>
            <h3 className="font-semibold">{t("interviewHeading")}</h3>
            {assessment.interviewAt ? (
              <p>
                {tCase("interviewSummary", {
                  mode: assessment.interviewMode ? labels(`interviewMode.${assessment.interviewMode}`) : "",
                  at: at(assessment.interviewAt),
                  language: assessment.interviewLanguage || "none",
                })}{" "}
                {assessment.interpreterUsed ? t("interpreterUsed") : t("noInterpreter")}
              </p>
            ) : assessment.noInterviewReason ? (
              <p>{t("noInterviewReasonSummary", { reason: assessment.noInterviewReason })}</p>
            ) : (
              <p className="text-slate-700">{t("noInterviewYet")}</p>
            )}
          </div>

          <div>
            <h3 className="font-semibold">{t("needsHeading")}</h3>
            {assessment.needs.length === 0 ? (
              <p className="text-slate-700">{t("noNeeds")}</p>
            ) : (
              <ul className="list-disc pl-5">
                {assessment.needs.map((need) => (
                  <li key={need.area}>
                    <span className="font-medium">{labels(`need.${need.area}`)}</span>
                    {need.notes && <>: {need.notes}</>}
                  </li>
                ))}
              </ul>
            )}
          </div>

          <div>
            <h3 className="font-semibold">{t("groundsHeading")}</h3>
            <ul className="space-y-2">
              {grounds.map((ground) => (
                <li key={ground}>
                  <p className="font-medium">{labels(`ground.${ground}`)}</p>
                  <dl className="grid gap-x-3 pl-3 sm:grid-cols-[max-content_1fr]">
                    <dt className="text-slate-700">{t("concern")}</dt>
                    <dd>{mitigationOf(ground)?.concern ?? <span className="text-slate-600">{t("notRecorded")}</span>}</dd>
                    <dt className="text-slate-700">{t("mitigation")}</dt>
                    <dd>{mitigationOf(ground)?.mitigation ?? <span className="font-medium text-red-800">{t("notRecorded")}</span>}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </div>

          <div>
            <h3 className="font-semibold">{t("measuresHeading")}</h3>
            {assessment.recommendedMeasures.length === 0 ? (
              <p className="text-slate-700">{t("noMeasures")}</p>
            ) : (
              <ul className="list-disc pl-5">
                {assessment.recommendedMeasures.map((measure) => (
                  <li key={measure}>{labels(`measure.${measure}`)}</li>
                ))}
              </ul>
            )}
          </div>

          {slice.audience === "CASE_TEAM" && slice.view ? (
            <div>
              <h3 className="font-semibold">{t("riskOpinionHeading")}</h3>
              <p>{slice.view.riskOpinion ?? <span className="text-slate-600">{t("noRiskOpinion")}</span>}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("counselNote")}</p>
          )}

          <p className="text-sm text-slate-700">{t("lastSavedBy", { name: assessment.author.name, at: at(assessment.updatedAt) })}</p>
        </div>
      )}
    </>
  );
}
