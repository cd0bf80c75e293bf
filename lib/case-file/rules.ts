import type { AssessmentDeadline } from "@/lib/assessments/rules";
import type { Readiness } from "@/lib/release-plans/rules";
import type { reviewStatus } from "@/lib/reviews/rules";
import { taskIsOpen, taskOverdue } from "@/lib/tasks/rules";
import type { DetentionStatus, ReviewKind } from "@/lib/generated/prisma/enums";

/**
 * What the case page's header says about a case: its status tags, its next deadline and what needs doing next. Pure
 * derivations from the case file's read model (lib/case-file/queries.ts), so they follow access by construction: the
 * assessment deadline is the one computed from the viewer's visible flags, tasks are present for the case team only,
 * the plan and the assessment are null for a viewer who may not read them.
 */

const HOUR_MS = 3_600_000;

type ReviewStatus = ReturnType<typeof reviewStatus>;

/** The slice of the case file these rules read (a structural subset of CaseFile, so tests build it by hand). */
export type CaseFacts = {
  status: DetentionStatus;
  assessmentDeadline: AssessmentDeadline;
  reviewClock: {
    next: { kind: ReviewKind; dueBy: Date; status: ReviewStatus } | null;
    needsCheck: boolean;
    disclosureDue: Date | null;
    /** The policy's "due soon" horizon in force now: a disclosure or a task this close counts as due soon too. */
    dueSoonHours: number;
  };
  /** Null for a viewer with no reading of the assessment. */
  assessment: { view: { completedAt: Date | null } | null } | null;
  /** Null for a viewer who may not read the plan. */
  plan: { view: unknown; readiness: Readiness | null } | null;
  /** The case team's tasks; empty for others. */
  tasks: { id: string; title: string; dueAt: Date | null; status: string }[];
  noProspectReason: string | null;
  noProspectRevisitOn: Date | null;
  /** The last review ordered release and it is not recorded yet, for a viewer who may record it. */
  releaseToRecord: boolean;
};

/** The sections "what next" points to (ids of the case page's sections). */
export type CaseSectionId = "case-reviews" | "case-assessment" | "case-plan" | "case-tasks" | "case-outcome" | "case-glance";

export type CaseDeadline =
  | { kind: "REVIEW"; dueBy: Date; reviewKind: ReviewKind }
  | { kind: "ASSESSMENT"; dueBy: Date }
  | { kind: "DISCLOSURE"; dueBy: Date }
  | { kind: "TASK"; dueBy: Date; taskId: string; title: string };

const detained = (facts: CaseFacts) => facts.status === "DETAINED";

/** The assessment is still to be done: visible to the viewer, not completed, while the person is detained. */
function assessmentOutstanding(facts: CaseFacts): boolean {
  return detained(facts) && facts.assessment !== null && !facts.assessment.view?.completedAt;
}

/**
 * Every deadline still ahead of the case (or passed and not met), earliest first: the next review while the person is
 * detained, the Minister's disclosure for the hearing, the assessment while not completed, and the open tasks with a
 * due date. Only what the viewer may see: the assessment deadline comes from their visible flags.
 */
export function caseDeadlines(facts: CaseFacts): CaseDeadline[] {
  const deadlines: CaseDeadline[] = [];
  if (detained(facts) && facts.reviewClock.next) deadlines.push({ kind: "REVIEW", dueBy: facts.reviewClock.next.dueBy, reviewKind: facts.reviewClock.next.kind });
  if (detained(facts) && facts.reviewClock.disclosureDue) deadlines.push({ kind: "DISCLOSURE", dueBy: facts.reviewClock.disclosureDue });
  if (assessmentOutstanding(facts)) deadlines.push({ kind: "ASSESSMENT", dueBy: facts.assessmentDeadline.dueBy });
  for (const task of facts.tasks) if (taskIsOpen(task.status) && task.dueAt) deadlines.push({ kind: "TASK", dueBy: task.dueAt, taskId: task.id, title: task.title });
  // A stable order: by time, then reviews before the rest (the statutory deadline first when two fall together).
  const rank = { REVIEW: 0, DISCLOSURE: 1, ASSESSMENT: 2, TASK: 3 } as const;
  return deadlines.sort((a, b) => a.dueBy.getTime() - b.dueBy.getTime() || rank[a.kind] - rank[b.kind]);
}

/** The case's next deadline: the earliest of caseDeadlines, overdue or not; null when nothing is owed. */
export function nextDeadline(facts: CaseFacts): CaseDeadline | null {
  return caseDeadlines(facts)[0] ?? null;
}

/** A deadline in words: overdue or not, and by how long, in hours under two days and in days beyond. */
export function timeUntil(dueBy: Date, now: Date): { overdue: boolean; unit: "hour" | "day"; count: number } {
  const ms = dueBy.getTime() - now.getTime();
  const overdue = ms < 0;
  const abs = Math.abs(ms);
  if (abs < 48 * 3_600_000) return { overdue, unit: "hour", count: Math.max(1, Math.floor(abs / 3_600_000)) };
  return { overdue, unit: "day", count: Math.floor(abs / 86_400_000) };
}

export type CaseTag =
  | { kind: "STATUS"; status: DetentionStatus }
  | { kind: "REVIEW"; status: "DUE_SOON" | "OVERDUE" }
  | { kind: "ASSESSMENT_OVERDUE" }
  | { kind: "PLAN_NONE" }
  | { kind: "PLAN_READY" }
  | { kind: "PLAN_GROUNDS"; answered: number; total: number }
  | { kind: "PLAN_ITEMS"; met: number; required: number }
  | { kind: "NO_PROSPECT" };

/** The grounds a plan answers (a mitigation each) out of those recorded, or null when readiness does not ask. */
function groundsAnswered(readiness: Readiness, grounds: number): { answered: number; total: number } | null {
  const item = readiness.items.find((entry) => entry.key === "MITIGATION_PER_GROUND");
  if (!item || !item.required || item.met) return null;
  return { answered: grounds - (item.missingGrounds?.length ?? 0), total: grounds };
}

/**
 * The header's tags, each a word (never a colour alone): the detention's status, the review clock when due soon or
 * overdue, an assessment overdue, the plan's readiness (for readers of the plan, while detained) and the
 * "no current prospect" marker.
 */
export function caseTags(facts: CaseFacts & { grounds: readonly string[] }, now: Date): CaseTag[] {
  const tags: CaseTag[] = [{ kind: "STATUS", status: facts.status }];
  const review = facts.reviewClock.next;
  if (detained(facts) && review && review.status !== "UPCOMING") tags.push({ kind: "REVIEW", status: review.status });
  if (assessmentOutstanding(facts) && facts.assessmentDeadline.dueBy.getTime() < now.getTime()) tags.push({ kind: "ASSESSMENT_OVERDUE" });
  if (detained(facts) && facts.plan) {
    const readiness = facts.plan.readiness;
    if (!facts.plan.view || !readiness) tags.push({ kind: "PLAN_NONE" });
    else if (readiness.ready) tags.push({ kind: "PLAN_READY" });
    else {
      const grounds = groundsAnswered(readiness, facts.grounds.length);
      tags.push(grounds ? { kind: "PLAN_GROUNDS", ...grounds } : { kind: "PLAN_ITEMS", met: readiness.metCount, required: readiness.requiredCount });
    }
  }
  if (facts.noProspectReason) tags.push({ kind: "NO_PROSPECT" });
  return tags;
}

export type NextStep =
  | { kind: "RECORD_RELEASE"; section: "case-outcome" }
  | { kind: "REVIEW"; section: "case-reviews"; reviewKind: ReviewKind; dueBy: Date; overdue: boolean }
  | { kind: "REVIEW_CHECK"; section: "case-reviews" }
  | { kind: "DISCLOSURE"; section: "case-reviews"; dueBy: Date; overdue: boolean }
  | { kind: "ASSESSMENT"; section: "case-assessment"; dueBy: Date; overdue: boolean }
  | { kind: "PLAN_START"; section: "case-plan" }
  | { kind: "PLAN_GROUNDS"; section: "case-plan"; missing: number }
  | { kind: "PLAN_ITEMS"; section: "case-plan"; missing: number }
  | { kind: "TASK"; section: "case-tasks"; taskId: string; title: string; dueBy: Date; overdue: boolean }
  | { kind: "NO_PROSPECT_REVISIT"; section: "case-glance"; revisitOn: Date };

/**
 * What needs doing next on the case, most pressing first, each pointing to the section to act in: a release ordered
 * and not recorded, the review when due soon or overdue (or its schedule to check), the disclosure for the hearing,
 * the assessment while not completed, the plan while not ready, the tasks overdue or due soon (the policy's horizon,
 * like the review's), and a
 * "no current prospect" marker whose revisit date has come. Only from what the viewer may see.
 */
export function whatNext(facts: CaseFacts & { grounds: readonly string[] }, now: Date): NextStep[] {
  const steps: NextStep[] = [];
  const past = (date: Date) => date.getTime() < now.getTime();
  const soon = (date: Date) => date.getTime() - now.getTime() <= facts.reviewClock.dueSoonHours * HOUR_MS;
  if (facts.releaseToRecord) steps.push({ kind: "RECORD_RELEASE", section: "case-outcome" });
  if (detained(facts)) {
    const review = facts.reviewClock.next;
    if (review && review.status !== "UPCOMING") steps.push({ kind: "REVIEW", section: "case-reviews", reviewKind: review.kind, dueBy: review.dueBy, overdue: review.status === "OVERDUE" });
    if (facts.reviewClock.needsCheck) steps.push({ kind: "REVIEW_CHECK", section: "case-reviews" });
    const disclosure = facts.reviewClock.disclosureDue;
    if (disclosure && soon(disclosure)) steps.push({ kind: "DISCLOSURE", section: "case-reviews", dueBy: disclosure, overdue: past(disclosure) });
  }
  if (assessmentOutstanding(facts)) {
    const dueBy = facts.assessmentDeadline.dueBy;
    steps.push({ kind: "ASSESSMENT", section: "case-assessment", dueBy, overdue: past(dueBy) });
  }
  if (detained(facts) && facts.plan) {
    const readiness = facts.plan.readiness;
    if (!facts.plan.view || !readiness) steps.push({ kind: "PLAN_START", section: "case-plan" });
    else if (!readiness.ready) {
      const grounds = groundsAnswered(readiness, facts.grounds.length);
      if (grounds) steps.push({ kind: "PLAN_GROUNDS", section: "case-plan", missing: grounds.total - grounds.answered });
      else steps.push({ kind: "PLAN_ITEMS", section: "case-plan", missing: readiness.requiredCount - readiness.metCount });
    }
  }
  for (const task of facts.tasks) {
    if (!taskIsOpen(task.status) || !task.dueAt) continue;
    if (taskOverdue(task, now) || soon(task.dueAt))
      steps.push({ kind: "TASK", section: "case-tasks", taskId: task.id, title: task.title, dueBy: task.dueAt, overdue: taskOverdue(task, now) });
  }
  if (facts.noProspectReason && facts.noProspectRevisitOn && facts.noProspectRevisitOn.getTime() <= now.getTime())
    steps.push({ kind: "NO_PROSPECT_REVISIT", section: "case-glance", revisitOn: facts.noProspectRevisitOn });
  return steps;
}

/** The sections open when the page loads: the ones "what next" points to, and the glance. The rest open on demand. */
export function sectionsOpenByDefault(steps: readonly NextStep[]): ReadonlySet<string> {
  return new Set<string>(["case-glance" satisfies CaseSectionId, ...steps.map((step) => step.section)]);
}
