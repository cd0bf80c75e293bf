import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// The data layer reads DATABASE_URL lazily (lib/env): point it at this run's database before the first query.
process.env.DATABASE_URL = inject("databaseUrl");
const { fileComplaint, reviewComplaint, respondComplaint, closeComplaint, withdrawComplaint, shareComplaintSummary } = await import("@/lib/complaints/mutations");
const { fileComplaintSchema } = await import("@/lib/complaints/schema");
const { listComplaints, getComplaint, complaintReport, getComplaintForm } = await import("@/lib/complaints/queries");
const { listAuditEvents } = await import("@/lib/audit/queries");
const { auditFilterSchema } = await import("@/lib/audit/schema");
const { responseDueAt } = await import("@/lib/complaints/rules");

let prisma: PrismaClient;
const people = {} as Record<"clo" | "clo2" | "supervisor" | "montreal" | "harbour" | "rainbow" | "counsel" | "otherCounsel" | "admin", Actor>;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  people.clo = await actorFor(prisma, "clo.toronto@liaison.example");
  people.clo2 = await actorFor(prisma, "clo2.toronto@liaison.example");
  people.supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
  people.montreal = await actorFor(prisma, "clo.montreal@liaison.example");
  people.harbour = await actorFor(prisma, "caseworker.harbour@liaison.example");
  people.rainbow = await actorFor(prisma, "caseworker.rainbow@liaison.example");
  people.counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
  people.otherCounsel = await actorFor(prisma, "counsel.marchand@liaison.example");
  people.admin = await actorFor(prisma, "admin@liaison.example");
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** A Toronto case of counsel.clinic's client, assigned to clo.toronto: the officer a complaint about it names. */
async function assignedCase(): Promise<string> {
  const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
  await prisma.detention.update({ where: { id: detentionId }, data: { assignedCloId: people.clo.userId } });
  return detentionId;
}

const form = (overrides: Record<string, unknown> = {}) =>
  fileComplaintSchema.parse({ onBehalfOf: "DETAINED_PERSON", category: "DELAY", description: "Nobody called the shelter back for nine days.", remedySought: "A call to the shelter this week.", ...overrides });

async function file(actor: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await fileComplaint(actor, form(overrides));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.complaintId;
}

const version = async (id: string) => (await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const notificationsOf = (actor: Actor, complaintId: string) => prisma.notification.findMany({ where: { recipientId: actor.userId, path: `/complaints/${complaintId}` }, select: { kind: true, reference: true } });

describe("filing a complaint", () => {
  it("is due within the response time of the policy in force when it is filed", async () => {
    const detentionId = await assignedCase();
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    const version = await prisma.policyVersion.create({ data: { key: "complaintResponseDays", value: 10, effectiveFrom: new Date(Date.now() - 60_000), reason: "Test", createdById: admin.id } });
    try {
      const result = await fileComplaint(people.counsel, form({ detentionId }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const row = await prisma.complaint.findUniqueOrThrow({ where: { id: result.complaintId } });
      expect(row.responseDueAt).toEqual(responseDueAt(row.filedAt, "America/Toronto", 10));
    } finally {
      await prisma.policyVersion.delete({ where: { id: version.id } });
    }
  });

  it("counsel files about their client's case: acknowledged with the office's reference, due in 30 days in the office's zone, audited, the supervisors told", async () => {
    const detentionId = await assignedCase();
    const before = new Date();
    const result = await fileComplaint(people.counsel, form({ detentionId }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference).toMatch(/^CMP-TOR-\d{4}-\d{4}$/);
    const row = await prisma.complaint.findUniqueOrThrow({ where: { id: result.complaintId } });
    expect(row).toMatchObject({ officeId: people.clo.organizationId, detentionId, referralId: null, filedById: people.counsel.userId, subjectId: people.clo.userId, status: "RECEIVED", version: 1 });
    expect(row.filedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(row.responseDueAt).toEqual(responseDueAt(row.filedAt, "America/Toronto", 30));
    const events = await prisma.auditEvent.findMany({ where: { entityType: "Complaint", entityId: result.complaintId }, select: { action: true, detentionId: true, actorId: true } });
    expect(events).toEqual([{ action: "complaint.file", detentionId: null, actorId: people.counsel.userId }]);
    expect(await notificationsOf(people.supervisor, result.complaintId)).toEqual([{ kind: "COMPLAINT_FILED", reference: result.reference }]);
    expect(await notificationsOf(people.clo, result.complaintId)).toEqual([]);
    const view = await getComplaint(people.counsel, result.complaintId);
    expect(view).toMatchObject({ view: "COMPLAINANT", status: "RECEIVED", about: { kind: "CASE", detentionId }, office: null, steps: ["withdraw"] });
  });

  it("is refused, writing nothing, on a case the filer does not see, and to roles that do not file", async () => {
    const detentionId = await assignedCase();
    const harbourReferral = await prisma.referral.findFirstOrThrow({ where: { status: { not: "DRAFT" }, outside: false, consent: { withdrawnAt: null }, provider: { organization: { name: "Harbour House Women's Shelter" } } }, select: { id: true } });
    const before = await prisma.complaint.count();
    for (const [actor, input] of [
      [people.otherCounsel, { detentionId }],
      [people.montreal, { detentionId }],
      [people.harbour, { detentionId }],
      [people.rainbow, { referralId: harbourReferral.id }],
      [people.counsel, { referralId: harbourReferral.id }],
      [people.admin, {}],
    ] as const) {
      expect(await fileComplaint(actor, form(input))).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await getComplaintForm(actor, "detentionId" in input ? { case: input.detentionId } : "referralId" in input ? { referral: input.referralId } : {})).toBeNull();
    }
    // A CLO does not record a complaint about a case assigned to them; a service complaint from outside CBSA names an office.
    expect(await fileComplaint(people.clo, form({ detentionId }))).toEqual({ ok: false, reason: "OWN_CASE" });
    expect(await fileComplaint(people.counsel, form())).toEqual({ ok: false, reason: "OFFICE_REQUIRED" });
    expect(await prisma.complaint.count()).toBe(before);
  });

  it("a caseworker files through the referral they see, and is shown the referral, never the case", async () => {
    const referral = await prisma.referral.findFirstOrThrow({
      where: { status: { not: "DRAFT" }, outside: false, consent: { withdrawnAt: null }, provider: { organization: { name: "Harbour House Women's Shelter" } } },
      select: { id: true, detentionId: true, detention: { select: { reference: true } } },
    });
    const id = await file(people.harbour, { referralId: referral.id, category: "COMMUNICATION" });
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { detentionId: true, referralId: true } })).toEqual({ detentionId: referral.detentionId, referralId: referral.id });
    const view = await getComplaint(people.harbour, id);
    expect(view).toMatchObject({ view: "COMPLAINANT", about: { kind: "REFERRAL", referralId: referral.id } });
    expect(JSON.stringify(view)).not.toContain(referral.detention.reference);
    expect(JSON.stringify(view)).not.toContain(referral.detentionId);
    // The office sees the case it is about.
    expect(await getComplaint(people.supervisor, id)).toMatchObject({ view: "HANDLER", about: { kind: "CASE", detentionId: referral.detentionId } });
  });

  it("a service complaint goes to the office the filer chose, or a CBSA user's own", async () => {
    const montrealOffice = people.montreal.organizationId;
    const id = await file(people.counsel, { officeId: montrealOffice, category: "OTHER" });
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { officeId: true, detentionId: true, subjectId: true, reference: true } })).toMatchObject({ officeId: montrealOffice, detentionId: null, subjectId: null, reference: expect.stringMatching(/^CMP-MTL-/) });
    const recorded = await file(people.clo2, { officeId: montrealOffice });
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: recorded }, select: { officeId: true } })).officeId).toBe(people.clo2.organizationId);
  });

  it("numbers complaints filed at once without a gap or a repeat", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => fileComplaint(index % 2 === 0 ? people.clo2 : people.supervisor, form())));
    const references = results.map((result) => (result.ok ? result.reference : `refused ${result.reason}`));
    expect(new Set(references).size).toBe(12);
    const numbers = references.map((reference) => Number(reference.split("-").at(-1))).sort((a, b) => a - b);
    expect(numbers[11]! - numbers[0]!).toBe(11);
  });
});

describe("the officer a complaint names", () => {
  it("cannot list, open, count or be told of it, nor find it in the audit log, until a summary is shared; then sees only the summary", async () => {
    const detentionId = await assignedCase();
    const id = await file(people.counsel, { detentionId, category: "CONDUCT" });
    const hidden = async () => {
      for (const officer of [people.clo, people.clo2]) {
        const lists = await listComplaints(officer);
        expect([...lists.filed, ...(lists.queue ?? []), ...lists.shared].map((row) => row.id)).not.toContain(id);
        expect(lists.queue).toBeNull();
        expect(await getComplaint(officer, id)).toBeNull();
        expect(await complaintReport(officer)).toBeNull();
        expect(await notificationsOf(officer, id)).toEqual([]);
      }
      // The office's audit log, as its supervisors browse it (the officer has none), shows no complaint event at all.
      const page = await listAuditEvents(people.supervisor, auditFilterSchema.parse({ action: "complaint" }));
      expect(page.total).toBe(0);
    };
    await hidden();

    expect(await reviewComplaint(people.supervisor, { complaintId: id, version: 1, handlerId: people.supervisor.userId, investigationNotes: "Spoke to the officer's team lead." })).toMatchObject({ ok: true });
    // The officer named cannot be given the complaint to handle.
    expect(await reviewComplaint(people.supervisor, { complaintId: id, version: 2, handlerId: people.clo.userId, investigationNotes: null })).toEqual({ ok: false, reason: "HANDLER_NOT_FOUND" });
    expect(await respondComplaint(people.supervisor, { complaintId: id, version: 2, outcome: "PARTLY_UPHELD", response: "We found the call was late and have changed the rota." })).toMatchObject({ ok: true });
    await hidden();

    expect(await shareComplaintSummary(people.supervisor, { complaintId: id, version: 3, subjectSummary: "A complaint about a late call on one of your cases was partly upheld." })).toMatchObject({ ok: true });
    const shared = await getComplaint(people.clo, id);
    expect(shared).toEqual({ view: "SUBJECT", id, reference: expect.any(String), summary: "A complaint about a late call on one of your cases was partly upheld.", sharedAt: expect.any(Date), timeZone: "America/Toronto" });
    expect((await listComplaints(people.clo)).shared.map((row) => row.id)).toContain(id);
    expect((await notificationsOf(people.clo, id)).map((row) => row.kind)).toEqual(["COMPLAINT_SHARED"]);
    // Another officer of the office still sees nothing.
    expect(await getComplaint(people.clo2, id)).toBeNull();
  });
});

describe("handling a complaint", () => {
  it("moves through review, response and closing by the table, version-checked, every step audited; the complainant sees the response", async () => {
    const id = await file(people.counsel, { detentionId: await assignedCase() });
    expect(await respondComplaint(people.supervisor, { complaintId: id, version: 1, outcome: "UPHELD", response: "Too early." })).toEqual({ ok: false, reason: "INVALID_TRANSITION" });
    expect(await reviewComplaint(people.supervisor, { complaintId: id, version: 7, handlerId: people.supervisor.userId, investigationNotes: null })).toEqual({ ok: false, reason: "STALE_VERSION" });
    // Not the office's supervisors: not found.
    expect(await reviewComplaint(people.montreal, { complaintId: id, version: 1, handlerId: people.supervisor.userId, investigationNotes: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await reviewComplaint(people.clo2, { complaintId: id, version: 1, handlerId: people.supervisor.userId, investigationNotes: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await reviewComplaint(people.supervisor, { complaintId: id, version: 1, handlerId: people.supervisor.userId, investigationNotes: "Checking the call log." })).toMatchObject({ ok: true });
    // The complainant never reads the investigation's notes.
    expect(JSON.stringify(await getComplaint(people.counsel, id))).not.toContain("Checking the call log.");
    expect(await respondComplaint(people.supervisor, { complaintId: id, version: await version(id), outcome: "UPHELD", response: "You were right: the shelter has now been called." })).toMatchObject({ ok: true });
    // Too late to withdraw once answered.
    expect(await withdrawComplaint(people.counsel, { complaintId: id, version: await version(id) })).toEqual({ ok: false, reason: "INVALID_TRANSITION" });
    expect(await getComplaint(people.counsel, id)).toMatchObject({ status: "RESPONDED", outcome: "UPHELD", response: "You were right: the shelter has now been called.", steps: [] });
    expect(await notificationsOf(people.counsel, id)).toEqual([{ kind: "COMPLAINT_RESPONDED", reference: expect.stringMatching(/^CMP-TOR-/) }]);
    expect(await closeComplaint(people.supervisor, { complaintId: id, version: await version(id) })).toMatchObject({ ok: true });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "Complaint", entityId: id }, orderBy: { id: "asc" }, select: { action: true, metadata: true } });
    expect(events.map((event) => event.action)).toEqual(["complaint.file", "complaint.review", "complaint.respond", "complaint.close"]);
    expect(events[2]!.metadata).toMatchObject({ from: "UNDER_REVIEW", to: "RESPONDED", outcome: "UPHELD" });
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } })).toEqual({ status: "CLOSED", version: 4 });
  });

  it("is withdrawn by its filer only, before a response", async () => {
    const id = await file(people.counsel, { detentionId: await assignedCase() });
    expect(await withdrawComplaint(people.supervisor, { complaintId: id, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await withdrawComplaint(people.otherCounsel, { complaintId: id, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await withdrawComplaint(people.counsel, { complaintId: id, version: 1 })).toMatchObject({ ok: true });
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } })).toEqual({ status: "CLOSED", outcome: "WITHDRAWN" });
    expect((await prisma.auditEvent.findMany({ where: { entityType: "Complaint", entityId: id }, orderBy: { id: "asc" }, select: { action: true } })).map((event) => event.action)).toEqual(["complaint.file", "complaint.withdraw"]);
  });

  it("reports the office's complaints to its supervisors: counts, outcomes, overdue, median days to respond", async () => {
    const report = await complaintReport(people.supervisor);
    expect(report).not.toBeNull();
    const office = await prisma.complaint.findMany({ where: { officeId: people.supervisor.organizationId }, select: { category: true, outcome: true } });
    expect(report!.total).toBe(office.length);
    expect(report!.byCategory.reduce((sum, row) => sum + row.count, 0)).toBe(office.length);
    expect(report!.byOutcome.find((row) => row.outcome === "WITHDRAWN")!.count).toBe(office.filter((row) => row.outcome === "WITHDRAWN").length);
    // The demo's complaint recorded 35 days ago and never reviewed is overdue.
    expect(report!.overdue).toBeGreaterThanOrEqual(1);
    expect(report!.medianDaysToRespond).not.toBeNull();
    for (const actor of [people.clo, people.counsel, people.harbour, people.admin]) expect(await complaintReport(actor)).toBeNull();
    // Admins see no complaint.
    const lists = await listComplaints(people.admin);
    expect([lists.filed.length, lists.queue, lists.shared.length]).toEqual([0, null, 0]);
  });
});
