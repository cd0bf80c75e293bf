import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";
import { endOfLocalDate, instantToWallClock } from "@/lib/time/facility-clock";
import { addCalendarDays } from "@/lib/transfers/rules";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Transfers between facilities (lib/transfers/mutations.ts) on the real database: the case's facility and history,
 * the hand-off to another office and access following it, the review clock taking the new zone, the refusals; then
 * the caseload's default filter and the provider side's release line.
 */
const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { recordTransfer } = await import("@/lib/transfers/mutations");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { listOfficeDetentions } = await import("@/lib/detentions/queue-queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");
const { getReferral } = await import("@/lib/referrals/queries");
const { listReferralInbox, listMyReferrals } = await import("@/lib/referrals/inbox-queries");
const { listMyTasks } = await import("@/lib/tasks/queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const TORONTO_OFFICE = "CBSA Greater Toronto Area Region";
const HOUR = 3_600_000;
const used = new Set<string>();

/** A current Toronto case no other test of this file has moved, matching `where`. */
async function torontoCase(where: Prisma.DetentionWhereInput = {}) {
  const detention = await prisma.detention.findFirstOrThrow({
    where: { AND: [{ office: { name: TORONTO_OFFICE }, status: "DETAINED", transfers: { none: {} }, id: { notIn: [...used] } }, where] },
    orderBy: { reference: "asc" },
    select: { id: true, version: true, facilityId: true, detainedAt: true, facility: { select: { timeZone: true } } },
  });
  used.add(detention.id);
  return detention;
}

async function facility(name: string) {
  return prisma.facility.findFirstOrThrow({ where: { name }, select: { id: true, timeZone: true, officeId: true } });
}

/** The form's fields for a transfer at `instant`, on the clock of the facility the person leaves. */
function at(instant: Date, timeZone: string) {
  const local = instantToWallClock(instant, timeZone);
  return { transferredOn: local.date, transferredAtTime: local.time };
}

async function everyRow(actor: Awaited<ReturnType<typeof actorFor>>, status: string) {
  const params = detentionListParamsSchema.parse({ status });
  const first = await listOfficeDetentions(actor, params, now);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => listOfficeDetentions(actor, { ...params, page: i + 2 }, now)));
  return [first, ...rest].flatMap((page) => page.rows);
}

describe("a transfer within the office", () => {
  it("moves the person, keeps the history and the office, and audits it without personal data", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCase();
    const target = await prisma.facility.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, id: { not: detention.facilityId } }, select: { id: true, name: true } });
    const result = await recordTransfer(clo, { detentionId: detention.id, version: detention.version, toFacilityId: target.id, ...at(new Date(now.getTime() - HOUR), detention.facility.timeZone) }, now);
    expect(result).toMatchObject({ ok: true, handedOver: false });

    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { facilityId: true, version: true, officeId: true, assignedCloId: true } });
    expect(after.facilityId).toBe(target.id);
    expect(after.version).toBe(detention.version + 1);
    const row = await prisma.facilityTransfer.findFirstOrThrow({ where: { detentionId: detention.id } });
    expect(row).toMatchObject({ fromFacilityId: detention.facilityId, toFacilityId: target.id, handedOver: false, recordedById: clo.userId });
    expect(row.fromOfficeId).toBe(row.toOfficeId);

    const caseFile = (await getCaseFile(clo, detention.id, now))!;
    expect(caseFile.facility.name).toBe(target.name);
    expect(caseFile.transfers.history).toHaveLength(1);
    expect(caseFile.transfers.history[0]!.to.name).toBe(target.name);
    // The facility the person is in is no destination; every other facility of every office is.
    const destinations = caseFile.transfers.destinations!.flatMap((office) => office.facilities.map((option) => option.id));
    expect(destinations).not.toContain(target.id);
    expect(destinations).toContain(detention.facilityId);
    expect(new Set(caseFile.transfers.destinations!.map((office) => office.officeName)).size).toBeGreaterThan(1);

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "detention.transfer", detentionId: detention.id } });
    expect(event.entityId).toBe(row.id);
    expect(Object.keys(event.metadata as object).sort()).toEqual(["fromFacilityId", "handedOver", "nextReviewKind", "toFacilityId"]);
    expect(await prisma.auditEvent.count({ where: { action: "detention.handOver", detentionId: detention.id } })).toBe(0);
  });

  it("lets the person be moved back, but never slips a transfer in before the last one", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const detention = await torontoCase();
    const other = await prisma.facility.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, id: { not: detention.facilityId } }, select: { id: true } });
    const zone = detention.facility.timeZone;
    const there = await recordTransfer(supervisor, { detentionId: detention.id, version: detention.version, toFacilityId: other.id, ...at(new Date(now.getTime() - 3 * HOUR), zone) }, now);
    expect(there.ok).toBe(true);
    const earlier = await recordTransfer(supervisor, { detentionId: detention.id, version: detention.version + 1, toFacilityId: detention.facilityId, ...at(new Date(now.getTime() - 4 * HOUR), zone) }, now);
    expect(earlier).toEqual({ ok: false, reason: "BEFORE_PREVIOUS_TRANSFER" });
    const back = await recordTransfer(supervisor, { detentionId: detention.id, version: detention.version + 1, toFacilityId: detention.facilityId, ...at(new Date(now.getTime() - HOUR), zone) }, now);
    expect(back.ok).toBe(true);
    expect(await prisma.facilityTransfer.count({ where: { detentionId: detention.id } })).toBe(2);
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).facilityId).toBe(detention.facilityId);
  });
});

describe("a transfer to a facility of another office hands the case over", () => {
  it("moves the case, its referrals and case-team notes to the receiving office, unassigned, and out of the sending office's sight", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const torontoSupervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const vancouverSupervisor = await actorFor(prisma, "supervisor.vancouver@liaison.example");
    const vancouverClo = await actorFor(prisma, "clo.vancouver@liaison.example");
    const detention = await torontoCase({
      assignedCloId: clo.userId,
      tasks: { some: { status: "OPEN", ownerId: { not: null } } },
      referrals: { some: { status: { not: "DRAFT" } } },
    });
    const referral = await prisma.referral.findFirstOrThrow({ where: { detentionId: detention.id, status: { not: "DRAFT" } }, select: { id: true, status: true } });
    expect(await getReferral(clo, referral.id)).not.toBeNull();
    const surrey = await facility("Surrey Immigration Holding Centre");

    const result = await recordTransfer(clo, { detentionId: detention.id, version: detention.version, toFacilityId: surrey.id, ...at(new Date(now.getTime() - 2 * HOUR), detention.facility.timeZone) }, now);
    expect(result).toMatchObject({ ok: true, handedOver: true });

    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { officeId: true, facilityId: true, assignedCloId: true } });
    expect(after).toEqual({ officeId: surrey.officeId, facilityId: surrey.id, assignedCloId: null });
    const row = await prisma.facilityTransfer.findFirstOrThrow({ where: { detentionId: detention.id } });
    expect(row).toMatchObject({ handedOver: true, toOfficeId: surrey.officeId });
    expect(row.fromOfficeId).not.toBe(surrey.officeId);
    // Open tasks stay open without an owner, for the receiving office to give out; none left on the sender's list.
    const openTasks = await prisma.task.findMany({ where: { detentionId: detention.id, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { ownerId: true } });
    expect(openTasks.length).toBeGreaterThan(0);
    expect(openTasks.every((task) => task.ownerId === null)).toBe(true);
    expect((await listMyTasks(clo, 1)).rows.map((task) => task.detention.id)).not.toContain(detention.id);

    // The sending office: not found, everywhere.
    expect(await getCaseFile(clo, detention.id, now)).toBeNull();
    expect(await getCaseFile(torontoSupervisor, detention.id, now)).toBeNull();
    expect(await getReferral(clo, referral.id)).toBeNull();
    expect((await listMyReferrals(torontoSupervisor, 1)).rows.map((row) => row.id)).not.toContain(referral.id);
    expect((await everyRow(clo, "ALL")).map((row) => row.id)).not.toContain(detention.id);
    // The receiving office: the case, unassigned, with its history, referrals and the case team's notes.
    const received = (await getCaseFile(vancouverSupervisor, detention.id, now))!;
    expect(received.assignedClo).toBeNull();
    expect(received.transfers.history[0]).toMatchObject({ handedOver: true });
    expect(received.referrals!.map((row) => row.id)).toContain(referral.id);
    expect(received.notes.some((note) => note.visibility === "CASE_TEAM")).toBe(true);
    expect((await everyRow(vancouverClo, "DETAINED")).map((row) => row.id)).toContain(detention.id);
    expect(await getReferral(vancouverClo, referral.id)).not.toBeNull();
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe(referral.status);

    const handOver = await prisma.auditEvent.findFirstOrThrow({ where: { action: "detention.handOver", detentionId: detention.id } });
    expect(handOver.metadata).toMatchObject({ fromOfficeId: row.fromOfficeId, toOfficeId: surrey.officeId, previousAssignedCloId: clo.userId, transferId: row.id });
    expect(JSON.stringify(handOver.metadata)).not.toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/);
  });

  it("takes the review clock's days in the receiving facility's zone from the transfer on", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCase({ nextReviewKind: "SEVEN_DAY", schedule: "STANDARD" });
    const first = await prisma.detentionReview.findFirstOrThrow({ where: { detentionId: detention.id, outcome: { not: null } }, orderBy: { startedOn: "asc" }, select: { startedOn: true } });
    const before = (await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).nextReviewDueBy!;
    const day = addCalendarDays(instantToWallClock(first.startedOn!, "America/Toronto").date, 7);
    expect(before.toISOString()).toBe(endOfLocalDate(day, "America/Toronto")!.toISOString());

    const surrey = await facility("Surrey Immigration Holding Centre");
    const result = await recordTransfer(clo, { detentionId: detention.id, version: detention.version, toFacilityId: surrey.id, ...at(new Date(now.getTime() - HOUR), detention.facility.timeZone) }, now);
    expect(result.ok).toBe(true);
    const after = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { nextReviewKind: true, nextReviewDueBy: true } });
    expect(after.nextReviewKind).toBe("SEVEN_DAY");
    // The 7th day after the first review (its date where it was held, Toronto) ends at midnight in Vancouver.
    expect(after.nextReviewDueBy!.toISOString()).toBe(endOfLocalDate(day, "America/Vancouver")!.toISOString());
    const caseFile = (await getCaseFile(await actorFor(prisma, "supervisor.vancouver@liaison.example"), detention.id, now))!;
    expect(caseFile.reviewClock.next?.dueBy.toISOString()).toBe(after.nextReviewDueBy!.toISOString());
  });
});

describe("what a transfer refuses", () => {
  async function unchanged(detentionId: string, version: number) {
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detentionId } })).version).toBe(version);
    expect(await prisma.facilityTransfer.count({ where: { detentionId } })).toBe(0);
  }

  it("refuses a stale version, and writes nothing", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCase();
    const other = await prisma.facility.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, id: { not: detention.facilityId } }, select: { id: true } });
    await prisma.detention.update({ where: { id: detention.id }, data: { version: { increment: 1 } } });
    const result = await recordTransfer(clo, { detentionId: detention.id, version: detention.version, toFacilityId: other.id, ...at(new Date(now.getTime() - HOUR), detention.facility.timeZone) }, now);
    expect(result).toEqual({ ok: false, reason: "STALE_VERSION" });
    await unchanged(detention.id, detention.version + 1);
  });

  it.each([
    ["counsel of record (the case is in their scope, but not theirs to move)", "counsel.clinic@liaison.example"],
    ["a CLO of another office", "clo.vancouver@liaison.example"],
    ["an NGO caseworker", "caseworker.harbour@liaison.example"],
    ["an administrator", "admin@liaison.example"],
  ])("answers %s 'not found'", async (_label, email) => {
    const counsel = await prisma.user.findUniqueOrThrow({ where: { email: "counsel.clinic@liaison.example" }, select: { id: true } });
    const detention = await torontoCase({ detainee: { counselId: counsel.id } });
    const actor = await actorFor(prisma, email);
    const surrey = await facility("Surrey Immigration Holding Centre");
    const result = await recordTransfer(actor, { detentionId: detention.id, version: detention.version, toFacilityId: surrey.id, ...at(new Date(now.getTime() - HOUR), detention.facility.timeZone) }, now);
    expect(result).toEqual({ ok: false, reason: "NOT_FOUND" });
    await unchanged(detention.id, detention.version);
  });

  it("refuses what the rules refuse, each by its reason, and writes nothing", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCase();
    const zone = detention.facility.timeZone;
    const other = await prisma.facility.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, id: { not: detention.facilityId } }, select: { id: true } });
    const base = { detentionId: detention.id, version: detention.version, toFacilityId: other.id, ...at(new Date(now.getTime() - HOUR), zone) };
    const cases = [
      [{ toFacilityId: detention.facilityId }, "SAME_FACILITY"],
      [{ toFacilityId: randomUUID() }, "FACILITY_NOT_FOUND"],
      [at(new Date(detention.detainedAt.getTime() - HOUR), zone), "BEFORE_DETENTION"],
      [at(new Date(now.getTime() + 2 * HOUR), zone), "IN_FUTURE"],
      // A date that does not exist (the form's schema refuses it too; the domain function does not rely on that).
      [{ transferredOn: "2026-02-31", transferredAtTime: "10:00" }, "INVALID_TIME"],
    ] as const;
    for (const [change, reason] of cases) {
      expect(await recordTransfer(clo, { ...base, ...change }, now)).toEqual({ ok: false, reason });
    }
    await unchanged(detention.id, detention.version);
  });

  it("refuses to move a person who is no longer detained", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const released = await prisma.detention.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, status: "RELEASED" }, select: { id: true, version: true, facilityId: true, facility: { select: { timeZone: true } } } });
    const other = await prisma.facility.findFirstOrThrow({ where: { office: { name: TORONTO_OFFICE }, id: { not: released.facilityId } }, select: { id: true } });
    const result = await recordTransfer(clo, { detentionId: released.id, version: released.version, toFacilityId: other.id, ...at(new Date(now.getTime() - HOUR), released.facility.timeZone) }, now);
    expect(result).toEqual({ ok: false, reason: "NOT_DETAINED" });
    expect((await getCaseFile(clo, released.id, now))!.permissions.transfer).toBe(false);
  });
});

describe("the caseload's status filter", () => {
  it("shows active detentions by default, and the released and ended ones under 'Released / ended'", async () => {
    const clo = await actorFor(prisma, "clo2.toronto@liaison.example");
    const active = await everyRow(clo, "");
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((row) => row.status === "DETAINED")).toBe(true);
    expect(active).toHaveLength(await prisma.detention.count({ where: { office: { name: TORONTO_OFFICE }, status: "DETAINED" } }));
    const ended = await everyRow(clo, "RELEASED_OR_ENDED");
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((row) => ["RELEASED", "REMOVED", "TRANSFERRED_OUT", "ENDED"].includes(row.status))).toBe(true);
    expect(ended).toHaveLength(await prisma.detention.count({ where: { office: { name: TORONTO_OFFICE }, status: { not: "DETAINED" } } }));
    expect(new Set(ended.map((row) => row.status))).toContain("RELEASED");
    // The single statuses still work.
    expect((await everyRow(clo, "REMOVED")).every((row) => row.status === "REMOVED")).toBe(true);
  });
});

describe("the provider's side once the person is released", () => {
  it("says the person was released, with the date, and nothing while they are detained", async () => {
    const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
    const inbox = await listReferralInbox(caseworker, 1);
    const detained = inbox.rows.find((row) => row.releaseNotice === null);
    expect(detained).toBeDefined();
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: detained!.id }, select: { detentionId: true } });
    // The release itself is recorded by the outcome feature; here its result is written directly.
    const releasedAt = new Date(now.getTime() - 5 * HOUR);
    await prisma.detention.update({ where: { id: referral.detentionId }, data: { status: "RELEASED", releasedAt, nextReviewKind: null, nextReviewDueBy: null } });

    const row = (await listReferralInbox(caseworker, 1)).rows.find((entry) => entry.id === detained!.id)!;
    expect(row.releaseNotice).toEqual({ released: true, on: releasedAt, timeZone: expect.any(String) });
    const view = (await getReferral(caseworker, detained!.id))!;
    expect(view.releaseNotice).toEqual(row.releaseNotice);
    // Removed, or ended another way: no longer detained, not why.
    await prisma.detention.update({ where: { id: referral.detentionId }, data: { status: "REMOVED" } });
    expect((await getReferral(caseworker, detained!.id))!.releaseNotice).toMatchObject({ released: false });
  });
});
