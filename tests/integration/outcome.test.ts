import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// A database of this file's own (audit events cannot be deleted); the data layer reads DATABASE_URL lazily.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { recordOutcome, undoOutcome, correctOutcome, CASE_CLOSED } = await import("@/lib/outcomes/mutations");
const { recordOutcomeSchema, correctOutcomeSchema, undoOutcomeSchema } = await import("@/lib/outcomes/schema");
const { recordReview, scheduleHearing } = await import("@/lib/reviews/mutations");
const { listReviewDashboard } = await import("@/lib/reviews/queries");
const { reviewDashboardParamsSchema } = await import("@/lib/reviews/schema");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { createDetention } = await import("@/lib/detentions/mutations");

const TORONTO = "America/Toronto";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();

let prisma: PrismaClient;
let fixtures: ReturnType<typeof reviewFixtures>;
let toronto: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;
let elsewhere: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;
let counsel: Actor;
let caseworker: Actor;

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  fixtures = reviewFixtures(prisma);
  toronto = await fixtures.office("outcomes");
  elsewhere = await fixtures.office("elsewhere", "America/Vancouver");
  counsel = (await fixtures.lawOffice("outcomes")).counsel;
  const providerOrg = await prisma.organization.create({ data: { kind: "SERVICE_PROVIDER", name: `IT provider ${randomUUID().slice(0, 6)}`, region: "Test region" }, select: { id: true, kind: true, name: true } });
  const user = await prisma.user.create({ data: { email: `ngo-${randomUUID().slice(0, 6)}@it.liaison.example`, name: "Caseworker", role: "NGO_CASEWORKER", organizationId: providerOrg.id, passwordHash: "x" }, select: { id: true } });
  caseworker = { userId: user.id, sessionId: randomUUID(), name: "Caseworker", role: "NGO_CASEWORKER", organizationId: providerOrg.id, organizationKind: providerOrg.kind, organizationName: providerOrg.name };
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

const local = (instant: Date) => instantToWallClock(instant, TORONTO);

function release(detention: { id: string; version: number }, at: Date, fields: Record<string, string> = {}) {
  const { date, time } = local(at);
  return recordOutcomeSchema.parse({ detentionId: detention.id, detentionVersion: String(detention.version), kind: "RELEASE", releaseType: "ID_ORDER_ON_CONDITIONS", date, time, reportingMode: "IN_PERSON", reportingFrequency: "WEEKLY", residenceAddress: "12 Fictional Lane", ...fields });
}

async function version(id: string) {
  return (await prisma.detention.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function snapshot(detentionId: string) {
  const [detention, outcomes, tasks, plan, audit] = await Promise.all([
    prisma.detention.findUniqueOrThrow({ where: { id: detentionId } }),
    prisma.detentionOutcome.findMany({ where: { detentionId }, orderBy: { recordedAt: "asc" } }),
    prisma.task.findMany({ where: { detentionId }, orderBy: { id: "asc" } }),
    prisma.releasePlan.findUnique({ where: { detentionId } }),
    prisma.auditEvent.count({ where: { detentionId } }),
  ]);
  return { detention, outcomes, tasks, plan, audit };
}

/** A person detained 10 days ago whose 48-hour and 7-day reviews were held, the last ordering release; a plan, tasks. */
async function caseReleasedAtReview() {
  const detainedAt = new Date(now.getTime() - 10 * DAY);
  const detention = await fixtures.detention(toronto, { detainedAt });
  const held = async (at: Date, outcome: "CONTINUED" | "RELEASE_ORDERED") => {
    const started = local(at);
    const result = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: await version(detention.id), startedDate: started.date, startedTime: started.time, concludedDate: "", concludedTime: "", outcome, early: false, notes: "" }, now);
    if (!result.ok) throw new Error(`review refused: ${result.reason}`);
  };
  await held(new Date(detainedAt.getTime() + 30 * HOUR), "CONTINUED");
  await held(new Date(now.getTime() - 2 * DAY), "RELEASE_ORDERED");
  await prisma.releasePlan.create({ data: { detentionId: detention.id, status: "RELEASE_ORDERED", measures: ["IN_PERSON_REPORTING"] } });
  const task = (title: string, status: "OPEN" | "IN_PROGRESS" | "DONE") =>
    prisma.task.create({ data: { detentionId: detention.id, category: "OTHER", title, status, createdById: toronto.clo.userId, completedAt: status === "DONE" ? now : null }, select: { id: true } });
  const tasks = { open: await task("Book the bus ticket", "OPEN"), inProgress: await task("Confirm the address", "IN_PROGRESS"), done: await task("Call the sister", "DONE") };
  return { id: detention.id, version: await version(detention.id), detainedAt, tasks };
}

describe("recording the outcome of a detention", () => {
  it("releases on conditions in one transaction: status, end of the review chain, plan, tasks, audit", async () => {
    const detention = await caseReleasedAtReview();
    const releasedAt = new Date(now.getTime() - DAY);
    releasedAt.setUTCSeconds(0, 0);
    const result = await recordOutcome(toronto.clo, release(detention, releasedAt, { bondspersonName: "Rosa Fictional", bondAmount: "2500" }), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const after = await snapshot(detention.id);
    expect(after.detention).toMatchObject({ status: "RELEASED", releasedAt, releaseType: "ID_ORDER_ON_CONDITIONS", nextReviewKind: null, nextReviewDueBy: null, version: detention.version + 1 });
    expect(after.outcomes).toHaveLength(1);
    expect(after.outcomes[0]).toMatchObject({
      id: result.outcomeId,
      kind: "RELEASE",
      decidedBy: "IMMIGRATION_DIVISION",
      occurredAt: releasedAt,
      onPlan: true,
      planStatusBefore: "RELEASE_ORDERED",
      supersededAt: null,
      recordedById: toronto.clo.userId,
      conditions: expect.objectContaining({ reporting: { mode: "IN_PERSON", frequency: "WEEKLY" }, bondsperson: { name: "Rosa Fictional", amountCents: 250_000 } }),
    });
    expect([...after.outcomes[0]!.atdMeasures].sort()).toEqual(["BONDSPERSON", "IN_PERSON_REPORTING", "RESIDENCE_CONDITION"]);
    expect([...after.outcomes[0]!.closedTaskIds].sort()).toEqual([detention.tasks.open.id, detention.tasks.inProgress.id].sort());
    expect(after.plan).toMatchObject({ status: "RELEASED", version: 2 });
    expect(await prisma.releasePlanVersion.count({ where: { planId: after.plan!.id, version: 2 } })).toBe(1);
    const byId = new Map(after.tasks.map((task) => [task.id, task]));
    expect(byId.get(detention.tasks.open.id)).toMatchObject({ status: "CANCELLED", outcome: CASE_CLOSED });
    expect(byId.get(detention.tasks.inProgress.id)).toMatchObject({ status: "CANCELLED", outcome: CASE_CLOSED });
    expect(byId.get(detention.tasks.done.id)).toMatchObject({ status: "DONE", outcome: null });

    const events = await prisma.auditEvent.findMany({ where: { detentionId: detention.id, action: { in: ["detention.outcome.record", "plan.status"] } }, select: { action: true, metadata: true } });
    expect(events.map((event) => event.action).sort()).toEqual(["detention.outcome.record", "plan.status"]);
    const recorded = events.find((event) => event.action === "detention.outcome.record")!.metadata as Record<string, unknown>;
    expect(recorded).toMatchObject({ kind: "RELEASE", onPlan: true, closedTasks: 2, conditions: ["reporting", "residence", "bondsperson"] });
    // Codes and field names only: no name, address or amount in the audit.
    expect(JSON.stringify(recorded)).not.toMatch(/Rosa|Fictional|2500|250000/);

    const caseFile = await getCaseFile(toronto.clo, detention.id, now);
    expect(caseFile).toMatchObject({ status: "RELEASED", reviewClock: { next: null } });
  });

  it("drops a scheduled hearing from the reviews dashboard when an officer releases before the first review", async () => {
    const detainedAt = new Date(now.getTime() - 10 * HOUR);
    const detention = await fixtures.detention(toronto, { detainedAt });
    const hearing = local(new Date(now.getTime() + 20 * HOUR));
    expect((await scheduleHearing(toronto.clo, { detentionId: detention.id, detentionVersion: 1, date: hearing.date, time: hearing.time, byVideo: true, location: "" }, now)).ok).toBe(true);
    const dashboard = async () => (await listReviewDashboard(toronto.clo, reviewDashboardParamsSchema.parse({}), now)).rows.map((row) => row.detentionId);
    expect(await dashboard()).toContain(detention.id);

    const at = local(new Date(now.getTime() - HOUR));
    const input = recordOutcomeSchema.parse({ detentionId: detention.id, detentionVersion: String(await version(detention.id)), kind: "RELEASE", releaseType: "CBSA_OFFICER_RELEASE", date: at.date, time: at.time, reportingMode: "VOICE", reportingFrequency: "TWICE_WEEKLY" });
    expect((await recordOutcome(toronto.clo, input, now)).ok).toBe(true);
    expect(await dashboard()).not.toContain(detention.id);
  });

  it("refuses a stale form, a second outcome, a time before detention, and an officer release after the first review", async () => {
    const detention = await caseReleasedAtReview();
    const before = await snapshot(detention.id);
    expect(await recordOutcome(toronto.clo, release({ id: detention.id, version: detention.version - 1 }, new Date(now.getTime() - HOUR)), now)).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await recordOutcome(toronto.clo, release(detention, new Date(detention.detainedAt.getTime() - HOUR)), now)).toEqual({ ok: false, reason: "FIELD", field: "date", key: "outcomeBeforeDetention" });
    expect(await recordOutcome(toronto.clo, release(detention, new Date(now.getTime() - HOUR), { releaseType: "CBSA_OFFICER_RELEASE" }), now)).toEqual({ ok: false, reason: "FIELD", field: "releaseType", key: "officerWindowClosed" });
    expect(await snapshot(detention.id)).toEqual(before);

    expect((await recordOutcome(toronto.clo, release(detention, new Date(now.getTime() - HOUR)), now)).ok).toBe(true);
    const twice = await recordOutcome(toronto.supervisor, release({ id: detention.id, version: await version(detention.id) }, new Date(now.getTime() - HOUR)), now);
    expect(twice).toEqual({ ok: false, reason: "NOT_DETAINED" });
    expect(await prisma.detentionOutcome.count({ where: { detentionId: detention.id } })).toBe(1);
  });

  it("is refused as not found to another office, counsel (even of record) and caseworkers, writing nothing", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(now.getTime() - 3 * DAY), counselId: counsel.userId });
    const before = await snapshot(detention.id);
    const input = release(detention, new Date(now.getTime() - HOUR));
    for (const actor of [elsewhere.clo, elsewhere.supervisor, counsel, caseworker]) {
      expect(await recordOutcome(actor, input, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await snapshot(detention.id)).toEqual(before);
  });

  it("records removal, transfer out and another end, each ending the review chain", async () => {
    for (const [kind, status, reason] of [["REMOVAL", "REMOVED", ""], ["TRANSFER_OUT", "TRANSFERRED_OUT", "Provincial custody"], ["OTHER_END", "ENDED", "Admitted to hospital under a provincial order"]] as const) {
      const detention = await fixtures.detention(toronto, { detainedAt: new Date(now.getTime() - 5 * DAY) });
      const at = local(new Date(now.getTime() - HOUR));
      const input = recordOutcomeSchema.parse({ detentionId: detention.id, detentionVersion: "1", kind, date: at.date, time: at.time, decidedBy: "CBSA_OFFICER", reason });
      expect(await recordOutcome(toronto.clo, input, now)).toMatchObject({ ok: true });
      expect(await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).toMatchObject({ status, releaseType: null, nextReviewDueBy: null });
    }
  });

  it("lets a person released be detained again through intake, with a new clock", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(now.getTime() - 20 * DAY) });
    expect((await recordOutcome(toronto.clo, release(detention, new Date(now.getTime() - 10 * DAY)), now)).ok).toBe(true);
    const person = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { detaineeId: true } });
    const at = local(new Date(now.getTime() - HOUR));
    const again = await createDetention(toronto.clo, { kind: "existing", detaineeId: person.detaineeId, searchedClientId: null, facilityId: toronto.facility.id, detainedOn: at.date, detainedAtTime: at.time, grounds: ["UNLIKELY_TO_APPEAR"], schedule: "STANDARD" }, now);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await prisma.detention.findUniqueOrThrow({ where: { id: again.detentionId } })).toMatchObject({ status: "DETAINED", releasedAt: null, nextReviewKind: "FORTY_EIGHT_HOUR" });
    expect(await prisma.detentionOutcome.count({ where: { detentionId: again.detentionId } })).toBe(0);
  });
});

describe("undoing and correcting an outcome (supervisors)", () => {
  it("undoes a wrongly recorded release: detained again, plan, tasks and clock restored; the outcome kept as superseded", async () => {
    const detention = await caseReleasedAtReview();
    const before = await snapshot(detention.id);
    const recorded = await recordOutcome(toronto.clo, release(detention, new Date(now.getTime() - HOUR)), now);
    if (!recorded.ok) throw new Error(recorded.reason);
    const outcome = await prisma.detentionOutcome.findUniqueOrThrow({ where: { id: recorded.outcomeId! } });
    const undo = undoOutcomeSchema.parse({ detentionId: detention.id, outcomeId: outcome.id, outcomeVersion: String(outcome.version), undoReason: "Recorded on the wrong case" });

    // A CLO may record, not undo; another office's supervisor does not see it.
    expect(await undoOutcome(toronto.clo, undo, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await undoOutcome(elsewhere.supervisor, undo, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await undoOutcome(toronto.supervisor, { ...undo, outcomeVersion: outcome.version + 1 }, now)).toEqual({ ok: false, reason: "STALE_VERSION" });

    expect(await undoOutcome(toronto.supervisor, undo, now)).toEqual({ ok: true, outcomeId: null });
    const after = await snapshot(detention.id);
    expect(after.detention).toMatchObject({ status: "DETAINED", releasedAt: null, releaseType: null, nextReviewKind: before.detention.nextReviewKind, nextReviewDueBy: before.detention.nextReviewDueBy });
    expect(after.plan).toMatchObject({ status: "RELEASE_ORDERED" });
    const statuses = new Map(after.tasks.map((task) => [task.id, [task.status, task.outcome]]));
    expect(statuses.get(detention.tasks.open.id)).toEqual(["OPEN", null]);
    expect(statuses.get(detention.tasks.inProgress.id)).toEqual(["OPEN", null]);
    expect(statuses.get(detention.tasks.done.id)).toEqual(["DONE", null]);
    expect(after.outcomes).toHaveLength(1);
    expect(after.outcomes[0]).toMatchObject({ supersededById: toronto.supervisor.userId, supersedeReason: "Recorded on the wrong case", replacedById: null });
    expect(after.outcomes[0]!.supersededAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { detentionId: detention.id, action: "detention.outcome.undo" } })).toBe(1);
    // Undone twice: the outcome is no longer in force.
    expect(await undoOutcome(toronto.supervisor, { ...undo, outcomeVersion: outcome.version + 1 }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // And the release can be recorded again, properly.
    expect((await recordOutcome(toronto.clo, release({ id: detention.id, version: await version(detention.id) }, new Date(now.getTime() - 2 * HOUR)), now)).ok).toBe(true);
  });

  it("corrects an outcome: the old one superseded and replaced, one in force, the rules checked afresh", async () => {
    const detention = await caseReleasedAtReview();
    const recorded = await recordOutcome(toronto.clo, release(detention, new Date(now.getTime() - HOUR)), now);
    if (!recorded.ok) throw new Error(recorded.reason);
    const outcome = await prisma.detentionOutcome.findUniqueOrThrow({ where: { id: recorded.outcomeId! } });
    const at = local(new Date(now.getTime() - 5 * HOUR));
    const fields = { detentionId: detention.id, outcomeId: outcome.id, outcomeVersion: String(outcome.version), correctionReason: "The release was in the morning, without conditions", kind: "RELEASE", date: at.date, time: at.time };
    expect(await correctOutcome(toronto.clo, correctOutcomeSchema.parse({ ...fields, releaseType: "ID_ORDER_WITHOUT_CONDITIONS" }), now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // The corrected outcome must follow the rules too; a refusal changes nothing.
    expect(await correctOutcome(toronto.supervisor, correctOutcomeSchema.parse({ ...fields, releaseType: "ID_ORDER_WITHOUT_CONDITIONS", curfew: "22:00 to 06:00" }), now)).toEqual({ ok: false, reason: "FIELD", field: "conditions", key: "conditionsNotAllowed" });
    expect(await prisma.detentionOutcome.findUniqueOrThrow({ where: { id: outcome.id } })).toMatchObject({ supersededAt: null, version: outcome.version });

    const corrected = await correctOutcome(toronto.supervisor, correctOutcomeSchema.parse({ ...fields, releaseType: "ID_ORDER_WITHOUT_CONDITIONS" }), now);
    if (!corrected.ok) throw new Error(corrected.reason);
    const outcomes = await prisma.detentionOutcome.findMany({ where: { detentionId: detention.id }, orderBy: { recordedAt: "asc" } });
    expect(outcomes).toHaveLength(2);
    expect(outcomes.filter((row) => row.supersededAt === null).map((row) => row.id)).toEqual([corrected.outcomeId]);
    expect(outcomes.find((row) => row.id === outcome.id)).toMatchObject({ replacedById: corrected.outcomeId, supersedeReason: fields.correctionReason });
    expect(outcomes.find((row) => row.id === corrected.outcomeId)).toMatchObject({ releaseType: "ID_ORDER_WITHOUT_CONDITIONS", atdMeasures: [], conditions: null, onPlan: true, planStatusBefore: "RELEASE_ORDERED" });
    expect(await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).toMatchObject({ status: "RELEASED", releaseType: "ID_ORDER_WITHOUT_CONDITIONS", releasedAt: outcomes[1]!.occurredAt });
    expect(await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId: detention.id } })).toMatchObject({ status: "RELEASED" });
    expect(await prisma.task.count({ where: { detentionId: detention.id, status: "CANCELLED", outcome: CASE_CLOSED } })).toBe(2);
  });
});
