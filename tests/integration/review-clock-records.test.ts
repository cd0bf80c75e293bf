import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { addLocalDays, endOfLocalDay, ministerDisclosureDue } from "@/lib/reviews/rules";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// A database of this file's own (see ownDatabase); the data layer reads DATABASE_URL lazily (lib/env),
// so it is set before the first query.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { recordReview, scheduleHearing, editReview, DISCLOSURE_TASK_TITLE } = await import("@/lib/reviews/mutations");
const { listReviewDashboard, countUrgentReviews } = await import("@/lib/reviews/queries");
const { reviewDashboardParamsSchema } = await import("@/lib/reviews/schema");
const { getCaseFile } = await import("@/lib/case-file/queries");

const TORONTO = "America/Toronto";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let prisma: PrismaClient;
let fixtures: ReturnType<typeof reviewFixtures>;
let toronto: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;
let otherOffice: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  fixtures = reviewFixtures(prisma);
  toronto = await fixtures.office("reviews");
  otherOffice = await fixtures.office("elsewhere", "America/Vancouver");
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

/** "2026-06-10" and "14:30" for an instant in Toronto. */
function local(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: TORONTO, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function held(startedOn: Date, outcome: "CONTINUED" | "RELEASE_ORDERED" | "ADJOURNED" | "WITHDRAWN" = "CONTINUED") {
  const start = local(startedOn);
  const end = local(new Date(startedOn.getTime() + HOUR));
  return { startedDate: start.date, startedTime: start.time, concludedDate: end.date, concludedTime: end.time, outcome, early: false, notes: "" };
}

// Minutes matter to the forms; the clock works on the minute the officer typed.
const minute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

describe("recording detention reviews moves the clock in the same transaction", () => {
  it("moves the next deadline from the 48-hour review to the 7-day review once the first review is held", async () => {
    const detainedAt = new Date(Date.now() - 30 * HOUR);
    const detention = await fixtures.detention(toronto, { detainedAt });
    const startedOn = minute(new Date(Date.now() - 3 * HOUR));
    const result = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(startedOn) });
    expect(result.ok).toBe(true);

    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { nextReviewKind: true, nextReviewDueBy: true, reviewNeedsCheck: true, status: true, version: true } });
    // IRPA s.57(2): by the end of the 7th day after the first review, in the facility's zone.
    expect(after.nextReviewKind).toBe("SEVEN_DAY");
    expect(after.nextReviewDueBy).toEqual(endOfLocalDay(addLocalDays(startedOn, 7, TORONTO), TORONTO));
    // Without a vulnerability flag the assessment is due before the 7-day review, now known.
    const deadline = (await getCaseFile(toronto.clo, detention.id))!.assessmentDeadline;
    expect(deadline).toEqual({ dueBy: after.nextReviewDueBy, basis: "SEVEN_DAY_REVIEW" });
    expect(after.reviewNeedsCheck).toBe(false);
    expect(after.status).toBe("DETAINED");
    expect(after.version).toBe(detention.version + 1);

    const review = await prisma.detentionReview.findFirstOrThrow({ where: { detentionId: detention.id } });
    expect(review).toMatchObject({ kind: "FORTY_EIGHT_HOUR", outcome: "CONTINUED", startedOn, early: false });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { detentionId: detention.id, action: "review.record" } });
    expect(audit.actorId).toBe(toronto.clo.userId);
    expect(JSON.stringify(audit.metadata)).not.toContain("Testing");

    const clock = (await getCaseFile(toronto.clo, detention.id))?.reviewClock;
    expect(clock?.next?.kind).toBe("SEVEN_DAY");
    expect(clock?.recorded).toHaveLength(1);
    expect(clock?.officerReleaseWindowOpen).toBe(false);
  });

  it("flags the case for a person to check when a review is adjourned, counting from the day it began", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 20 * HOUR) });
    const startedOn = minute(new Date(Date.now() - 2 * HOUR));
    expect((await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(startedOn, "ADJOURNED") })).ok).toBe(true);
    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { nextReviewKind: true, nextReviewDueBy: true, reviewNeedsCheck: true } });
    expect(after.reviewNeedsCheck).toBe(true);
    expect(after.nextReviewDueBy).toEqual(endOfLocalDay(addLocalDays(startedOn, 7, TORONTO), TORONTO));
  });

  it("ends the chain when release is ordered, without changing the detention's status (release is recorded with the case)", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 20 * HOUR) });
    expect((await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(minute(new Date(Date.now() - HOUR)), "RELEASE_ORDERED") })).ok).toBe(true);
    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { nextReviewKind: true, nextReviewDueBy: true, status: true } });
    expect(after).toEqual({ nextReviewKind: null, nextReviewDueBy: null, status: "DETAINED" });
  });

  it("leaves the deadline where it was when the hearing did not take place (withdrawn)", async () => {
    const detainedAt = new Date(Date.now() - 20 * HOUR);
    const detention = await fixtures.detention(toronto, { detainedAt });
    expect((await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(minute(new Date(Date.now() - HOUR)), "WITHDRAWN") })).ok).toBe(true);
    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { nextReviewKind: true, nextReviewDueBy: true } });
    expect(after).toEqual({ nextReviewKind: "FORTY_EIGHT_HOUR", nextReviewDueBy: new Date(detainedAt.getTime() + 48 * HOUR) });
  });

  it("refuses a review that has not begun yet, and a date that does not exist", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 20 * HOUR) });
    const future = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(new Date(Date.now() + 5 * HOUR)) });
    expect(future).toEqual({ ok: false, reason: "FIELD", field: "startedDate", key: "startedInFuture" });
    const impossible = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(new Date()), startedDate: "2026-02-31" });
    expect(impossible).toEqual({ ok: false, reason: "FIELD", field: "startedDate", key: "dateDoesNotExist" });
    expect(await prisma.detentionReview.count({ where: { detentionId: detention.id } })).toBe(0);
    // A refusal rolls back the version claim too: the form can be corrected and sent again.
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).version).toBe(detention.version);
  });

  it("lets only one of two officers record the same review at once; the other is told the record changed", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 30 * HOUR) });
    const input = { detentionId: detention.id, detentionVersion: detention.version, ...held(minute(new Date(Date.now() - 2 * HOUR))) };
    const results = await Promise.all([recordReview(toronto.clo, input), recordReview(toronto.supervisor, input)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    expect(await prisma.detentionReview.count({ where: { detentionId: detention.id } })).toBe(1);
  });

  it("treats another office's detention as not found", async () => {
    const detention = await fixtures.detention(otherOffice, { detainedAt: new Date(Date.now() - 20 * HOUR) });
    const result = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(minute(new Date(Date.now() - HOUR))) });
    expect(result).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await getCaseFile(toronto.clo, detention.id)).toBeNull();
  });

  it("corrects a recorded review with its version, recomputes the clock, and refuses a stale correction", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 40 * HOUR) });
    const first = minute(new Date(Date.now() - 10 * HOUR));
    const recorded = await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(first) });
    if (!recorded.ok) throw new Error("setup failed");
    const review = await prisma.detentionReview.findUniqueOrThrow({ where: { id: recorded.reviewId } });
    const { early: _early, ...fields } = held(first, "ADJOURNED");
    expect((await editReview(toronto.clo, { detentionId: detention.id, reviewId: review.id, reviewVersion: review.version, ...fields })).ok).toBe(true);
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).reviewNeedsCheck).toBe(true);
    expect(await editReview(toronto.clo, { detentionId: detention.id, reviewId: review.id, reviewVersion: review.version, ...fields })).toEqual({ ok: false, reason: "STALE_VERSION" });
  });
});

describe("scheduling a hearing", () => {
  it("creates the Minister's disclosure task 4 days before a 7-day review hearing, owned by the assigned CLO, and moves it with the hearing", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 40 * HOUR) });
    const startedOn = minute(new Date(Date.now() - 4 * HOUR));
    expect((await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, ...held(startedOn) })).ok).toBe(true);

    const hearingAt = minute(new Date(Date.now() + 6 * DAY));
    const { date, time } = local(hearingAt);
    const scheduled = await scheduleHearing(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version + 1, date, time, byVideo: true, location: "" });
    expect(scheduled.ok).toBe(true);
    if (!scheduled.ok) return;
    const review = await prisma.detentionReview.findUniqueOrThrow({ where: { id: scheduled.reviewId } });
    expect(review).toMatchObject({ kind: "SEVEN_DAY", scheduledFor: hearingAt, byVideo: true, outcome: null, startedOn: null });

    const task = await prisma.task.findFirstOrThrow({ where: { reviewId: review.id } });
    // ID Rule 8(2): 3 clear days, so by the end of the local day 4 days before the hearing.
    expect(task).toMatchObject({ category: "DISCLOSURE", title: DISCLOSURE_TASK_TITLE, ownerId: toronto.clo.userId, detentionId: detention.id });
    expect(task.dueAt).toEqual(ministerDisclosureDue(hearingAt, TORONTO));
    expect(task.dueAt).toEqual(endOfLocalDay(addLocalDays(hearingAt, -4, TORONTO), TORONTO));

    const movedTo = minute(new Date(hearingAt.getTime() - DAY));
    const moved = local(movedTo);
    expect((await scheduleHearing(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version + 2, date: moved.date, time: moved.time, byVideo: false, location: "Room 2" })).ok).toBe(true);
    const tasks = await prisma.task.findMany({ where: { reviewId: review.id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.dueAt).toEqual(ministerDisclosureDue(movedTo, TORONTO));
    expect(await prisma.detentionReview.count({ where: { detentionId: detention.id, outcome: null } })).toBe(1);

    // Recording the held review uses the scheduled hearing's record, and the clock moves to the 30-day review.
    const heldAt = minute(new Date(Date.now() - HOUR));
    expect((await recordReview(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version + 3, ...held(heldAt) })).ok).toBe(true);
    expect(await prisma.detentionReview.count({ where: { detentionId: detention.id } })).toBe(2);
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).nextReviewKind).toBe("THIRTY_DAY");
  });

  it("creates no disclosure task for a 48-hour review hearing", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 2 * HOUR) });
    const { date, time } = local(minute(new Date(Date.now() + 20 * HOUR)));
    const scheduled = await scheduleHearing(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, date, time, byVideo: false, location: "Hearing room 1" });
    expect(scheduled.ok).toBe(true);
    expect(await prisma.task.count({ where: { detentionId: detention.id } })).toBe(0);
  });

  it("refuses a hearing in the past", async () => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(Date.now() - 2 * HOUR) });
    const { date, time } = local(new Date(Date.now() - 2 * HOUR));
    expect(await scheduleHearing(toronto.clo, { detentionId: detention.id, detentionVersion: detention.version, date, time, byVideo: true, location: "" })).toEqual({ ok: false, reason: "FIELD", field: "date", key: "hearingInPast" });
  });
});

describe("the reviews dashboard", () => {
  it("groups, counts and labels by the policy's due-soon horizon in force now, not one scheduled later", async () => {
    const place = await fixtures.office("horizon");
    const now = new Date();
    const inFiveDays = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 3 * DAY), nextReviewKind: "SEVEN_DAY", nextReviewDueBy: new Date(now.getTime() + 5 * DAY) });
    const inThirtyHours = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 18 * HOUR), nextReviewDueBy: new Date(now.getTime() + 30 * HOUR) });
    const author = place.supervisor.userId;
    // This file has a database of its own: the versions it writes are seen by no other file.
    await prisma.policyVersion.create({ data: { key: "dueSoonHours", value: 24, effectiveFrom: new Date(now.getTime() - DAY), reason: "Horizon test", createdById: author } });
    await prisma.policyVersion.create({ data: { key: "dueSoonHours", value: 168, effectiveFrom: new Date(now.getTime() + DAY), reason: "Horizon test, later", createdById: author } });
    try {
      const narrow = await listReviewDashboard(place.clo, reviewDashboardParamsSchema.parse({}), now);
      expect(narrow.dueSoonHours).toBe(24);
      expect(narrow.counts).toEqual({ OVERDUE: 0, DUE_SOON: 0, THIS_WEEK: 2, LATER: 0 });
      expect(await countUrgentReviews(place.clo, now)).toEqual({ overdue: 0, dueSoon: 0, dueSoonHours: 24 });
      expect((await getCaseFile(place.clo, inThirtyHours.id, now))!.reviewClock).toMatchObject({ dueSoonHours: 24, next: { status: "UPCOMING" } });

      // Two days on, the week-long horizon is in force: both are due soon, on the dashboard, the notice and the case.
      const later = new Date(now.getTime() + 2 * DAY);
      const wide = await listReviewDashboard(place.clo, reviewDashboardParamsSchema.parse({ group: "DUE_SOON" }), later);
      expect(wide.rows.map((row) => row.detentionId)).toEqual([inFiveDays.id]);
      expect(wide.counts).toEqual({ OVERDUE: 1, DUE_SOON: 1, THIS_WEEK: 0, LATER: 0 });
      expect(await countUrgentReviews(place.clo, later)).toEqual({ overdue: 1, dueSoon: 1, dueSoonHours: 168 });
      expect((await getCaseFile(place.clo, inFiveDays.id, later))!.reviewClock).toMatchObject({ dueSoonHours: 168, next: { status: "DUE_SOON" } });
    } finally {
      await prisma.policyVersion.deleteMany({ where: { reason: { startsWith: "Horizon test" } } });
    }
  });

  it("lists overdue first, then within 48 hours, this week and later, sorted by deadline in SQL, with counts per group", async () => {
    const place = await fixtures.office("dashboard");
    const now = new Date();
    const later = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 20 * DAY), nextReviewKind: "THIRTY_DAY", nextReviewDueBy: new Date(now.getTime() + 20 * DAY) });
    const thisWeek = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 3 * DAY), nextReviewKind: "SEVEN_DAY", nextReviewDueBy: new Date(now.getTime() + 5 * DAY) });
    const soon = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 30 * HOUR), nextReviewDueBy: new Date(now.getTime() + 18 * HOUR) });
    const overdue = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 50 * HOUR), nextReviewDueBy: new Date(now.getTime() - 2 * HOUR) });
    const released = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 50 * HOUR), nextReviewKind: null, nextReviewDueBy: null });
    await prisma.detention.update({ where: { id: released.id }, data: { status: "RELEASED", releasedAt: now } });

    const dashboard = await listReviewDashboard(place.clo, reviewDashboardParamsSchema.parse({}), now);
    expect(dashboard.rows.map((row) => row.detentionId)).toEqual([overdue.id, soon.id, thisWeek.id, later.id]);
    expect(dashboard.counts).toEqual({ OVERDUE: 1, DUE_SOON: 1, THIS_WEEK: 1, LATER: 1 });
    expect(dashboard.dueSoonHours).toBe(48);
    expect(dashboard.total).toBe(4);

    const onlyOverdue = await listReviewDashboard(place.supervisor, reviewDashboardParamsSchema.parse({ group: "OVERDUE" }), now);
    expect(onlyOverdue.rows.map((row) => row.detentionId)).toEqual([overdue.id]);
    expect(onlyOverdue.counts).toEqual(dashboard.counts);
    expect(onlyOverdue.total).toBe(1);

    const sevenDay = await listReviewDashboard(place.clo, reviewDashboardParamsSchema.parse({ kind: "SEVEN_DAY" }), now);
    expect(sevenDay.rows.map((row) => row.detentionId)).toEqual([thisWeek.id]);
    expect(sevenDay.counts).toEqual({ OVERDUE: 0, DUE_SOON: 0, THIS_WEEK: 1, LATER: 0 });
    expect(sevenDay.total).toBe(1);

    expect(await countUrgentReviews(place.clo, now)).toEqual({ overdue: 1, dueSoon: 1, dueSoonHours: 48 });
    // Another office's officer sees none of them.
    const elsewhere = await listReviewDashboard(otherOffice.clo, reviewDashboardParamsSchema.parse({}), now);
    expect(elsewhere.rows.some((row) => [overdue.id, soon.id, thisWeek.id, later.id].includes(row.detentionId))).toBe(false);
  });

  it("shows counsel only their clients' reviews, across offices, filterable by office", async () => {
    const place = await fixtures.office("counsel-dashboard");
    const { counsel } = await fixtures.lawOffice("dashboard");
    const { counsel: otherCounsel } = await fixtures.lawOffice("dashboard-other");
    const now = new Date();
    const mine = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 10 * HOUR), counselId: counsel.userId });
    const mineElsewhere = await fixtures.detention(otherOffice, { detainedAt: new Date(now.getTime() - 12 * HOUR), counselId: counsel.userId });
    const notMine = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 11 * HOUR), counselId: otherCounsel.userId });

    const dashboard = await listReviewDashboard(counsel, reviewDashboardParamsSchema.parse({}), now);
    expect(dashboard.rows.map((row) => row.detentionId).sort()).toEqual([mine.id, mineElsewhere.id].sort());
    expect(dashboard.rows.map((row) => row.detentionId)).not.toContain(notMine.id);
    const filtered = await listReviewDashboard(counsel, reviewDashboardParamsSchema.parse({ officeId: place.organization.id }), now);
    expect(filtered.rows.map((row) => row.detentionId)).toEqual([mine.id]);
  });
});
