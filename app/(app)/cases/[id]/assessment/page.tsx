import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canEditAssessment } from "@/lib/authz/plans";
import { getAssessment } from "@/lib/assessments/queries";
import { instantToDateTimeLocal } from "@/lib/time/facility-clock";
import { INTERVIEW_MODES, ATD_MEASURES, NEED_AREAS } from "@/lib/assessments/schema";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { AssessmentForm, type AssessmentFormValues } from "@/components/plans/assessment-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planAssessment");
  return { title: t("sectionTitle") };
}

function zoneName(timeZone: string, locale: AppLocale): string {
  const parts = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { timeZone, timeZoneName: "long" }).formatToParts(new Date());
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

export default withClientMessages(["form", "planAssessment.form", "planLabels"], async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  // Only the case team edits; counsel read the assessment on the case page.
  if (!canEditAssessment(actor)) notFound();
  const page = await getAssessment(actor, id, { audit: "assessment.open" });
  if (!page || page.audience !== "CASE_TEAM") notFound();
  const t = await getTranslations("planAssessment");
  const locale = (await getLocale()) as AppLocale;
  const { detention, assessment } = page;
  const zone = detention.facility.timeZone;

  const values: AssessmentFormValues = {
    interview: assessment?.interviewAt ? "HELD" : assessment?.noInterviewReason ? "NOT_HELD" : "",
    interviewAt: assessment?.interviewAt ? instantToDateTimeLocal(assessment.interviewAt, zone) : "",
    interviewMode: assessment?.interviewMode ?? "",
    interviewLanguage: assessment?.interviewLanguage ?? "",
    interpreterUsed: assessment?.interpreterUsed ?? false,
    noInterviewReason: assessment?.noInterviewReason ?? "",
    needs: Object.fromEntries((assessment?.needs ?? []).map((need) => [need.area, need.notes ?? ""])),
    concerns: Object.fromEntries((assessment?.grounds ?? []).map((entry) => [entry.ground, entry.concern ?? ""])),
    mitigations: Object.fromEntries((assessment?.grounds ?? []).map((entry) => [entry.ground, entry.mitigation ?? ""])),
    recommendedMeasures: assessment?.recommendedMeasures ?? [],
    riskOpinion: assessment?.riskOpinion ?? "",
  };

  return (
    <>
      <p className="mb-2">
        <Link href={`/cases/${detention.detentionId}`} className="text-brand-700 underline">
          {t("backToCase")}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("pageTitle", { reference: detention.reference })}</h1>
      <p className="mb-4 text-slate-700">
        {t("deadline", { dueBy: formatDateTime(detention.assessmentDeadline.dueBy, zone, locale) })}
        {" · "}
        {assessment?.completedAt ? t("completedAt", { at: formatDateTime(assessment.completedAt, zone, locale) }) : t("notCompleted")}
      </p>
      <AssessmentForm
        detentionId={detention.detentionId}
        version={assessment?.version ?? 0}
        grounds={detention.grounds}
        needAreas={NEED_AREAS}
        measures={ATD_MEASURES}
        modes={INTERVIEW_MODES}
        zoneName={zoneName(zone, locale)}
        completedLabel={assessment?.completedAt ? formatDateTime(assessment.completedAt, zone, locale) : null}
        values={values}
      />
    </>
  );
});
