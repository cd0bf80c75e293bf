import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// A database of this file's own (see ownDatabase), set before the data layer's first query.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { recordCounsel, requestCounsel, decideCounselRequest, endCounsel, addCounselNote } = await import("@/lib/counsel/mutations");
const { listMyClients } = await import("@/lib/counsel/queries");
const { detentionScope } = await import("@/lib/authz");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { createFeed } = await import("@/lib/calendar/mutations");
const { GET } = await import("@/app/api/calendar/[token]/route");

let prisma: PrismaClient;
let fixtures: ReturnType<typeof reviewFixtures>;
let place: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;
let otherPlace: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;
let counsel: Actor;
let otherCounsel: Actor;
let ngo: Actor;
let admin: Actor;

const HOUR = 3_600_000;

async function personVersion(detentionId: string): Promise<number> {
  return (await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { detainee: { select: { version: true } } } })).detainee.version;
}

async function scopedIds(actor: Actor): Promise<string[]> {
  return (await prisma.detention.findMany({ where: detentionScope(actor), select: { id: true } })).map((row) => row.id);
}

async function feedBody(actor: Actor): Promise<string> {
  const feed = await createFeed(actor, { includeFullNames: false });
  if (!feed.ok || !feed.token) throw new Error("feed not created");
  return (await GET(new Request("http://localhost/"), { params: Promise.resolve({ token: feed.token }) })).text();
}

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  fixtures = reviewFixtures(prisma);
  place = await fixtures.office("counsel");
  otherPlace = await fixtures.office("counsel-other");
  ({ counsel } = await fixtures.lawOffice("record"));
  ({ counsel: otherCounsel } = await fixtures.lawOffice("record-other"));
  const ngoOrg = await prisma.organization.create({ data: { kind: "SERVICE_PROVIDER", name: `IT provider ${Date.now()}`, region: "Test region" }, select: { id: true, kind: true, name: true } });
  const ngoUser = await prisma.user.create({ data: { email: `ngo-${Date.now()}@it.liaison.example`, name: "Caseworker", role: "NGO_CASEWORKER", organizationId: ngoOrg.id, passwordHash: "x" }, select: { id: true, name: true } });
  ngo = { userId: ngoUser.id, sessionId: crypto.randomUUID(), name: ngoUser.name, role: "NGO_CASEWORKER", organizationId: ngoOrg.id, organizationKind: ngoOrg.kind, organizationName: ngoOrg.name };
  const adminOrg = await prisma.organization.create({ data: { kind: "OTHER_NGO", name: `IT desk ${Date.now()}`, region: "National" }, select: { id: true, kind: true, name: true } });
  const adminUser = await prisma.user.create({ data: { email: `admin-${Date.now()}@it.liaison.example`, name: "Admin", role: "ADMIN", organizationId: adminOrg.id, passwordHash: "x" }, select: { id: true, name: true } });
  admin = { userId: adminUser.id, sessionId: crypto.randomUUID(), name: adminUser.name, role: "ADMIN", organizationId: adminOrg.id, organizationKind: adminOrg.kind, organizationName: adminOrg.name };
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

describe("counsel of record recorded by the office", () => {
  it("gives counsel the case at once (scope, clients, calendar feed), with an audit event that holds no personal data", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), familyName: "Okafor-Recorded" });
    expect(await scopedIds(counsel)).not.toContain(detention.id);
    const result = await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: counsel.userId });
    expect(result.ok).toBe(true);
    expect(await scopedIds(counsel)).toContain(detention.id);
    const clients = await listMyClients(counsel, 1, "current");
    expect(clients.rows.map((row) => row.detentionId)).toContain(detention.id);
    expect(await feedBody(counsel)).toContain(detention.id);
    const person = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { detainee: { select: { counselId: true } } } });
    expect(person.detainee.counselId).toBe(counsel.userId);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "counsel.record", detentionId: detention.id } });
    expect(JSON.stringify(event.metadata)).not.toContain("Okafor");
  });

  it("replaces counsel in force, ending it in the same transaction and keeping the history", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR) });
    expect((await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: counsel.userId })).ok).toBe(true);
    const outside = await recordCounsel(place.supervisor, {
      kind: "OUTSIDE",
      detentionId: detention.id,
      version: await personVersion(detention.id),
      outsideName: "Maître Fictif",
      outsideOrganization: "Cabinet Fictif",
      outsidePhone: "+1 555 0142",
      outsideEmail: null,
    });
    expect(outside.ok).toBe(true);
    const { detaineeId } = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { detaineeId: true } });
    const rows = await prisma.counselOfRecord.findMany({ where: { detaineeId }, orderBy: { requestedAt: "asc" } });
    expect(rows.map((row) => [row.status, row.counselId, row.outsideName])).toEqual([
      ["ENDED", counsel.userId, null],
      ["ACTIVE", null, "Maître Fictif"],
    ]);
    expect(rows[0]!.endReason).toBe("REPLACED");
    // An outside lawyer has no account: no one's scope includes the person now.
    expect((await prisma.detainee.findUniqueOrThrow({ where: { id: detaineeId } })).counselId).toBeNull();
    expect(await scopedIds(counsel)).not.toContain(detention.id);
    // The same counsel twice is refused; a stale person version too.
    const again = await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: otherCounsel.userId });
    expect(again.ok).toBe(true);
    expect(await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: otherCounsel.userId })).toEqual({ ok: false, reason: "ALREADY_COUNSEL" });
    expect(await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: 1, counselId: counsel.userId })).toEqual({ ok: false, reason: "STALE_VERSION" });
  });

  it("refuses a user who is not active counsel, another office, NGO caseworkers, admins and counsel as not found", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR) });
    const version = await personVersion(detention.id);
    expect(await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version, counselId: place.supervisor.userId })).toEqual({ ok: false, reason: "COUNSEL_NOT_FOUND" });
    const inactive = await prisma.user.create({ data: { email: `inactive-${Date.now()}@it.liaison.example`, name: "Inactive counsel", role: "COUNSEL", organizationId: counsel.organizationId, passwordHash: "x", active: false }, select: { id: true } });
    expect(await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version, counselId: inactive.id })).toEqual({ ok: false, reason: "COUNSEL_NOT_FOUND" });
    for (const actor of [otherPlace.clo, otherPlace.supervisor, ngo, admin, counsel]) {
      expect(await recordCounsel(actor, { kind: "ACCOUNT", detentionId: detention.id, version, counselId: counsel.userId })).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await prisma.counselOfRecord.count({ where: { detainee: { detentions: { some: { id: detention.id } } } } })).toBe(0);
    expect(await personVersion(detention.id)).toBe(version);
  });
});

describe("counsel asks to be recorded", () => {
  it("answers the same whether or not the reference and name match, and only a match writes a request", async () => {
    const created = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), familyName: "Nguyễn" });
    // References are written upper-case (TOR-26-0042); counsel may type one in lower case.
    const detention = await prisma.detention.update({ where: { id: created.id }, data: { reference: created.reference.toUpperCase() }, select: { id: true, reference: true } });
    const before = await prisma.counselOfRecord.count();
    const wrongName = await requestCounsel(otherCounsel, { reference: detention.reference, familyName: "Somebody" });
    const wrongReference = await requestCounsel(otherCounsel, { reference: "NOPE-00-0000", familyName: "Nguyễn" });
    expect(await prisma.counselOfRecord.count()).toBe(before);
    // Case, accents and spaces do not matter to the match.
    const matched = await requestCounsel(otherCounsel, { reference: ` ${detention.reference.toLowerCase()} `, familyName: "nguyen" });
    expect(matched).toEqual(wrongName);
    expect(wrongReference).toEqual(wrongName);
    expect(matched).toEqual({ ok: true });
    const request = await prisma.counselOfRecord.findFirstOrThrow({ where: { counselId: otherCounsel.userId, requestDetentionId: detention.id } });
    expect(request.status).toBe("REQUESTED");
    // Asking again changes nothing and answers the same.
    expect(await requestCounsel(otherCounsel, { reference: detention.reference, familyName: "Nguyễn" })).toEqual(matched);
    expect(await prisma.counselOfRecord.count({ where: { counselId: otherCounsel.userId, requestDetentionId: detention.id } })).toBe(1);
    // No access until the office confirms.
    expect(await scopedIds(otherCounsel)).not.toContain(detention.id);
    // Not counsel: not found.
    for (const actor of [place.clo, ngo, admin]) expect(await requestCounsel(actor, { reference: detention.reference, familyName: "Nguyễn" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("is confirmed by the office (counsel gets the case and its feed) or declined with a reason; stale and other offices refused", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), familyName: "Requested" });
    const declined = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), familyName: "Declined" });
    await requestCounsel(counsel, { reference: detention.reference, familyName: "Requested" });
    await requestCounsel(counsel, { reference: declined.reference, familyName: "Declined" });
    const request = await prisma.counselOfRecord.findFirstOrThrow({ where: { counselId: counsel.userId, requestDetentionId: detention.id, status: "REQUESTED" } });
    const other = await prisma.counselOfRecord.findFirstOrThrow({ where: { counselId: counsel.userId, requestDetentionId: declined.id, status: "REQUESTED" } });

    // The case file shows the office its pending requests.
    const caseFile = await getCaseFile(place.clo, detention.id);
    expect(caseFile?.counsel?.requests.map((entry) => entry.id)).toEqual([request.id]);

    for (const actor of [otherPlace.clo, ngo, admin, counsel]) {
      expect(await decideCounselRequest(actor, { detentionId: detention.id, requestId: request.id, version: request.version, decision: "CONFIRM", reason: "" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    // A request routed to another case of the office is not decided from this one.
    expect(await decideCounselRequest(place.clo, { detentionId: detention.id, requestId: other.id, version: other.version, decision: "CONFIRM", reason: "" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await decideCounselRequest(place.clo, { detentionId: detention.id, requestId: request.id, version: request.version + 1, decision: "CONFIRM", reason: "" })).toEqual({ ok: false, reason: "STALE_VERSION" });

    expect(await decideCounselRequest(place.clo, { detentionId: detention.id, requestId: request.id, version: request.version, decision: "CONFIRM", reason: "" })).toEqual({ ok: true, status: "ACTIVE" });
    expect(await scopedIds(counsel)).toContain(detention.id);
    expect(await feedBody(counsel)).toContain(detention.id);
    // Deciding the same request again is stale.
    expect(await decideCounselRequest(place.clo, { detentionId: detention.id, requestId: request.id, version: request.version, decision: "DECLINE", reason: "Twice" })).toEqual({ ok: false, reason: "STALE_VERSION" });

    expect(await decideCounselRequest(place.supervisor, { detentionId: declined.id, requestId: other.id, version: other.version, decision: "DECLINE", reason: "The person told us they have other counsel." })).toEqual({ ok: true, status: "DECLINED" });
    expect(await scopedIds(counsel)).not.toContain(declined.id);
    const row = await prisma.counselOfRecord.findUniqueOrThrow({ where: { id: other.id } });
    expect(row).toMatchObject({ status: "DECLINED", decidedById: place.supervisor.userId, declineReason: "The person told us they have other counsel." });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "counsel.decline", entityId: other.id } });
    expect(JSON.stringify(event.metadata)).not.toContain("other counsel");
  });

  it("is capped: too many pending requests are refused before anything is looked up", async () => {
    const { counsel: busy } = await fixtures.lawOffice("busy");
    for (let index = 0; index < 10; index += 1) {
      const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), familyName: `Busy${index}` });
      expect(await requestCounsel(busy, { reference: detention.reference, familyName: `Busy${index}` })).toEqual({ ok: true });
    }
    expect(await requestCounsel(busy, { reference: "ANY-00-0000", familyName: "Anyone" })).toEqual({ ok: false, reason: "TOO_MANY_PENDING" });
  });
});

describe("ending counsel of record", () => {
  it("removes access at once (scope, clients, calendar feed), keeps counsel's notes theirs and the history", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR) });
    const recorded = await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: counsel.userId });
    if (!recorded.ok) throw new Error("not recorded");
    expect((await addCounselNote(counsel, { detentionId: detention.id, body: "Privileged: instructions from the client." })).ok).toBe(true);
    expect(await feedBody(counsel)).toContain(detention.id);

    const row = await prisma.counselOfRecord.findUniqueOrThrow({ where: { id: recorded.recordId } });
    expect(await endCounsel(otherCounsel, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "Not mine" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await endCounsel(otherPlace.supervisor, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "Not ours" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await endCounsel(ngo, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "No" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await endCounsel(admin, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "No" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await endCounsel(place.clo, { detentionId: detention.id, recordId: row.id, version: row.version + 3, reason: "Stale" })).toEqual({ ok: false, reason: "STALE_VERSION" });

    // Counsel withdraws.
    expect(await endCounsel(counsel, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "Client instructed other counsel." })).toEqual({ ok: true });
    expect(await scopedIds(counsel)).not.toContain(detention.id);
    expect((await listMyClients(counsel, 1, "current")).rows.map((entry) => entry.detentionId)).not.toContain(detention.id);
    expect((await listMyClients(counsel, 1, "ended")).rows.map((entry) => entry.detentionId)).not.toContain(detention.id);
    expect(await getCaseFile(counsel, detention.id)).toBeNull();
    expect(await feedBody(counsel)).not.toContain(detention.id);
    // Their note stays, written by their organisation; the office still cannot read it.
    const note = await prisma.note.findFirstOrThrow({ where: { detentionId: detention.id, authorId: counsel.userId } });
    expect(note.visibility).toBe("OWN_ORGANISATION");
    expect(JSON.stringify(await getCaseFile(place.clo, detention.id))).not.toContain("instructions from the client");
    // History kept, and visible to the office.
    const ended = await prisma.counselOfRecord.findUniqueOrThrow({ where: { id: row.id } });
    expect(ended).toMatchObject({ status: "ENDED", endedById: counsel.userId, endReason: "Client instructed other counsel." });
    const office = await getCaseFile(place.clo, detention.id);
    expect(office?.counsel?.current).toBeNull();
    expect(office?.counsel?.history.map((entry) => entry.id)).toContain(row.id);
    // Ending again is stale.
    expect(await endCounsel(place.clo, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "Again" })).toEqual({ ok: false, reason: "STALE_VERSION" });
  });

  it("by the office, for a Liaison counsel or an outside lawyer", async () => {
    const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR) });
    const recorded = await recordCounsel(place.clo, { kind: "OUTSIDE", detentionId: detention.id, version: await personVersion(detention.id), outsideName: "Outside Lawyer", outsideOrganization: null, outsidePhone: null, outsideEmail: "lawyer@firm.example" });
    if (!recorded.ok) throw new Error("not recorded");
    const row = await prisma.counselOfRecord.findUniqueOrThrow({ where: { id: recorded.recordId } });
    expect(await endCounsel(place.supervisor, { detentionId: detention.id, recordId: row.id, version: row.version, reason: "The lawyer told us they no longer act." })).toEqual({ ok: true });
    expect((await prisma.counselOfRecord.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("ENDED");
  });
});

describe("my clients", () => {
  it("lists current detentions and ended ones apart", async () => {
    const { counsel: lawyer } = await fixtures.lawOffice("lists");
    const current = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR) });
    const ended = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 100 * HOUR) });
    for (const detention of [current, ended]) {
      expect((await recordCounsel(place.clo, { kind: "ACCOUNT", detentionId: detention.id, version: await personVersion(detention.id), counselId: lawyer.userId })).ok).toBe(true);
    }
    await prisma.detention.update({ where: { id: ended.id }, data: { status: "RELEASED", releasedAt: new Date(), nextReviewKind: null, nextReviewDueBy: null } });
    expect((await listMyClients(lawyer, 1, "current")).rows.map((row) => row.detentionId)).toEqual([current.id]);
    expect((await listMyClients(lawyer, 1, "ended")).rows.map((row) => row.detentionId)).toEqual([ended.id]);
  });
});

describe("the demo seed", () => {
  it("makes its counsel of record through the domain functions: recorded, confirmed on request, and one request waiting", async () => {
    const { caseDatabase } = await import("@/tests/integration/case-database");
    const seeded = await caseDatabase(new Date());
    try {
      const people = await seeded.prisma.detainee.findMany({ where: { counselId: { not: null } }, select: { id: true, counselId: true, counselRecords: { where: { status: "ACTIVE" }, select: { counselId: true } } } });
      expect(people.length).toBeGreaterThan(0);
      for (const person of people) expect(person.counselRecords).toEqual([{ counselId: person.counselId }]);
      const events = await seeded.prisma.auditEvent.groupBy({ by: ["action"], where: { action: { startsWith: "counsel." } }, _count: true });
      const counts = Object.fromEntries(events.map((event) => [event.action, event._count]));
      expect(counts["counsel.record"]).toBeGreaterThan(0);
      expect(counts["counsel.confirm"]).toBeGreaterThan(0);
      expect(await seeded.prisma.counselOfRecord.count({ where: { status: "REQUESTED" } })).toBe(1);
    } finally {
      await seeded.drop();
    }
  });
});
