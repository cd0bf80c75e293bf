import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { visibleFlags } from "@/lib/authz/cases";
import { requireActor } from "@/lib/auth/session";
import { assignableClos, openCaseFile } from "@/lib/detentions/queries";
import { ageOn } from "@/lib/detentions/rules";
import { VULNERABILITY_FLAGS } from "@/lib/detentions/schema";
import { listCaseTasks, taskOwnerOptions } from "@/lib/tasks/queries";
import { taskOverdue } from "@/lib/tasks/rules";
import { listCaseNotes } from "@/lib/notes/queries";
import { computeReviewSchedule, reviewStatus, type ReviewInput } from "@/lib/reviews/rules";
import { assessmentDeadlineMet } from "@/lib/assessments/rules";
import { planReadiness } from "@/lib/release-plans/rules";
import { daysDetained, formatCalendarDate, formatDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { AssessmentSection } from "@/components/case/assessment-section";
import { PlanSection } from "@/components/case/plan-section";
import { ReferralsSection } from "@/components/case/referrals-section";
import { ReviewsSection } from "@/components/case/reviews-section";
import { RecordFlagForm, RemoveFlagButton } from "@/components/cases/screening-forms";
import { TaskForm } from "@/components/cases/task-form";
import { NoteForm } from "@/components/cases/note-form";
import { AssignForm, ClearNoProspectForm, NoProspectForm } from "@/components/cases/case-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseFile");
  return { title: t("metaTitle") };
}

const HOUR_MS = 3_600_000;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-1.5 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-3">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-6 scroll-mt-4 rounded border border-slate-300 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const caseFile = await openCaseFile(actor, id);
  if (!caseFile) notFound();

  const now = new Date();
  const editable = can(actor, "cases.edit");
  const [tasks, owners, notes, clos] = await Promise.all([
    editable ? listCaseTasks(actor, caseFile.id) : Promise.resolve([]),
    editable ? taskOwnerOptions(actor, caseFile.id) : Promise.resolve([]),
    can(actor, "notes.write") ? listCaseNotes(actor, caseFile.id) : Promise.resolve([]),
    can(actor, "detentions.assign") ? assignableClos(actor, caseFile.id) : Promise.resolve([]),
  ]);
  const t = await getTranslations("caseFile");
  const tEnums = await getTranslations("caseEnums");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const tPlan = await getTranslations("planStatus");
  const tScreening = await getTranslations("caseScreening");
  const tTasks = await getTranslations("caseTasks");
  const tNotes = await getTranslations("caseNotes");
  const locale = (await getLocale()) as AppLocale;
  const zone = caseFile.facility.timeZone;
  const { detainee } = caseFile;
  const flags = caseFile.screening?.flags ?? [];
  const screeningVersion = caseFile.screening?.version ?? 0;
  const today = now.toISOString().slice(0, 10);

  // The review clock: the stored next review (kept by the reviews feature), its status now, and the officer-release window.
  const heldReviews: ReviewInput[] = caseFile.reviews.flatMap((review) => (review.startedOn && review.outcome ? [{ startedOn: review.startedOn, concludedOn: review.concludedOn, outcome: review.outcome, early: review.early }] : []));
  const clock = computeReviewSchedule({ detainedAt: caseFile.detainedAt, timeZone: zone, schedule: caseFile.schedule, reviews: heldReviews, releasedAt: caseFile.releasedAt, now });
  const firstReviewDue = new Date(caseFile.detainedAt.getTime() + 48 * HOUR_MS);
  const nextStatus = caseFile.nextReviewDueBy ? reviewStatus(caseFile.nextReviewDueBy, now) : null;
  // Computed in the data layer from the flags this viewer may see: the basis never points at a hidden flag.
  const deadline = caseFile.assessmentDeadline;
  const assessmentMet = assessmentDeadlineMet(deadline.dueBy, caseFile.assessment?.completedAt ?? null, now);
  const assessmentBasis =
    deadline.basis === "VULNERABILITY_48_HOURS" ? t("assessmentBasisFlag") : deadline.basis === "DFN_FIRST_REVIEW" ? t("assessmentBasisDfn") : t("assessmentBasisReview");
  const readiness = caseFile.releasePlan ? planReadiness({ grounds: caseFile.grounds, assessment: caseFile.assessment, plan: caseFile.releasePlan, referrals: caseFile.referrals }) : null;
  // One may record only a flag one may see.
  const recordableFlags = visibleFlags(actor, { assignedCloId: caseFile.assignedCloId, counselId: detainee.counselId }, VULNERABILITY_FLAGS);

  const sections = [
    { id: "case-screening", title: t("sections.screening"), show: true },
    { id: "case-assessment", title: t("sections.assessment"), show: true },
    { id: "case-plan", title: t("sections.plan"), show: true },
    { id: "case-tasks", title: t("sections.tasks"), show: editable },
    { id: "case-referrals", title: t("sections.referrals"), show: true },
    { id: "case-reviews", title: t("sections.reviews"), show: true },
    { id: "case-notes", title: t("sections.notes"), show: can(actor, "notes.write") },
  ].filter((section) => section.show);

  const assessmentText =
    assessmentMet === true ? t("assessmentMet") : assessmentMet === false ? (caseFile.assessment?.completedAt ? t("assessmentLate") : t("assessmentMissed")) : t("assessmentPending");

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">
        {t("title", { reference: caseFile.reference })}: {detainee.givenName} {detainee.familyName}
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

      <Section id="case-glance" title={t("glanceTitle")}>
        <dl>
          <Fact term={t("who")}>
            {detainee.givenName} {detainee.familyName}, {t("age", { age: ageOn(detainee.dateOfBirth, now) })} ({t("born", { date: formatCalendarDate(detainee.dateOfBirth, locale) })}); {tEnums(`gender.${detainee.gender}`)}
          </Fact>
          <Fact term={t("languages")}>{detainee.languages.join(", ")}</Fact>
          <Fact term={t("interpreter")}>
            {detainee.interpreterNeeded ? (detainee.interpreterLanguage ? t("interpreterNeeded", { language: detainee.interpreterLanguage }) : t("interpreterNeededNoLanguage")) : t("interpreterNotNeeded")}
          </Fact>
          <Fact term={t("citizenship")}>{detainee.citizenship}</Fact>
          <Fact term={t("clientId")}>{detainee.clientId ?? t("none")}</Fact>
          <Fact term={t("heldAt")}>{t("heldAtValue", { facility: caseFile.facility.name, timeZone: zone })}</Fact>
          <Fact term={t("status")}>{tStatus(caseFile.status)}</Fact>
          <Fact term={t("detainedSince")}>
            {formatDateTime(caseFile.detainedAt, zone, locale)} ({t("daysDetained", { days: daysDetained(caseFile.detainedAt, caseFile.releasedAt ?? now) })})
          </Fact>
          <Fact term={t("grounds")}>
            <ul>
              {caseFile.grounds.map((ground) => (
                <li key={ground}>{tEnums(`ground.${ground}`)}</li>
              ))}
            </ul>
          </Fact>
          <Fact term={t("flags")}>{flags.length > 0 ? flags.map((entry) => tEnums(`flag.${entry.flag}`)).join(", ") : t("noFlags")}</Fact>
          <Fact term={t("nextReview")}>
            {caseFile.nextReviewKind && caseFile.nextReviewDueBy && nextStatus ? (
              <>
                {t("nextReviewValue", { kind: tReview(caseFile.nextReviewKind), dueBy: formatDateTime(caseFile.nextReviewDueBy, zone, locale) })}
                <br />
                <strong className={nextStatus === "OVERDUE" ? "text-red-800" : undefined}>{tEnums(`reviewStatus.${nextStatus}`)}</strong>
                {caseFile.reviewNeedsCheck && <p>{t("reviewNeedsCheck")}</p>}
              </>
            ) : (
              t("noNextReview")
            )}
          </Fact>
          <Fact term={t("assessmentDeadline")}>
            {formatDateTime(deadline.dueBy, zone, locale)} ({assessmentBasis})
            <br />
            <strong className={assessmentMet === false ? "text-red-800" : undefined}>{assessmentText}</strong>
          </Fact>
          <Fact term={t("officerWindow")}>
            {caseFile.schedule === "DESIGNATED_FOREIGN_NATIONAL"
              ? t("officerWindowNotApplicable")
              : clock.officerReleaseWindowOpen
                ? t("officerWindowOpen", { closesAt: formatDateTime(firstReviewDue, zone, locale) })
                : t("officerWindowClosed")}
          </Fact>
          <Fact term={t("plan")}>
            {caseFile.releasePlan && readiness ? (
              <>
                {t("planStatus", { status: tPlan(caseFile.releasePlan.status), met: readiness.metCount, required: readiness.requiredCount })}
                {readiness.ready && <> ({t("planReady")})</>}
              </>
            ) : (
              t("noPlan")
            )}
          </Fact>
          <Fact term={t("openTasks")}>{caseFile._count.tasks}</Fact>
          <Fact term={t("referrals")}>{caseFile._count.referrals}</Fact>
          <Fact term={t("assignedClo")}>{caseFile.assignedClo?.name ?? t("unassigned")}</Fact>
        </dl>
        {can(actor, "detentions.assign") && clos.length > 0 && (
          <div className="mt-4">
            <h3 className="font-semibold">{t("assignTitle")}</h3>
            <AssignForm detentionId={caseFile.id} version={caseFile.version} clos={clos} assignedCloId={caseFile.assignedCloId} />
          </div>
        )}
        <div className="mt-4">
          <h3 className="font-semibold">{t("noProspectTitle")}</h3>
          <p>
            {caseFile.noProspectReason
              ? t("noProspectRecorded", { reason: caseFile.noProspectReason, revisitOn: caseFile.noProspectRevisitOn ? formatCalendarDate(caseFile.noProspectRevisitOn, locale) : t("none") })
              : t("noProspectNone")}
          </p>
          {editable &&
            (caseFile.noProspectReason ? (
              <ClearNoProspectForm detentionId={caseFile.id} version={caseFile.version} />
            ) : (
              <NoProspectForm detentionId={caseFile.id} version={caseFile.version} today={today} />
            ))}
        </div>
      </Section>

      <Section id="case-screening" title={t("sections.screening")}>
        <p className="mb-2 text-slate-700">{tScreening("intro")}</p>
        {flags.length === 0 ? (
          <p>{tScreening("none")}</p>
        ) : (
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
                      <RemoveFlagButton detentionId={caseFile.id} version={screeningVersion} flag={entry.flag} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editable && <RecordFlagForm detentionId={caseFile.id} version={screeningVersion} flags={recordableFlags} />}
      </Section>

      <div id="case-assessment" className="scroll-mt-4">
        <AssessmentSection actor={actor} detentionId={caseFile.id} />
      </div>
      <div id="case-plan" className="scroll-mt-4">
        <PlanSection actor={actor} detentionId={caseFile.id} />
      </div>

      {editable && (
        <Section id="case-tasks" title={t("sections.tasks")}>
          <p className="mb-2 text-slate-700">{tTasks("intro")}</p>
          {tasks.length === 0 ? (
            <p>{tTasks("none")}</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">{tTasks("caption", { count: tasks.length })}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.title")}</th>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.category")}</th>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.owner")}</th>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.due")}</th>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.status")}</th>
                  <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.edit")}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => {
                  const overdue = taskOverdue(task, now);
                  return (
                    <tr key={task.id} className="border-t border-slate-200 align-top">
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {task.title}
                        {task.outcome && <p className="font-normal text-slate-700">{task.outcome}</p>}
                      </th>
                      <td className="px-3 py-2">{tEnums(`taskCategory.${task.category}`)}</td>
                      <td className="px-3 py-2">{task.owner?.name ?? tTasks("noOwner")}</td>
                      <td className="px-3 py-2">
                        {task.dueAt ? (
                          <span className={overdue ? "font-bold text-red-800" : undefined}>
                            {overdue && <>{tTasks("overdue")}: </>}
                            {formatDate(task.dueAt, zone, locale)}
                          </span>
                        ) : (
                          tTasks("noDue")
                        )}
                      </td>
                      <td className="px-3 py-2">{tEnums(`taskStatus.${task.status}`)}</td>
                      <td className="px-3 py-2">
                        <details>
                          <summary className="cursor-pointer text-brand-800 underline">{tTasks("editTask", { title: task.title })}</summary>
                          <TaskForm
                            detentionId={caseFile.id}
                            owners={owners}
                            task={{ ...task, dueOn: task.dueAt ? new Date(task.dueAt.getTime()).toLocaleDateString("en-CA", { timeZone: zone }) : "" }}
                          />
                        </details>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3 className="mt-4 mb-2 font-semibold">{tTasks("addTitle")}</h3>
          <TaskForm detentionId={caseFile.id} owners={owners} defaultOwnerId={actor.userId} />
        </Section>
      )}

      <div id="case-referrals" className="scroll-mt-4">
        <ReferralsSection actor={actor} detentionId={caseFile.id} />
      </div>
      <div id="case-reviews" className="scroll-mt-4">
        <ReviewsSection actor={actor} detentionId={caseFile.id} />
      </div>

      {can(actor, "notes.write") && (
        <Section id="case-notes" title={t("sections.notes")}>
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
          <NoteForm detentionId={caseFile.id} privileged={actor.role === "COUNSEL"} authorRole={actor.role} />
        </Section>
      )}
    </>
  );
}
