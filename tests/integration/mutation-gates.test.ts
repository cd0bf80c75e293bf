import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { traffickingScreenInput } from "@/tests/support/trafficking-screen";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import { instantToWallClock } from "@/lib/time/facility-clock";
import type { Actor } from "@/lib/authz";

/**
 * The data layer is the one gate (docs/architecture.md, "A server action, end to end"): every mutation an action calls
 * checks the actor's capability and relationship itself, so calling it directly, as a role the action would have
 * turned away, is refused as "not found" and changes nothing. These are the mutations that used to rely on their
 * action for that check.
 */
const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createFeed, revokeFeed } = await import("@/lib/calendar/mutations");
const { addCounselNote } = await import("@/lib/counsel/mutations");
const { createOrganization } = await import("@/lib/organizations/mutations");
const { editReview, recordReview, scheduleHearing } = await import("@/lib/reviews/mutations");
const { recordFlag } = await import("@/lib/screening/mutations");
const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");

const TORONTO = "CBSA Greater Toronto Area Region";
const NOT_FOUND = { ok: false, reason: "NOT_FOUND" };

let clo: Actor;
let supervisor: Actor;
let counsel: Actor;
let caseworker: Actor;
let admin: Actor;
/** A Toronto detention whose person has counsel.clinic as counsel of record: in the scope of the CLO and of counsel. */
let detentionId: string;
let timeZone: string;

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

beforeAll(async () => {
  clo = await actorFor(prisma, "clo.toronto@liaison.example");
  supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
  counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
  caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
  admin = await actorFor(prisma, "admin@liaison.example");
  const detainedAt = new Date(now.getTime() - 10 * HOUR);
  const inserted = await insertDetention(prisma, { officeName: TORONTO, detainedAt, nextReviewDueBy: new Date(detainedAt.getTime() + 48 * HOUR), assignedCloId: clo.userId });
  await prisma.detainee.update({ where: { id: inserted.detaineeId }, data: { counselId: counsel.userId } });
  detentionId = inserted.id;
  timeZone = (await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { facility: { select: { timeZone: true } } } })).facility.timeZone;
});

/** Every row of the tables a refused call could touch, by content: a refused call leaves all of them as they were. */
async function snapshot() {
  const [detentions, reviews, notes, organizations, feeds, screenings, flags, tasks, audit] = await Promise.all([
    prisma.detention.findMany({ orderBy: { id: "asc" } }),
    prisma.detentionReview.findMany({ orderBy: { id: "asc" } }),
    prisma.note.findMany({ orderBy: { id: "asc" } }),
    prisma.organization.findMany({ orderBy: { id: "asc" } }),
    prisma.calendarFeed.findMany({ orderBy: { id: "asc" } }),
    prisma.screening.findMany({ orderBy: { id: "asc" } }),
    prisma.screeningFlag.findMany({ orderBy: { id: "asc" } }),
    prisma.task.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
  ]);
  return { detentions, reviews, notes, organizations, feeds, screenings, flags, tasks, audit };
}

/** Calls a mutation as an actor who may not make it: "not found", and not one row changed. */
async function expectRefused(call: () => Promise<unknown>) {
  const before = await snapshot();
  expect(await call()).toEqual(NOT_FOUND);
  expect(await snapshot()).toEqual(before);
}

const local = (instant: Date) => instantToWallClock(new Date(Math.floor(instant.getTime() / 60_000) * 60_000), timeZone);

async function detentionVersion(): Promise<number> {
  return (await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { version: true } })).version;
}

describe("mutations refuse, as not found, the roles their action used to turn away", () => {
  it("a calendar feed is created only by roles that follow reviews", async () => {
    for (const actor of [caseworker, admin]) await expectRefused(() => createFeed(actor, { includeFullNames: true }));
    // The gate is the capability, not the absence of rows: a CLO creates one.
    expect((await createFeed(clo, { includeFullNames: false })).ok).toBe(true);
  });

  it("a calendar feed is revoked only by roles that follow reviews", async () => {
    // A feed left from before the account became an administrator's: revoking is not theirs to do here.
    const feed = await prisma.calendarFeed.create({ data: { userId: admin.userId, tokenHash: randomBytes(32).toString("hex") }, select: { id: true } });
    await expectRefused(() => revokeFeed(admin));
    expect((await prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).revokedAt).toBeNull();
  });

  it("a privileged counsel note is written only by counsel, never by the CBSA case team whose scope holds the case", async () => {
    for (const actor of [clo, supervisor]) await expectRefused(() => addCounselNote(actor, { detentionId, body: "Not privileged: written by CBSA." }));
    expect((await addCounselNote(counsel, { detentionId, body: "Client instructions noted." })).ok).toBe(true);
  });

  it("an organisation is created only by administrators", async () => {
    for (const actor of [clo, supervisor, counsel, caseworker]) {
      await expectRefused(() => createOrganization(actor, { name: `Gate Test Organisation ${actor.role}`, kind: "OTHER_NGO", region: "Greater Toronto Area", timeZone: "America/Toronto" }));
    }
    expect((await createOrganization(admin, { name: "Gate Test Organisation ADMIN", kind: "OTHER_NGO", region: "Greater Toronto Area", timeZone: "America/Toronto" })).ok).toBe(true);
  });

  // Counsel of record have their client's detention in their scope, but the record of a hearing is CBSA's.
  const held = () => {
    const started = local(new Date(now.getTime() - 2 * HOUR));
    const concluded = local(new Date(now.getTime() - HOUR));
    return { startedDate: started.date, startedTime: started.time, concludedDate: concluded.date, concludedTime: concluded.time, outcome: "CONTINUED" as const, early: false, notes: "" };
  };

  it("counsel of record do not schedule their client's hearing", async () => {
    const hearing = local(new Date(now.getTime() + 20 * HOUR));
    await expectRefused(async () => scheduleHearing(counsel, { detentionId, detentionVersion: await detentionVersion(), date: hearing.date, time: hearing.time, byVideo: true, location: "" }));
  });

  it("counsel of record do not record their client's review", async () => {
    await expectRefused(async () => recordReview(counsel, { detentionId, detentionVersion: await detentionVersion(), ...held() }));
  });

  it("counsel of record do not correct a review the case team recorded", async () => {
    expect((await recordReview(clo, { detentionId, detentionVersion: await detentionVersion(), ...held() })).ok).toBe(true);
    const review = await prisma.detentionReview.findFirstOrThrow({ where: { detentionId, outcome: { not: null } }, select: { id: true, version: true } });
    await expectRefused(() => editReview(counsel, { detentionId, reviewId: review.id, reviewVersion: review.version, ...held(), outcome: "RELEASE_ORDERED" }));
  });

  it("someone who may not edit the case learns nothing from a flag or a trafficking screen, not even that the disclosure is missing", async () => {
    await expectRefused(() => recordFlag(counsel, { detentionId, version: 0, flag: "MEDICAL", details: null }));
    await expectRefused(() => recordTraffickingScreen(counsel, { ...traffickingScreenInput(detentionId), disclosureConfirmed: false as never }));
  });
});
