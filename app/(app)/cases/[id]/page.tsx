import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { proseName } from "@/lib/format";
import { getCaseFile } from "@/lib/case-file/queries";
import { recordCaseFileOpened } from "@/lib/case-file/reading";
import { GlanceSection } from "@/components/case/glance-section";
import { ScreeningSection } from "@/components/case/screening-section";
import { AssessmentSection } from "@/components/case/assessment-section";
import { PlanSection } from "@/components/case/plan-section";
import { TasksSection } from "@/components/case/tasks-section";
import { ReferralsSection } from "@/components/case/referrals-section";
import { ReviewsSection } from "@/components/case/reviews-section";
import { NotesSection } from "@/components/case/notes-section";
import { CorrectionsSection } from "@/components/case/corrections-section";
import { OutcomeSection, releaseOrderedAt } from "@/components/case/outcome-section";
import { TransferSection } from "@/components/case/transfer-section";
import { CounselSection } from "@/components/case/counsel-section";
import { DocumentsSection } from "@/components/case/documents-section";
import { TeamSection } from "@/components/team/team-section";
import { getTeamThread } from "@/lib/team/queries";
import { BundleSection } from "@/components/case/bundle-section";
import { can } from "@/lib/authz";
import { ComplaintLink } from "@/components/complaints/complaint-link";
import { CounselCollaborationSection } from "@/components/case/counsel-collaboration-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseFile");
  return { title: t("metaTitle") };
}

/**
 * The case file. One read (getCaseFile: the detention loaded once, scoped once, everything derived computed once),
 * then the one write a read of a case file makes, named: its audit. Each section renders its slice of the read model.
 */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const now = new Date();
  const caseFile = await getCaseFile(actor, id, now);
  if (!caseFile) notFound();
  await recordCaseFileOpened(actor, caseFile);
  // The case team's thread is its own read: messages are scoped per message (teamMessageReadScope), not per case.
  const teamThread = await getTeamThread(actor, caseFile.id);

  const t = await getTranslations("caseFile");
  const tOutcome = await getTranslations("outcome");
  const tTransfer = await getTranslations("caseTransfer");
  const tCounsel = await getTranslations("counselOfRecord");
  const tDocuments = await getTranslations("documents");
  const zone = caseFile.facility.timeZone;
  const { permissions } = caseFile;

  const sections = [
    { id: "case-outcome", title: tOutcome("title"), show: true },
    { id: "case-transfers", title: tTransfer("title"), show: true },
    { id: "case-screening", title: t("sections.screening"), show: true },
    { id: "case-assessment", title: t("sections.assessment"), show: true },
    { id: "case-plan", title: t("sections.plan"), show: true },
    { id: "case-documents", title: tDocuments("title"), show: true },
    { id: "case-bundle", title: (await getTranslations("bundleControl"))("title"), show: caseFile.plan !== null },
    { id: "case-tasks", title: t("sections.tasks"), show: permissions.edit },
    { id: "case-referrals", title: t("sections.referrals"), show: true },
    { id: "case-reviews", title: t("sections.reviews"), show: true },
    { id: "case-corrections", title: (await getTranslations("corrections"))("title"), show: true },
    { id: "case-counsel", title: tCounsel("title"), show: true },
    { id: "case-team", title: (await getTranslations("caseTeam"))("title"), show: teamThread !== null },
    { id: "case-notes", title: t("sections.notes"), show: permissions.writeNotes },
  ].filter((section) => section.show);

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">
        {t("title", { reference: caseFile.reference })}: {proseName(caseFile.detainee)}
      </h1>
      <nav aria-label={t("sectionsNav")} className="mb-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li>
            <a href="#case-glance" className="text-brand-800 underline">
              {t("glanceTitle")}
            </a>
          </li>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="text-brand-800 underline">
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <GlanceSection caseFile={caseFile} now={now} />

      <OutcomeSection caseFile={caseFile} />
      <TransferSection detention={caseFile} facility={caseFile.facility} transfers={caseFile.transfers} now={now} />

      <ScreeningSection detentionId={caseFile.id} zone={zone} screening={caseFile.screening} recordableFlags={caseFile.recordableFlags} editable={permissions.edit} />

      <div id="case-assessment" className="scroll-mt-4">
        <AssessmentSection
          detentionId={caseFile.id}
          zone={zone}
          grounds={caseFile.grounds}
          deadline={caseFile.assessmentDeadline}
          slice={caseFile.assessment}
          editable={permissions.editAssessment}
        />
      </div>
      <div id="case-plan" className="scroll-mt-4">
        <PlanSection detentionId={caseFile.id} zone={zone} grounds={caseFile.grounds} slice={caseFile.plan} editable={permissions.editPlan} />
      </div>
      {caseFile.plan && <BundleSection detentionId={caseFile.id} zone={zone} clock={caseFile.reviewClock} planVersion={caseFile.plan.view?.version ?? null} />}

      <DocumentsSection actor={actor} detentionId={caseFile.id} zone={zone} />

      {permissions.edit && <TasksSection detentionId={caseFile.id} zone={zone} tasks={caseFile.tasks} owners={caseFile.taskOwners} defaultOwnerId={actor.userId} now={now} />}

      <div id="case-referrals" className="scroll-mt-4">
        <ReferralsSection detentionId={caseFile.id} referrals={caseFile.referrals} />
        <CounselCollaborationSection detentionId={caseFile.id} zone={zone} slice={caseFile.counselCollaboration} />
      </div>
      <div id="case-reviews" className="scroll-mt-4">
        <ReviewsSection
          detention={caseFile}
          zone={zone}
          clock={caseFile.reviewClock}
          recordReviews={permissions.recordReviews}
          releaseToRecord={permissions.recordOutcome && releaseOrderedAt(caseFile) !== null}
        />
      </div>

      <CorrectionsSection caseFile={caseFile} />
      <CounselSection detentionId={caseFile.id} zone={zone} counsel={caseFile.counsel} />

      {teamThread && <TeamSection thread={teamThread} />}

      {permissions.writeNotes && <NotesSection detentionId={caseFile.id} zone={zone} notes={caseFile.notes} authorRole={actor.role} />}
      {can(actor, "complaints.file") && caseFile.assignedCloId !== actor.userId && <ComplaintLink target={{ case: caseFile.id }} />}
    </>
  );
}
