import type { NotificationKind, Role, VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { caseAssessmentDeadline, type DeadlineFacts, type EarlyAssessmentPolicy } from "@/lib/assessments/rules";
import { visibleFlags } from "@/lib/authz/cases";
import { DUE_SOON_HOURS } from "@/lib/reviews/rules";

/**
 * Reminders of deadlines (docs/domain.md, "Notifications"): pure decisions over facts read by the reminder job
 * (lib/reminders/mutations.ts). Each reminder has a key made of its kind, its subject and the deadline, so it is
 * written once per recipient however often the job runs and however many instances run it; a deadline that moves
 * (a review recorded, a task re-dated) is a new deadline and is reminded again.
 */

const HOUR_MS = 3_600_000;
/** A vulnerable person's 48-hour assessment is reminded this long before its deadline. */
export const ASSESSMENT_WARNING_HOURS = 12;
/** Tasks are reminded the day before they are due (within 24 hours) and once overdue, up to this long after. */
export const TASK_WARNING_HOURS = 24;
export const TASK_OVERDUE_LOOKBACK_DAYS = 30;

export type Reminder = { recipientId: string; kind: NotificationKind; key: string; detentionId: string; reference: string; path: string; params: { dueBy: string } };

type Person = { id: string; role: Role };

export type ReviewFacts = { detentionId: string; reference: string; nextReviewDueBy: Date; assignedCloId: string | null; counselId: string | null };

/** Review due soon (the policy's horizon in force now, default 48 hours), or overdue: the assigned CLO and counsel of record. */
export function reviewReminders(review: ReviewFacts, now: Date, dueSoonHours: number = DUE_SOON_HOURS): Reminder[] {
  const remaining = review.nextReviewDueBy.getTime() - now.getTime();
  if (remaining > dueSoonHours * HOUR_MS) return [];
  const kind: NotificationKind = remaining < 0 ? "REVIEW_OVERDUE" : "REVIEW_DUE_SOON";
  const dueBy = review.nextReviewDueBy.toISOString();
  const recipients = [...new Set([review.assignedCloId, review.counselId].filter((id): id is string => id !== null))];
  return recipients.map((recipientId) => ({
    recipientId,
    kind,
    key: `${kind}:${review.detentionId}:${dueBy}`,
    detentionId: review.detentionId,
    reference: review.reference,
    path: recipientId === review.counselId ? "/clients" : `/cases/${review.detentionId}`,
    params: { dueBy },
  }));
}

export type AssessmentFacts = DeadlineFacts & {
  detentionId: string;
  reference: string;
  assignedCloId: string | null;
  counselId: string | null;
  flags: readonly VulnerabilityFlag[];
  completed: boolean;
  /** The release-first policy in force when the person was detained (its early window and flags). */
  policy?: EarlyAssessmentPolicy;
  /** Active CLOs and supervisors of the office responsible. */
  office: readonly Person[];
};

/**
 * A vulnerable person's 48-hour assessment: 12 hours before its deadline the assigned CLO (unassigned: the office's
 * CLOs); past it, the office's supervisors (escalation). Each recipient's deadline is computed from the flags THEY
 * may see, so a trafficking indicator they may not see never makes them a 48-hour reminder.
 */
export function assessmentReminders(facts: AssessmentFacts, now: Date): Reminder[] {
  if (facts.completed || facts.flags.length === 0) return [];
  const audience = { assignedCloId: facts.assignedCloId, counselId: facts.counselId };
  const warned = facts.assignedCloId ? facts.office.filter((person) => person.id === facts.assignedCloId) : facts.office.filter((person) => person.role === "CLO");
  const escalated = facts.office.filter((person) => person.role === "SUPERVISOR");
  const reminders: Reminder[] = [];
  const consider = (person: Person, when: "SOON" | "OVERDUE") => {
    const deadline = caseAssessmentDeadline(facts, visibleFlags({ role: person.role, userId: person.id }, audience, facts.flags), facts.policy);
    if (deadline.basis !== "VULNERABILITY_48_HOURS") return;
    const remaining = deadline.dueBy.getTime() - now.getTime();
    const due = when === "OVERDUE" ? remaining < 0 : remaining >= 0 && remaining <= ASSESSMENT_WARNING_HOURS * HOUR_MS;
    if (!due) return;
    const kind: NotificationKind = when === "OVERDUE" ? "ASSESSMENT_OVERDUE" : "ASSESSMENT_DUE_SOON";
    const dueBy = deadline.dueBy.toISOString();
    reminders.push({ recipientId: person.id, kind, key: `${kind}:${facts.detentionId}:${dueBy}`, detentionId: facts.detentionId, reference: facts.reference, path: `/cases/${facts.detentionId}/assessment`, params: { dueBy } });
  };
  for (const person of warned) consider(person, "SOON");
  for (const person of escalated) consider(person, "OVERDUE");
  return reminders;
}

export type TaskFacts = { taskId: string; detentionId: string; reference: string; category: string; dueAt: Date; ownerId: string | null; assignedCloId: string | null };

/** A task due within a day reminds its owner (the Minister's disclosure: the assigned CLO too); overdue, its owner. */
export function taskReminders(task: TaskFacts, now: Date): Reminder[] {
  const remaining = task.dueAt.getTime() - now.getTime();
  const dueBy = task.dueAt.toISOString();
  const remind = (recipientId: string | null, kind: NotificationKind): Reminder[] =>
    recipientId ? [{ recipientId, kind, key: `${kind}:${task.taskId}:${dueBy}`, detentionId: task.detentionId, reference: task.reference, path: `/cases/${task.detentionId}#case-tasks`, params: { dueBy } }] : [];
  if (remaining < 0) {
    if (-remaining > TASK_OVERDUE_LOOKBACK_DAYS * 24 * HOUR_MS) return [];
    return remind(task.ownerId, "TASK_OVERDUE");
  }
  if (remaining > TASK_WARNING_HOURS * HOUR_MS) return [];
  if (task.category === "DISCLOSURE") {
    const recipients = [...new Set([task.assignedCloId, task.ownerId])];
    return recipients.flatMap((id) => remind(id, "DISCLOSURE_DUE"));
  }
  return remind(task.ownerId, "TASK_DUE_TOMORROW");
}
