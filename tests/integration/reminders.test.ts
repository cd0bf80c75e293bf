import { afterAll, describe, expect, it } from "vitest";
import { caseDatabase } from "./case-database";
import { actorFor } from "@/tests/support/actors";
import { traffickingScreenInput } from "@/tests/support/trafficking-screen";

/**
 * Deadline reminders on the real database: at the right instant, to the right people (each deadline computed from
 * the flags that recipient may see), exactly once however often and however concurrently the job runs; and the job
 * runner itself (pg-boss) running the reminder job.
 */
const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createDetention } = await import("@/lib/detentions/mutations");
const { recordFlag } = await import("@/lib/screening/mutations");
const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");
const { writeDueReminders } = await import("@/lib/reminders/mutations");
const { startJobRunner, QUEUES } = await import("@/lib/jobs/runner");
const { jobRunnerHealth } = await import("@/lib/jobs/queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const HOUR = 3_600_000;

function torontoLocal(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { detainedOn: `${get("year")}-${get("month")}-${get("day")}`, detainedAtTime: `${get("hour")}:${get("minute")}` };
}

let serial = 0;
/** A new detention in Toronto, detained `hoursAgo` hours before now (to the minute), by the given CLO. */
async function detainedHoursAgo(hoursAgo: number, email = "clo.toronto@liaison.example") {
  serial += 1;
  const clo = await actorFor(prisma, email);
  const facility = await prisma.facility.findFirstOrThrow({ where: { name: "Toronto Immigration Holding Centre" }, select: { id: true } });
  const result = await createDetention(
    clo,
    {
      kind: "new",
      facilityId: facility.id,
      ...torontoLocal(new Date(now.getTime() - hoursAgo * HOUR)),
      givenName: "Reminder",
      familyName: `Fixture${serial}`,
      dateOfBirth: "1990-02-03",
      gender: "UNDISCLOSED",
      languages: ["English"],
      interpreterNeeded: false,
      interpreterLanguage: "",
      citizenship: "XXX",
      clientId: null,
      grounds: ["UNLIKELY_TO_APPEAR"],
      schedule: "STANDARD",
    } as never,
    now,
  );
  if (!result.ok) throw new Error(`intake refused: ${result.reason}`);
  return prisma.detention.findUniqueOrThrow({ where: { id: result.detentionId }, select: { id: true, reference: true, detainedAt: true, nextReviewDueBy: true, assignedCloId: true, officeId: true } });
}

async function flag(detentionId: string, flagName: "MENTAL_HEALTH" | "TRAFFICKING_INDICATORS") {
  const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
  const screening = await prisma.screening.findUnique({ where: { detentionId }, select: { version: true } });
  // Trafficking indicators are recorded through the screen only (a supervisor is among the flag's audience).
  const result =
    flagName === "TRAFFICKING_INDICATORS"
      ? await recordTraffickingScreen(supervisor, traffickingScreenInput(detentionId))
      : await recordFlag(supervisor, { detentionId, version: screening?.version ?? 0, flag: flagName, details: null });
  if (!result.ok) throw new Error(`flag refused: ${result.reason}`);
}

async function officeMembers(officeId: string, role: "CLO" | "SUPERVISOR") {
  return (await prisma.user.findMany({ where: { organizationId: officeId, role, active: true }, select: { id: true } })).map((user) => user.id).sort();
}

async function remindersOf(detentionId: string, kind: string) {
  return (await prisma.notification.findMany({ where: { detentionId, kind: kind as never }, select: { recipientId: true, key: true } })).map((row) => row.recipientId).sort();
}

describe("the 48-hour assessment of a vulnerable person", () => {
  it("warns the assigned CLO 12 hours before, and escalates to the supervisors once overdue, once each", async () => {
    const detention = await detainedHoursAgo(30);
    await flag(detention.id, "MENTAL_HEALTH");
    const dueBy = detention.detainedAt.getTime() + 48 * HOUR;

    // 13 hours before the deadline: nothing yet.
    await writeDueReminders(new Date(dueBy - 13 * HOUR));
    expect(await remindersOf(detention.id, "ASSESSMENT_DUE_SOON")).toEqual([]);
    // 11 hours before: the assigned CLO, once, however many runs at once.
    await Promise.all([writeDueReminders(new Date(dueBy - 11 * HOUR)), writeDueReminders(new Date(dueBy - 11 * HOUR)), writeDueReminders(new Date(dueBy - 10 * HOUR))]);
    expect(await remindersOf(detention.id, "ASSESSMENT_DUE_SOON")).toEqual([detention.assignedCloId]);
    expect(await remindersOf(detention.id, "ASSESSMENT_OVERDUE")).toEqual([]);
    // Past it: every supervisor of the office, once.
    await writeDueReminders(new Date(dueBy + 60_000));
    await writeDueReminders(new Date(dueBy + 2 * HOUR));
    expect(await remindersOf(detention.id, "ASSESSMENT_OVERDUE")).toEqual(await officeMembers(detention.officeId, "SUPERVISOR"));
  });

  it("never gives a CLO who may not see a trafficking indicator a 48-hour reminder that would reveal it", async () => {
    const detention = await detainedHoursAgo(40);
    await prisma.detention.update({ where: { id: detention.id }, data: { assignedCloId: null } });
    await flag(detention.id, "TRAFFICKING_INDICATORS");
    const dueBy = detention.detainedAt.getTime() + 48 * HOUR;
    await writeDueReminders(new Date(dueBy - HOUR));
    // Unassigned: the office's CLOs would be warned, but none of them may see the only flag.
    expect(await remindersOf(detention.id, "ASSESSMENT_DUE_SOON")).toEqual([]);
    await writeDueReminders(new Date(dueBy + HOUR));
    // Supervisors see trafficking indicators: the escalation reaches them.
    expect(await remindersOf(detention.id, "ASSESSMENT_OVERDUE")).toEqual(await officeMembers(detention.officeId, "SUPERVISOR"));
  });

  it("warns every CLO of the office when the case is unassigned and the flag is one they may see", async () => {
    const detention = await detainedHoursAgo(40);
    await prisma.detention.update({ where: { id: detention.id }, data: { assignedCloId: null } });
    await flag(detention.id, "MENTAL_HEALTH");
    await writeDueReminders(new Date(detention.detainedAt.getTime() + 47 * HOUR));
    expect(await remindersOf(detention.id, "ASSESSMENT_DUE_SOON")).toEqual(await officeMembers(detention.officeId, "CLO"));
  });
});

describe("detention reviews", () => {
  it("tells the assigned CLO and counsel of record when a review is due within 48 hours, and again when overdue", async () => {
    const detention = await detainedHoursAgo(1);
    const counsel = await actorFor(prisma, "counsel.marchand@liaison.example");
    await prisma.detainee.updateMany({ where: { detentions: { some: { id: detention.id } } }, data: { counselId: counsel.userId } });
    await writeDueReminders(now);
    expect(await remindersOf(detention.id, "REVIEW_DUE_SOON")).toEqual([detention.assignedCloId!, counsel.userId].sort());
    await writeDueReminders(new Date(detention.nextReviewDueBy!.getTime() + 1000));
    expect(await remindersOf(detention.id, "REVIEW_OVERDUE")).toEqual([detention.assignedCloId!, counsel.userId].sort());
  });
});

describe("the job runner", () => {
  it("runs the reminder job from its queue in PostgreSQL", async () => {
    const detention = await detainedHoursAgo(2);
    const boss = await startJobRunner();
    try {
      const jobId = await boss.send(QUEUES.reminders, {});
      expect(jobId).not.toBeNull();
      let state: string | undefined;
      for (let attempt = 0; attempt < 60 && state !== "completed"; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        state = (await boss.getJobById(QUEUES.reminders, jobId!))?.state;
      }
      expect(state).toBe("completed");
      expect(await remindersOf(detention.id, "REVIEW_DUE_SOON")).toContain(detention.assignedCloId);
      // The administrators' view reads pg-boss's own tables: every queue, the run just completed, counts only.
      const health = await jobRunnerHealth(await actorFor(prisma, "admin@liaison.example"));
      expect(health?.started).toBe(true);
      expect(health?.queues.map((queue) => queue.name)).toEqual(Object.values(QUEUES));
      expect(health?.queues.find((queue) => queue.name === QUEUES.reminders)?.completed).toBeGreaterThanOrEqual(1);
      expect(health?.lastRemindersRun).toBeInstanceOf(Date);
      expect(health?.mail).toMatchObject({ configured: false, pending: 0 });
      expect(await jobRunnerHealth(await actorFor(prisma, "clo.toronto@liaison.example"))).toBeNull();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
