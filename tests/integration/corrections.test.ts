import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";
import { instantToWallClock } from "@/lib/time/facility-clock";

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createDetention } = await import("@/lib/detentions/mutations");
const { correctPerson, correctDetention, mergePeople } = await import("@/lib/corrections/mutations");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { searchPeople } = await import("@/lib/detentions/intake-queries");
const { mergePage } = await import("@/lib/corrections/queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const HOUR = 3_600_000;
const ZONE = "America/Toronto";
let serial = 0;

/** A new fictional person detained in Toronto `hoursAgo` hours ago, through intake (as the app does). */
async function newCase(hoursAgo: number, person: Partial<{ familyName: string; clientId: string | null; dateOfBirth: string }> = {}) {
  serial += 1;
  const clo = await actorFor(prisma, "clo.toronto@liaison.example");
  const facility = await prisma.facility.findFirstOrThrow({ where: { name: "Toronto Immigration Holding Centre" }, select: { id: true } });
  const detainedAt = new Date(Math.floor((now.getTime() - hoursAgo * HOUR) / 60_000) * 60_000);
  const local = instantToWallClock(detainedAt, ZONE);
  const result = await createDetention(
    clo,
    {
      kind: "new",
      facilityId: facility.id,
      detainedOn: local.date,
      detainedAtTime: local.time,
      givenName: "Correction",
      familyName: person.familyName ?? `Fixture${serial}`,
      dateOfBirth: person.dateOfBirth ?? "1988-07-21",
      gender: "UNDISCLOSED",
      languages: ["Tigrinya", "English"],
      interpreterNeeded: true,
      interpreterLanguage: "Tigrinya",
      citizenship: "ERI",
      clientId: person.clientId ?? null,
      grounds: ["UNLIKELY_TO_APPEAR"],
      schedule: "STANDARD",
    },
    now,
  );
  if (!result.ok) throw new Error(`intake refused: ${result.reason}`);
  const detention = await prisma.detention.findUniqueOrThrow({ where: { id: result.detentionId }, select: { id: true, version: true, facilityId: true, detainedAt: true, detainee: { select: { id: true, version: true } } } });
  return { detentionId: detention.id, version: detention.version, facilityId: detention.facilityId, detainedAt: detention.detainedAt, detaineeId: detention.detainee.id, detaineeVersion: detention.detainee.version };
}

/** The person correction form as sent back unchanged, with the reason. */
function personForm(c: { detentionId: string; detaineeVersion: number }, familyName: string, change: Record<string, unknown> = {}) {
  return {
    detentionId: c.detentionId,
    detaineeVersion: c.detaineeVersion,
    givenName: "Correction",
    familyName,
    dateOfBirth: "1988-07-21",
    gender: "UNDISCLOSED" as const,
    languages: ["Tigrinya", "English"],
    interpreterNeeded: true,
    interpreterLanguage: "Tigrinya",
    citizenship: "ERI",
    clientId: null as string | null,
    reason: "Typed wrongly at intake.",
    ...change,
  };
}

function detentionForm(c: { detentionId: string; version: number; facilityId: string; detainedAt: Date }, change: Record<string, unknown> = {}) {
  const local = instantToWallClock(c.detainedAt, ZONE);
  return {
    detentionId: c.detentionId,
    version: c.version,
    facilityId: c.facilityId,
    detainedOn: local.date,
    detainedAtTime: local.time,
    grounds: ["UNLIKELY_TO_APPEAR" as const],
    schedule: "STANDARD" as const,
    reason: "Time copied wrongly from the arrest report.",
    ...change,
  };
}

describe("correcting the person's details", () => {
  it("is versioned, recorded with before and after, and audited with the field names only", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const c = await newCase(5);
    const familyName = `Fixture${serial}`;
    const result = await correctPerson(clo, personForm(c, familyName, { dateOfBirth: "1988-12-07" }));
    expect(result).toEqual({ ok: true, fields: ["dateOfBirth"] });
    const person = await prisma.detainee.findUniqueOrThrow({ where: { id: c.detaineeId } });
    expect(person.dateOfBirth.toISOString().slice(0, 10)).toBe("1988-12-07");
    expect(person.version).toBe(c.detaineeVersion + 1);
    const correction = await prisma.correction.findFirstOrThrow({ where: { detaineeId: c.detaineeId } });
    expect(correction).toMatchObject({ subject: "PERSON", detentionId: c.detentionId, version: c.detaineeVersion + 1, fields: ["dateOfBirth"], before: { dateOfBirth: "1988-07-21" }, after: { dateOfBirth: "1988-12-07" }, reason: "Typed wrongly at intake.", changedById: clo.userId });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "person.correct", entityId: c.detaineeId } });
    expect(event.metadata).toEqual({ fields: ["dateOfBirth"], version: c.detaineeVersion + 1 });
    expect(event.detentionId).toBe(c.detentionId);
    const text = JSON.stringify(event.metadata);
    for (const personal of ["1988", familyName, "Typed wrongly"]) expect(text).not.toContain(personal);
    // The case file shows it, and its history says who changed what.
    const caseFile = (await getCaseFile(clo, c.detentionId, now))!;
    expect(caseFile.detainee.dateOfBirth.toISOString().slice(0, 10)).toBe("1988-12-07");
    expect(caseFile.corrections.history).toEqual([expect.objectContaining({ subject: "PERSON", fields: ["dateOfBirth"], changedBy: "Dana Whitfield", before: { dateOfBirth: "1988-07-21" }, after: { dateOfBirth: "1988-12-07" } })]);
  });

  it("refuses a correction that changes nothing, and writes nothing", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const c = await newCase(5);
    expect(await correctPerson(clo, personForm(c, `Fixture${serial}`))).toEqual({ ok: false, reason: "NO_CHANGE" });
    expect((await prisma.detainee.findUniqueOrThrow({ where: { id: c.detaineeId } })).version).toBe(c.detaineeVersion);
    expect(await prisma.correction.count({ where: { detaineeId: c.detaineeId } })).toBe(0);
  });

  it("refuses a UCI another person has", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    await newCase(5, { clientId: "UCI-CORR-TAKEN" });
    const c = await newCase(5);
    expect(await correctPerson(clo, personForm(c, `Fixture${serial}`, { clientId: "UCI-CORR-TAKEN" }))).toEqual({ ok: false, reason: "CLIENT_ID_TAKEN" });
    expect((await prisma.detainee.findUniqueOrThrow({ where: { id: c.detaineeId } })).clientId).toBeNull();
  });

  it("two writers with the same version: one wins, the other is refused as stale, and nothing of theirs is written", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const c = await newCase(5);
    const results = await Promise.all([
      correctPerson(clo, personForm(c, `Fixture${serial}`, { dateOfBirth: "1988-07-12" })),
      correctPerson(supervisor, personForm(c, `Fixture${serial}`, { givenName: "Corrected" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const person = await prisma.detainee.findUniqueOrThrow({ where: { id: c.detaineeId } });
    const winner = results[0]!.ok ? "clo" : "supervisor";
    expect(person.version).toBe(c.detaineeVersion + 1);
    expect(person.dateOfBirth.toISOString().slice(0, 10)).toBe(winner === "clo" ? "1988-07-12" : "1988-07-21");
    expect(person.givenName).toBe(winner === "clo" ? "Correction" : "Corrected");
    expect(await prisma.correction.count({ where: { detaineeId: c.detaineeId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "person.correct", entityId: c.detaineeId } })).toBe(1);
  });

  it("is refused as not found to another office, counsel of record, a caseworker and an admin", async () => {
    const c = await newCase(5);
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    // Counsel of record sees the case; seeing is not correcting CBSA's record.
    await prisma.detainee.update({ where: { id: c.detaineeId }, data: { counselId: counsel.userId } });
    expect(await getCaseFile(counsel, c.detentionId, now)).not.toBeNull();
    for (const email of ["clo.vancouver@liaison.example", "supervisor.montreal@liaison.example", "counsel.clinic@liaison.example", "caseworker.harbour@liaison.example", "admin@liaison.example"]) {
      const actor = await actorFor(prisma, email);
      expect(await correctPerson(actor, personForm(c, `Fixture${serial}`, { dateOfBirth: "1970-01-01" })), email).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await correctDetention(actor, detentionForm(c, { grounds: ["DANGER_TO_PUBLIC"] }), now), email).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect((await prisma.detainee.findUniqueOrThrow({ where: { id: c.detaineeId } })).version).toBe(c.detaineeVersion);
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: c.detentionId } })).version).toBe(c.version);
    expect(await prisma.correction.count({ where: { OR: [{ detaineeId: c.detaineeId }, { detentionId: c.detentionId }] } })).toBe(0);
  });
});

describe("correcting the detention's details", () => {
  it("moving the detention time across the 48-hour mark recomputes the next review and the assessment deadline", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const c = await newCase(30);
    const before = (await getCaseFile(clo, c.detentionId, now))!;
    expect(before.reviewClock.next).toMatchObject({ kind: "FORTY_EIGHT_HOUR", status: "DUE_SOON" });
    const corrected = new Date(c.detainedAt.getTime() - 20 * HOUR);
    const local = instantToWallClock(corrected, ZONE);
    const result = await correctDetention(clo, detentionForm(c, { detainedOn: local.date, detainedAtTime: local.time }), now);
    expect(result).toEqual({ ok: true, fields: ["detainedAt"] });
    const detention = await prisma.detention.findUniqueOrThrow({ where: { id: c.detentionId } });
    expect(detention.detainedAt.toISOString()).toBe(corrected.toISOString());
    expect(detention.nextReviewDueBy!.toISOString()).toBe(new Date(corrected.getTime() + 48 * HOUR).toISOString());
    expect(detention.version).toBe(c.version + 1);
    const after = (await getCaseFile(clo, c.detentionId, now))!;
    expect(after.reviewClock.next).toMatchObject({ kind: "FORTY_EIGHT_HOUR", status: "OVERDUE" });
    expect(after.assessmentDeadline.dueBy.getTime()).not.toBe(before.assessmentDeadline.dueBy.getTime());
    expect(after.corrections.history[0]).toMatchObject({ subject: "DETENTION", fields: ["detainedAt"], before: { detainedAt: c.detainedAt.toISOString() }, after: { detainedAt: corrected.toISOString() } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "detention.correct", entityId: c.detentionId } });
    expect(event.metadata).toEqual({ fields: ["detainedAt"], version: c.version + 1, clockRecomputed: true });
  });

  it("corrects the facility within the office, keeping the instant when the time is sent back unchanged; another office's facility is refused", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const c = await newCase(10);
    const other = await prisma.facility.findFirst({ where: { office: { name: "CBSA Greater Toronto Area Region" }, id: { not: c.facilityId } }, select: { id: true, name: true } });
    const vancouver = await prisma.facility.findFirstOrThrow({ where: { office: { name: "CBSA Pacific Region" } }, select: { id: true } });
    expect(await correctDetention(clo, detentionForm(c, { facilityId: vancouver.id }), now)).toEqual({ ok: false, reason: "FACILITY_NOT_FOUND" });
    if (!other) return;
    expect(await correctDetention(clo, detentionForm(c, { facilityId: other.id }), now)).toEqual({ ok: true, fields: ["facility"] });
    const detention = await prisma.detention.findUniqueOrThrow({ where: { id: c.detentionId } });
    expect(detention.facilityId).toBe(other.id);
    expect(detention.detainedAt.toISOString()).toBe(c.detainedAt.toISOString());
  });

  it("refuses a time in the future and a stale version, writing nothing", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const c = await newCase(10);
    const future = instantToWallClock(new Date(now.getTime() + 3 * HOUR), ZONE);
    expect(await correctDetention(clo, detentionForm(c, { detainedOn: future.date, detainedAtTime: future.time }), now)).toEqual({ ok: false, reason: "FUTURE_TIME" });
    expect(await correctDetention(clo, detentionForm(c, { version: c.version + 5, grounds: ["DANGER_TO_PUBLIC"] }), now)).toEqual({ ok: false, reason: "STALE_VERSION" });
    const detention = await prisma.detention.findUniqueOrThrow({ where: { id: c.detentionId } });
    expect(detention.version).toBe(c.version);
    expect(detention.detainedAt.toISOString()).toBe(c.detainedAt.toISOString());
    expect(await prisma.correction.count({ where: { detentionId: c.detentionId } })).toBe(0);
  });
});

describe("merging a person recorded twice", () => {
  it("moves detentions, consents and counsel of record to the kept record; the duplicate is kept, marked, and gone from intake search", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const kept = await newCase(400, { familyName: "Merge-Kept-Test" });
    await prisma.detention.update({ where: { id: kept.detentionId }, data: { status: "RELEASED", releasedAt: new Date(now.getTime() - 200 * HOUR) } });
    const duplicate = await newCase(5, { familyName: "Merge-Duplicate-Test", clientId: "UCI-MERGE-1" });
    const harbour = await prisma.organization.findFirstOrThrow({ where: { name: "Harbour House Women's Shelter" }, select: { id: true } });
    await prisma.consent.create({ data: { detaineeId: duplicate.detaineeId, recipientOrgId: harbour.id, purpose: "Referral", fields: [], method: "VERBAL", givenAt: now, recordedById: clo.userId } });
    await prisma.counselOfRecord.create({ data: { detaineeId: duplicate.detaineeId, counselId: counsel.userId, status: "ACTIVE", requestedById: clo.userId, startedAt: now } });
    await prisma.detainee.update({ where: { id: duplicate.detaineeId }, data: { counselId: counsel.userId } });
    const versions = await prisma.detainee.findMany({ where: { id: { in: [kept.detaineeId, duplicate.detaineeId] } }, select: { id: true, version: true } });
    const versionOf = (id: string) => versions.find((row) => row.id === id)!.version;
    const input = { detentionId: kept.detentionId, keptId: kept.detaineeId, keptVersion: versionOf(kept.detaineeId), duplicateId: duplicate.detaineeId, duplicateVersion: versionOf(duplicate.detaineeId), reason: "Same person: same UCI on the papers.", confirmed: "on" as const };

    // The merge page finds the duplicate within the office.
    const page = (await mergePage(supervisor, kept.detentionId, { name: "Merge-Duplicate-Test", dateOfBirth: "", clientId: "" }, duplicate.detaineeId))!;
    expect(page.matches?.map((person) => person.id)).toEqual([duplicate.detaineeId]);
    expect(page.duplicate).toMatchObject({ id: duplicate.detaineeId, consents: 1, counselRecords: 1 });
    expect(await mergePage(clo, kept.detentionId, { name: "", dateOfBirth: "", clientId: "" }, null)).toBeNull();

    // Only a supervisor merges.
    expect(await mergePeople(clo, input, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await mergePeople(supervisor, { ...input, keptVersion: input.keptVersion + 1 }, now)).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await mergePeople(supervisor, input, now)).toEqual({ ok: true, keptId: kept.detaineeId, detentionsMoved: 1 });

    expect(await prisma.detention.findUniqueOrThrow({ where: { id: duplicate.detentionId }, select: { detaineeId: true } })).toEqual({ detaineeId: kept.detaineeId });
    expect(await prisma.consent.count({ where: { detaineeId: kept.detaineeId } })).toBe(1);
    expect(await prisma.counselOfRecord.count({ where: { detaineeId: kept.detaineeId, status: "ACTIVE" } })).toBe(1);
    const keptRow = await prisma.detainee.findUniqueOrThrow({ where: { id: kept.detaineeId } });
    expect(keptRow).toMatchObject({ clientId: "UCI-MERGE-1", counselId: counsel.userId, version: input.keptVersion + 1, mergedIntoId: null });
    const duplicateRow = await prisma.detainee.findUniqueOrThrow({ where: { id: duplicate.detaineeId } });
    expect(duplicateRow).toMatchObject({ mergedIntoId: kept.detaineeId, clientId: null, counselId: null, version: input.duplicateVersion + 1 });
    expect(duplicateRow.mergedAt).not.toBeNull();
    // The kept record's UCI changed: its history says so.
    expect(await prisma.correction.findFirst({ where: { detaineeId: kept.detaineeId, fields: { has: "clientId" } }, select: { after: true } })).toEqual({ after: { clientId: "UCI-MERGE-1" } });

    // Intake search no longer finds the duplicate, by name or by UCI; the UCI finds the kept record.
    expect(await searchPeople(clo, { name: "Merge-Duplicate-Test", dateOfBirth: "", clientId: "" })).toEqual([]);
    expect((await searchPeople(clo, { name: "", dateOfBirth: "", clientId: "UCI-MERGE-1" })).map((person) => person.id)).toEqual([kept.detaineeId]);
    expect((await searchPeople(clo, { name: "Merge-Kept-Test", dateOfBirth: "", clientId: "" }))[0]!.detentions.map((detention) => detention.id).sort()).toEqual([kept.detentionId, duplicate.detentionId].sort());

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "person.merge", entityId: kept.detaineeId } });
    expect(event.metadata).toEqual({ keptId: kept.detaineeId, duplicateId: duplicate.detaineeId, detentionIds: [duplicate.detentionId], consentsMoved: 1, counselRecordsMoved: 1, clientIdMoved: true });
    expect(JSON.stringify(event.metadata)).not.toContain("Merge-");
    expect(JSON.stringify(event.metadata)).not.toContain("UCI-MERGE");

    // A merged record cannot be merged again.
    const again = await mergePeople(supervisor, { ...input, keptVersion: input.keptVersion + 1, duplicateVersion: input.duplicateVersion + 1 }, now);
    expect(again).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("refuses two people both detained now, and two different UCIs", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const a = await newCase(5, { clientId: "UCI-MERGE-A" });
    const b = await newCase(5, { clientId: "UCI-MERGE-B" });
    const input = { detentionId: a.detentionId, keptId: a.detaineeId, keptVersion: a.detaineeVersion, duplicateId: b.detaineeId, duplicateVersion: b.detaineeVersion, reason: "Same person?", confirmed: "on" as const };
    expect(await mergePeople(supervisor, input, now)).toEqual({ ok: false, reason: "BOTH_DETAINED" });
    await prisma.detention.update({ where: { id: a.detentionId }, data: { status: "RELEASED", releasedAt: now } });
    expect(await mergePeople(supervisor, input, now)).toEqual({ ok: false, reason: "UCI_CONFLICT" });
    expect(await prisma.detainee.count({ where: { id: { in: [a.detaineeId, b.detaineeId] }, mergedIntoId: { not: null } } })).toBe(0);
    // Another office's supervisor does not see these people.
    const vancouver = await actorFor(prisma, "supervisor.vancouver@liaison.example");
    expect(await mergePeople(vancouver, input, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
