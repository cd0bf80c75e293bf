import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

process.env.DATABASE_URL = inject("databaseUrl");
const { listAuditEvents, exportAuditEvents } = await import("@/lib/audit/queries");
const { recordAuditEvent } = await import("@/lib/audit/mutations");
const { exportAuditCsv } = await import("@/lib/audit/export");
const { auditFilterSchema } = await import("@/lib/audit/schema");

let prisma: PrismaClient;
const noFilters = auditFilterSchema.parse({});

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function caseOf(officeName: string) {
  return prisma.detention.findFirstOrThrow({ where: { office: { name: officeName } }, select: { id: true, reference: true } });
}

describe("the audit log", () => {
  it("shows a supervisor events by their office's staff and on their office's cases, and nothing of another office or of counsel", async () => {
    const torontoCase = await caseOf("CBSA Greater Toronto Area Region");
    const vancouverCase = await caseOf("CBSA Pacific Region");
    const torontoClo = await actorFor(prisma, "clo.toronto@liaison.example");
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const vancouverClo = await actorFor(prisma, "clo.vancouver@liaison.example");
    await recordAuditEvent(torontoClo, { action: "case.open", entityType: "Detention", entityId: torontoCase.id, detentionId: torontoCase.id });
    await recordAuditEvent(counsel, { action: "note.create", entityType: "Note", detentionId: torontoCase.id });
    await recordAuditEvent(vancouverClo, { action: "case.open", entityType: "Detention", entityId: vancouverCase.id, detentionId: vancouverCase.id });

    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const seen = await listAuditEvents(supervisor, noFilters);
    const references = seen.rows.map((row) => row.caseReference);
    expect(references).toContain(torontoCase.reference);
    // Counsel's privileged activity on the office's case is not the office's audit trail.
    expect(seen.rows.some((row) => row.actor?.email === "counsel.clinic@liaison.example")).toBe(false);
    expect(references).not.toContain(vancouverCase.reference);
    expect(seen.rows.some((row) => row.actor?.email === "clo.vancouver@liaison.example")).toBe(false);
  });

  it("filters by person, case, action and date", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const torontoCase = await caseOf("CBSA Greater Toronto Area Region");
    const byCase = await listAuditEvents(admin, auditFilterSchema.parse({ caseReference: torontoCase.reference.toLowerCase() }));
    expect(byCase.total).toBeGreaterThan(0);
    expect(byCase.rows.every((row) => row.caseReference === torontoCase.reference)).toBe(true);
    const byPerson = await listAuditEvents(admin, auditFilterSchema.parse({ actor: "counsel.clinic" }));
    expect(byPerson.rows.every((row) => row.actor?.email === "counsel.clinic@liaison.example")).toBe(true);
    const byAction = await listAuditEvents(admin, auditFilterSchema.parse({ action: "note." }));
    expect(byAction.rows.every((row) => row.action.startsWith("note."))).toBe(true);
    const future = await listAuditEvents(admin, auditFilterSchema.parse({ from: "2099-01-01" }));
    expect(future.total).toBe(0);
  });

  it("is not shown to CLOs, caseworkers or counsel", async () => {
    for (const email of ["clo.toronto@liaison.example", "caseworker.harbour@liaison.example", "counsel.clinic@liaison.example"]) {
      const actor = await actorFor(prisma, email);
      expect((await listAuditEvents(actor, noFilters)).total).toBe(0);
      expect(await exportAuditCsv(actor, {})).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
  });

  it("exports every matching event as CSV in batches, and records the export", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const all = await prisma.auditEvent.count();
    let exported = 0;
    for await (const batch of exportAuditEvents(admin, noFilters, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      exported += batch.length;
    }
    expect(exported).toBe(all);
    const result = await exportAuditCsv(admin, { action: "case." });
    if (!result.ok) throw new Error("export refused");
    const text = await new Response(result.stream).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at_utc,actor_name,actor_email,action,entity_type,entity_id,case_reference,session_id");
    expect(lines.slice(1).every((line) => line.includes(",case."))).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "audit.export", actorId: admin.userId } })).toBe(1);
  });

  it("keeps counsel's activity and sessions out of a CBSA supervisor's list and CSV, and shows them to the admin auditor", async () => {
    const torontoCase = await caseOf("CBSA Greater Toronto Area Region");
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const otherCounsel = await actorFor(prisma, "counsel.marchand@liaison.example");
    // Counsel open their client's file and write a privileged note: both on a Toronto case.
    await recordAuditEvent(counsel, { action: "case.open", entityType: "Detention", entityId: torontoCase.id, detentionId: torontoCase.id });
    await recordAuditEvent(counsel, { action: "note.create", entityType: "Note", detentionId: torontoCase.id, metadata: { visibility: "OWN_ORGANISATION" } });
    await recordAuditEvent(otherCounsel, { action: "plan.bondsperson.propose", entityType: "Bondsperson", detentionId: torontoCase.id });
    const counselSessions = [counsel.sessionId, otherCounsel.sessionId];

    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const listed = await listAuditEvents(supervisor, auditFilterSchema.parse({ caseReference: torontoCase.reference }));
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.rows.some((row) => row.actor?.email.startsWith("counsel.") || counselSessions.includes(row.sessionId ?? ""))).toBe(false);
    // Not by filtering for them either.
    expect((await listAuditEvents(supervisor, auditFilterSchema.parse({ actor: "counsel" }))).total).toBe(0);

    const csv = await exportAuditCsv(supervisor, {});
    if (!csv.ok) throw new Error("export refused");
    const text = await new Response(csv.stream).text();
    expect(text).toContain(torontoCase.reference);
    expect(text).not.toContain("counsel.clinic@liaison.example");
    expect(text).not.toContain("counsel.marchand@liaison.example");
    for (const sessionId of counselSessions) expect(text).not.toContain(sessionId);

    // The administrator, as designated auditor, sees them.
    const admin = await actorFor(prisma, "admin@liaison.example");
    const adminCsv = await exportAuditCsv(admin, { caseReference: torontoCase.reference });
    if (!adminCsv.ok) throw new Error("export refused");
    const adminText = await new Response(adminCsv.stream).text();
    for (const sessionId of counselSessions) expect(adminText).toContain(sessionId);
  });

  it("refuses to change or delete an event, even straight in the database", async () => {
    const event = await prisma.auditEvent.findFirstOrThrow({ select: { id: true } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });
});
