import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getCaseFile } from "@/lib/case-file/queries";
import { recordCaseFileOpened } from "@/lib/case-file/reading";
import { caseTags, sectionsOpenByDefault, whatNext } from "@/lib/case-file/rules";
import { CaseHeader } from "@/components/case/case-header";
import { Section } from "@/components/case/section";
import { SectionOpener } from "@/components/case/section-opener";
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
import { FamiliesSection } from "@/components/case/families-section";
import { FamilyMembersSection } from "@/components/case/family-members-section";
import { MINOR_FLAGS } from "@/lib/families/rules";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseFile");
  return { title: t("metaTitle") };
}

/**
 * The case file. One read (getCaseFile: the detention loaded once, scoped once, everything derived computed once),
 * then the one write a read of a case file makes, named: its audit. The head says where the case stands and what
 * needs doing next (lib/case-file/rules.ts); below it each section renders its slice of the read model, folded
 * unless "what next" points to it. The section navigation and the sections come from one list, so the navigation
 * names only the sections rendered for this viewer.
 */
export default withClientMessages(["caseEnums", "caseFile.controls", "caseNotes", "caseScreening", "caseTasks", "caseTeam", "caseTransfer.form", "confirmDialog", "corrections", "counselOfRecord.form", "counselOptions", "documentValidation", "documents", "families", "form", "outcome", "outcomeEnums", "reviewOutcome", "reviewsSection.form", "traffickingScreen"], async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const now = new Date();
  const caseFile = await getCaseFile(actor, id, now);
  if (!caseFile) notFound();
  await recordCaseFileOpened(actor, caseFile);
  // The case team's thread is its own read: messages are scoped per message (teamMessageReadScope), not per case.
  const teamThread = await getTeamThread(actor, caseFile.id);

  const t = await getTranslations("caseFile");
  const zone = caseFile.facility.timeZone;
  const { permissions } = caseFile;
  const releaseToRecord = permissions.recordOutcome && releaseOrderedAt(caseFile) !== null;
  const facts = { ...caseFile, releaseToRecord };
  const steps = whatNext(facts, now);
  const tags = caseTags(facts, now);
  const opens = sectionsOpenByDefault(steps);

  const title = async (namespace: string, key = "title") => (await getTranslations(namespace))(key);
  // Every section this viewer may see, in the page's order; a section absent here is neither rendered nor linked to.
  const sections: { id: string; title: string; show: boolean; content: () => React.ReactNode }[] = [
    { id: "case-glance", title: t("glanceTitle"), show: true, content: () => <GlanceSection caseFile={caseFile} now={now} /> },
    { id: "case-outcome", title: await title("outcome"), show: true, content: () => <OutcomeSection caseFile={caseFile} /> },
    {
      id: "case-transfers",
      title: await title("caseTransfer"),
      show: true,
      content: () => <TransferSection detention={caseFile} facility={caseFile.facility} transfers={caseFile.transfers} now={now} />,
    },
    {
      id: "case-screening",
      title: t("sections.screening"),
      show: true,
      content: () => <ScreeningSection actor={actor} caseFile={caseFile} zone={zone} screening={caseFile.screening} recordableFlags={caseFile.recordableFlags} editable={permissions.edit} />,
    },
    // Only on a case with a minor-related flag this viewer may see (getCaseFile derives it from the visible flags).
    {
      id: "case-families",
      title: await title("families"),
      show: caseFile.families !== null,
      content: () => (
        <FamiliesSection
          detentionId={caseFile.id}
          zone={zone}
          families={caseFile.families!}
          minorFlags={(caseFile.screening?.flags ?? []).map((entry) => entry.flag).filter((flag) => (MINOR_FLAGS as readonly string[]).includes(flag))}
        />
      ),
    },
    {
      id: "case-family-members",
      title: await title("families", "membersTitle"),
      show: caseFile.familyMembers !== null,
      content: () => <FamilyMembersSection detentionId={caseFile.id} slice={caseFile.familyMembers!} />,
    },
    {
      id: "case-assessment",
      title: await title("planAssessment", "sectionTitle"),
      show: caseFile.assessment !== null,
      content: () => (
        <AssessmentSection detentionId={caseFile.id} zone={zone} grounds={caseFile.grounds} deadline={caseFile.assessmentDeadline} slice={caseFile.assessment} editable={permissions.editAssessment} />
      ),
    },
    {
      id: "case-plan",
      title: await title("planSection"),
      show: caseFile.plan !== null,
      content: () => <PlanSection detentionId={caseFile.id} zone={zone} grounds={caseFile.grounds} slice={caseFile.plan} editable={permissions.editPlan} />,
    },
    {
      id: "case-bundle",
      title: await title("bundleControl"),
      show: caseFile.plan !== null,
      content: () => <BundleSection detentionId={caseFile.id} zone={zone} clock={caseFile.reviewClock} planVersion={caseFile.plan?.view?.version ?? null} />,
    },
    { id: "case-documents", title: await title("documents"), show: true, content: () => <DocumentsSection actor={actor} caseFile={caseFile} zone={zone} /> },
    {
      id: "case-tasks",
      title: t("sections.tasks"),
      show: permissions.edit,
      content: () => <TasksSection detentionId={caseFile.id} zone={zone} tasks={caseFile.tasks} owners={caseFile.taskOwners} defaultOwnerId={actor.userId} now={now} />,
    },
    // The CBSA side's referrals, or counsel of record's view of them: one or the other, never both.
    caseFile.referrals
      ? { id: "case-referrals", title: t("sections.referrals"), show: true, content: () => <ReferralsSection detentionId={caseFile.id} referrals={caseFile.referrals} /> }
      : {
          id: "case-referrals",
          title: await title("counselOptions"),
          show: caseFile.counselCollaboration !== null,
          content: () => <CounselCollaborationSection detentionId={caseFile.id} zone={zone} slice={caseFile.counselCollaboration} />,
        },
    {
      id: "case-reviews",
      title: await title("reviewsSection"),
      show: true,
      content: () => <ReviewsSection detention={caseFile} zone={zone} clock={caseFile.reviewClock} recordReviews={permissions.recordReviews} releaseToRecord={releaseToRecord} />,
    },
    { id: "case-corrections", title: await title("corrections"), show: true, content: () => <CorrectionsSection caseFile={caseFile} /> },
    { id: "case-counsel", title: await title("counselOfRecord"), show: true, content: () => <CounselSection detentionId={caseFile.id} zone={zone} counsel={caseFile.counsel} /> },
    { id: "case-team", title: await title("caseTeam"), show: teamThread !== null, content: () => null },
    {
      id: "case-notes",
      title: t("sections.notes"),
      show: permissions.writeNotes,
      content: () => <NotesSection detentionId={caseFile.id} zone={zone} notes={caseFile.notes} authorRole={actor.role} />,
    },
  ].filter((section) => section.show);

  return (
    <>
      <SectionOpener />
      <CaseHeader caseFile={caseFile} tags={tags} steps={steps} now={now} />
      <nav aria-label={t("sectionsNav")} className="mb-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="text-brand-800 underline">
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) =>
        // The team's thread frames itself (it is on the referral page too).
        section.id === "case-team" && teamThread ? (
          <TeamSection key={section.id} thread={teamThread} open={opens.has(section.id)} />
        ) : (
          <Section key={section.id} id={section.id} title={section.title} open={opens.has(section.id)}>
            {section.content()}
          </Section>
        ),
      )}
      {/* Not to the officer the complaint would be about: a colleague or a supervisor records it for the person. */}
      {can(actor, "complaints.file") && caseFile.assignedCloId !== actor.userId && <ComplaintLink target={{ case: caseFile.id }} />}
    </>
  );
});
