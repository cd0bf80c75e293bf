import "server-only";
import { db } from "@/lib/db";
import { loadPolicyVersions } from "@/lib/policy/queries";
import { policyAt } from "@/lib/policy/rules";
import { assessmentReminders, reviewReminders, taskReminders, TASK_OVERDUE_LOOKBACK_DAYS, TASK_WARNING_HOURS, type Reminder } from "@/lib/reminders/rules";
import { routeByPreferences } from "@/lib/notifications/preferences/mutations";
import { kickEmailDelivery } from "@/lib/jobs/kick";

const HOUR_MS = 3_600_000;

/**
 * The reminder job (run every minute by lib/jobs/runner.ts): reads the deadlines that could be due, decides with
 * lib/reminders/rules.ts, and writes each reminder once (unique recipient and key: a second run, or a second
 * instance running at the same moment, writes nothing new). Only active users are reminded.
 */
export async function writeDueReminders(now = new Date()): Promise<number> {
  // The release-first policy's versions: the review horizon is the one in force now, each assessment's window the one
  // in force when the person was detained.
  const policyVersions = await loadPolicyVersions();
  const { dueSoonHours } = policyAt(policyVersions, now);
  const soon = new Date(now.getTime() + dueSoonHours * HOUR_MS);
  const [reviews, assessments, tasks] = await Promise.all([
    db().detention.findMany({
      where: { status: "DETAINED", nextReviewDueBy: { lte: soon } },
      select: { id: true, reference: true, nextReviewDueBy: true, assignedCloId: true, detainee: { select: { counselId: true } } },
    }),
    // A 48-hour assessment can only be due within 48 hours of detention (and overdue after): a week back is plenty.
    db().detention.findMany({
      where: {
        status: "DETAINED",
        detainedAt: { gte: new Date(now.getTime() - 7 * 24 * HOUR_MS), lte: new Date(now.getTime() + HOUR_MS) },
        screening: { flags: { some: {} } },
        OR: [{ assessment: null }, { assessment: { completedAt: null } }],
      },
      select: {
        id: true,
        reference: true,
        detainedAt: true,
        schedule: true,
        assignedCloId: true,
        facility: { select: { timeZone: true } },
        detainee: { select: { counselId: true } },
        screening: { select: { flags: { select: { flag: true } } } },
        reviews: { select: { startedOn: true, outcome: true } },
        office: { select: { users: { where: { active: true, role: { in: ["CLO", "SUPERVISOR"] } }, select: { id: true, role: true } } } },
      },
    }),
    db().task.findMany({
      where: {
        status: { in: ["OPEN", "IN_PROGRESS"] },
        dueAt: { gte: new Date(now.getTime() - TASK_OVERDUE_LOOKBACK_DAYS * 24 * HOUR_MS), lte: new Date(now.getTime() + TASK_WARNING_HOURS * HOUR_MS) },
        detention: { status: "DETAINED" },
      },
      select: { id: true, category: true, dueAt: true, ownerId: true, detention: { select: { id: true, reference: true, assignedCloId: true } } },
    }),
  ]);

  const reminders: Reminder[] = [
    ...reviews.flatMap((detention) =>
      reviewReminders({ detentionId: detention.id, reference: detention.reference, nextReviewDueBy: detention.nextReviewDueBy!, assignedCloId: detention.assignedCloId, counselId: detention.detainee.counselId }, now, dueSoonHours),
    ),
    ...assessments.flatMap((detention) =>
      assessmentReminders(
        {
          detentionId: detention.id,
          reference: detention.reference,
          detainedAt: detention.detainedAt,
          schedule: detention.schedule,
          facility: detention.facility,
          reviews: detention.reviews,
          assignedCloId: detention.assignedCloId,
          counselId: detention.detainee.counselId,
          flags: detention.screening?.flags.map((entry) => entry.flag) ?? [],
          completed: false,
          policy: policyAt(policyVersions, detention.detainedAt),
          office: detention.office.users,
        },
        now,
      ),
    ),
    ...tasks.flatMap((task) =>
      taskReminders({ taskId: task.id, detentionId: task.detention.id, reference: task.detention.reference, category: task.category, dueAt: task.dueAt!, ownerId: task.ownerId, assignedCloId: task.detention.assignedCloId }, now),
    ),
  ];
  if (reminders.length === 0) return 0;
  const active = new Set(
    (await db().user.findMany({ where: { id: { in: [...new Set(reminders.map((reminder) => reminder.recipientId))] }, active: true }, select: { id: true } })).map((user) => user.id),
  );
  // Each recipient's preferences (an escalation is never off); the e-mail decision is written with the reminder.
  const data = await routeByPreferences(db(), reminders.filter((reminder) => active.has(reminder.recipientId)), now);
  if (data.length === 0) return 0;
  const { count } = await db().notification.createMany({ data, skipDuplicates: true });
  if (data.some((row) => row.emailState === "PENDING")) kickEmailDelivery();
  return count;
}

