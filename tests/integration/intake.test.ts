import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createDetention } = await import("@/lib/detentions/mutations");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { searchPeople } = await import("@/lib/detentions/intake-queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const HOUR = 3_600_000;

async function torontoFacility() {
  return prisma.facility.findFirstOrThrow({ where: { name: "Toronto Immigration Holding Centre" }, select: { id: true } });
}

/** The local date and time in Toronto of an instant, as an intake form would carry them. */
function torontoLocal(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { detainedOn: `${get("year")}-${get("month")}-${get("day")}`, detainedAtTime: `${get("hour")}:${get("minute")}` };
}

function newPerson(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    givenName: "Marisol",
    familyName: "Ferreira-Test",
    dateOfBirth: "1991-04-12",
    gender: "FEMALE" as const,
    languages: ["Portuguese", "Spanish"],
    interpreterNeeded: true,
    interpreterLanguage: "Portuguese",
    citizenship: "BRA",
    clientId: null as string | null,
    grounds: ["UNLIKELY_TO_APPEAR" as const],
    schedule: "STANDARD" as const,
    ...overrides,
  };
}

describe("intake of a detained person", () => {
  it("records a new person and detention with the review clock, the assessment deadline, a TOR reference and the CLO assigned", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const facility = await torontoFacility();
    const detainedAt = new Date(Math.floor((now.getTime() - 5 * HOUR) / 60_000) * 60_000);
    const result = await createDetention(clo, { kind: "new", facilityId: facility.id, ...torontoLocal(detainedAt), ...newPerson({ clientId: "UCI-INTAKE-1" }) }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference).toMatch(new RegExp(`^TOR-${String(now.getUTCFullYear()).slice(2)}-\\d{4}$`));
    const detention = await prisma.detention.findUniqueOrThrow({ where: { id: result.detentionId }, include: { detainee: true } });
    expect(detention.detainedAt.toISOString()).toBe(detainedAt.toISOString());
    expect(detention.nextReviewKind).toBe("FORTY_EIGHT_HOUR");
    expect(detention.nextReviewDueBy!.getTime()).toBe(detainedAt.getTime() + 48 * HOUR);
    // No flag yet: the assessment is due before the 7-day review, well after the 48-hour mark.
    const deadline = (await getCaseFile(clo, detention.id))!.assessmentDeadline;
    expect(deadline.basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
    expect(deadline.dueBy.getTime()).toBeGreaterThan(detainedAt.getTime() + 7 * 24 * HOUR);
    expect(detention.assignedCloId).toBe(clo.userId);
    expect(detention.status).toBe("DETAINED");
    expect(detention.detainee.languages).toEqual(["Portuguese", "Spanish"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "detention.create", entityId: detention.id } });
    expect(JSON.stringify(audit.metadata)).not.toContain("Marisol");
  });

  it("numbers references in sequence per office and year, without gaps or repeats when intakes race", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const facility = await torontoFacility();
    const local = torontoLocal(new Date(now.getTime() - 2 * HOUR));
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createDetention(clo, { kind: "new", facilityId: facility.id, ...local, ...newPerson({ familyName: `Race${i}` }) }, now)),
    );
    const references = results.map((result) => (result.ok ? result.reference : "refused"));
    expect(new Set(references).size).toBe(4);
    const numbers = references.map((reference) => Number(reference.split("-")[2])).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(3);
  });

  it("gives a person detained again a new detention on the same record, never a duplicate person", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const facility = await torontoFacility();
    const first = await createDetention(clo, { kind: "new", facilityId: facility.id, ...torontoLocal(new Date(now.getTime() - 30 * 24 * HOUR)), ...newPerson({ familyName: "Redetained", clientId: "UCI-AGAIN-1" }) }, now);
    if (!first.ok) throw new Error("first intake refused");
    // A second detention while the first is open is refused.
    const person = await prisma.detention.findUniqueOrThrow({ where: { id: first.detentionId }, select: { detaineeId: true } });
    const whileDetained = await createDetention(clo, { kind: "existing", detaineeId: person.detaineeId, searchedClientId: null, facilityId: facility.id, ...torontoLocal(new Date(now.getTime() - HOUR)), grounds: ["UNLIKELY_TO_APPEAR"], schedule: "STANDARD" }, now);
    expect(whileDetained).toMatchObject({ ok: false, reason: "ALREADY_DETAINED" });

    await prisma.detention.update({ where: { id: first.detentionId }, data: { status: "RELEASED", releasedAt: new Date(now.getTime() - 20 * 24 * HOUR), nextReviewDueBy: null, nextReviewKind: null } });
    const found = await searchPeople(clo, { name: "Redetained", dateOfBirth: "1991-04-12", clientId: "" });
    expect(found.map((match) => match.id)).toEqual([person.detaineeId]);
    const detentionsBefore = await prisma.detainee.count();
    const again = await createDetention(clo, { kind: "existing", detaineeId: person.detaineeId, searchedClientId: null, facilityId: facility.id, ...torontoLocal(new Date(now.getTime() - HOUR)), grounds: ["IDENTITY_NOT_ESTABLISHED"], schedule: "STANDARD" }, now);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await prisma.detainee.count()).toBe(detentionsBefore);
    const detentions = await prisma.detention.findMany({ where: { detaineeId: person.detaineeId }, orderBy: { detainedAt: "asc" } });
    expect(detentions.map((detention) => detention.id)).toEqual([first.detentionId, again.detentionId]);
    // The new detention has its own 48-hour clock (IRPA s.57(1)).
    expect(detentions[1]!.nextReviewDueBy!.getTime()).toBe(detentions[1]!.detainedAt.getTime() + 48 * HOUR);
  });

  it("refuses a new person whose UCI already exists, pointing to that person", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const facility = await torontoFacility();
    const existing = await prisma.detainee.findUniqueOrThrow({ where: { clientId: "DEMO-1000" }, select: { id: true } });
    const before = await prisma.detainee.count();
    const result = await createDetention(clo, { kind: "new", facilityId: facility.id, ...torontoLocal(new Date(now.getTime() - HOUR)), ...newPerson({ clientId: "DEMO-1000" }) }, now);
    expect(result).toEqual({ ok: false, reason: "CLIENT_ID_TAKEN", existingDetaineeId: existing.id });
    expect(await prisma.detainee.count()).toBe(before);
  });

  it("finds people of another office only by their exact UCI", async () => {
    const vancouver = await actorFor(prisma, "clo.vancouver@liaison.example");
    const byName = await searchPeople(vancouver, { name: "Ferreira-Test", dateOfBirth: "", clientId: "" });
    expect(byName).toEqual([]);
    const byUci = await searchPeople(vancouver, { name: "", dateOfBirth: "", clientId: "UCI-INTAKE-1" });
    expect(byUci).toHaveLength(1);
    // Their Toronto detentions are not shown to Vancouver.
    expect(byUci[0]!.detentions).toEqual([]);
  });

  it("refuses a facility of another office, a detention in the future, and a role that may not take intake", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const surrey = await prisma.facility.findFirstOrThrow({ where: { name: "Surrey Immigration Holding Centre" }, select: { id: true } });
    expect(await createDetention(clo, { kind: "new", facilityId: surrey.id, ...torontoLocal(new Date(now.getTime() - HOUR)), ...newPerson() }, now)).toEqual({ ok: false, reason: "FACILITY_NOT_FOUND" });
    const facility = await torontoFacility();
    expect(await createDetention(clo, { kind: "new", facilityId: facility.id, ...torontoLocal(new Date(now.getTime() + 3 * HOUR)), ...newPerson() }, now)).toEqual({ ok: false, reason: "FUTURE_TIME" });
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    expect(await createDetention(counsel, { kind: "new", facilityId: facility.id, ...torontoLocal(new Date(now.getTime() - HOUR)), ...newPerson() }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
