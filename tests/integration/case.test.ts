import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { recordCaseFileOpened } = await import("@/lib/case-file/reading");
const { assignDetention, setNoProspect, clearNoProspect } = await import("@/lib/detentions/mutations");
const { recordFlag, removeFlag } = await import("@/lib/screening/mutations");
const { createTask, updateTask } = await import("@/lib/tasks/mutations");
const { addNote } = await import("@/lib/notes/mutations");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

/** A current Toronto detention of a person with counsel of record. */
async function torontoCaseWithCounsel() {
  const counsel = await prisma.user.findUniqueOrThrow({ where: { email: "counsel.clinic@liaison.example" }, select: { id: true } });
  return prisma.detention.findFirstOrThrow({
    where: { office: { name: "CBSA Greater Toronto Area Region" }, status: "DETAINED", detainee: { counselId: counsel.id } },
    select: { id: true, version: true },
    orderBy: { reference: "asc" },
  });
}

describe("the case file is open only to the office and counsel of record", () => {
  it("opens for the office's CLO; the read writes nothing, and the page's named call records it without personal data", async () => {
    const clo = await actorFor(prisma, "clo2.toronto@liaison.example");
    const detention = await torontoCaseWithCounsel();
    const opened = { where: { action: "case.open", detentionId: detention.id, actorId: clo.userId } } as const;
    const auditBefore = await prisma.auditEvent.count();
    const caseFile = await getCaseFile(clo, detention.id);
    expect(caseFile?.id).toBe(detention.id);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
    await recordCaseFileOpened(clo, caseFile!);
    expect(await prisma.auditEvent.count(opened)).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow(opened);
    expect(event.metadata).toBeNull();
    expect(event.entityId).toBe(detention.id);
  });

  it("reads as counsel of record without the case team's parts: no tasks, owners, referrals, risk opinion or hearing notes", async () => {
    const detention = await torontoCaseWithCounsel();
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    expect((await createTask(clo, { detentionId: detention.id, category: "OTHER", title: "Team only", description: null, ownerId: null, dueOn: null, status: "OPEN", outcome: null })).ok).toBe(true);
    const team = (await getCaseFile(clo, detention.id))!;
    expect(team.tasks.map((task) => task.title)).toContain("Team only");
    expect(team.taskOwners.length).toBeGreaterThan(0);
    expect(team.referrals).not.toBeNull();
    expect(team.assessment?.audience).toBe("CASE_TEAM");
    const view = (await getCaseFile(counsel, detention.id))!;
    expect(view.tasks).toEqual([]);
    expect(view.taskOwners).toEqual([]);
    expect(view.assignableClos).toEqual([]);
    expect(view.referrals).toBeNull();
    expect(view.assessment?.audience).toBe("COUNSEL");
    if (view.assessment?.view) expect(Object.keys(view.assessment.view)).not.toContain("riskOpinion");
    expect(view.reviewClock.showsNotes).toBe(false);
    expect([...view.reviewClock.recorded, ...(view.reviewClock.pending ? [view.reviewClock.pending] : [])].every((review) => review.notes === null)).toBe(true);
    // A supervisor may assign the case to the office's active CLOs, and to no one else.
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const assignable = (await getCaseFile(supervisor, detention.id))!.assignableClos;
    const activeClos = await prisma.user.findMany({ where: { organization: { name: "CBSA Greater Toronto Area Region" }, role: "CLO", active: true }, select: { id: true } });
    expect(assignable.map((user) => user.id).sort()).toEqual(activeClos.map((user) => user.id).sort());
    expect(team.assignableClos).toEqual([]);
    // What both read is the same case: the counts on the glance include the team's task.
    expect(view.counts).toEqual(team.counts);
  });

  it("opens for counsel of record and not for other counsel", async () => {
    const detention = await torontoCaseWithCounsel();
    expect(await getCaseFile(await actorFor(prisma, "counsel.clinic@liaison.example"), detention.id)).not.toBeNull();
    expect(await getCaseFile(await actorFor(prisma, "counsel.marchand@liaison.example"), detention.id)).toBeNull();
  });

  it("is not found for a CLO of another office, for the read and every change", async () => {
    const vancouver = await actorFor(prisma, "clo.vancouver@liaison.example");
    const vancouverSupervisor = await actorFor(prisma, "supervisor.vancouver@liaison.example");
    const detention = await torontoCaseWithCounsel();
    const torontoClo = await prisma.user.findUniqueOrThrow({ where: { email: "clo.toronto@liaison.example" }, select: { id: true } });
    // The case file (its tasks, notes and the CLOs one may assign it to included) is not found for either.
    expect(await getCaseFile(vancouver, detention.id)).toBeNull();
    expect(await getCaseFile(vancouverSupervisor, detention.id)).toBeNull();
    const notFound = { ok: false, reason: "NOT_FOUND" };
    expect(await assignDetention(vancouverSupervisor, { detentionId: detention.id, version: detention.version, cloId: torontoClo.id })).toEqual(notFound);
    expect(await setNoProspect(vancouver, { detentionId: detention.id, version: detention.version, reason: "Test", revisitOn: "2030-01-01" })).toEqual(notFound);
    expect(await clearNoProspect(vancouver, { detentionId: detention.id, version: detention.version })).toEqual(notFound);
    expect(await recordFlag(vancouver, { detentionId: detention.id, version: 0, flag: "MEDICAL", details: null })).toEqual(notFound);
    expect(await removeFlag(vancouver, { detentionId: detention.id, version: 1, flag: "MEDICAL" })).toEqual(notFound);
    expect(await createTask(vancouver, { detentionId: detention.id, category: "OTHER", title: "Probe", description: null, ownerId: null, dueOn: null, status: "OPEN", outcome: null })).toEqual(notFound);
    const task = await prisma.task.findFirstOrThrow({ where: { detentionId: detention.id }, select: { id: true, version: true } });
    expect(await updateTask(vancouver, { taskId: task.id, version: task.version, category: "OTHER", title: "Probe", description: null, ownerId: null, dueOn: null, status: "DONE", outcome: null })).toEqual(notFound);
    expect(await addNote(vancouver, { detentionId: detention.id, visibility: "CASE_TEAM", body: "Probe" })).toEqual(notFound);
    // Nothing changed.
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { version: true } })).version).toBe(detention.version);
    expect(await prisma.note.count({ where: { detentionId: detention.id, body: "Probe" } })).toBe(0);
  });
});

describe("notes", () => {
  it("keeps counsel's notes from every CBSA user, and shows the case team's notes to the team", async () => {
    const detention = await torontoCaseWithCounsel();
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    // Counsel asks for a case-team note: it is stored as privileged all the same.
    expect((await addNote(counsel, { detentionId: detention.id, visibility: "CASE_TEAM", body: "Privileged strategy" })).ok).toBe(true);
    expect((await addNote(clo, { detentionId: detention.id, visibility: "CASE_TEAM", body: "Interpreter booked" })).ok).toBe(true);
    expect((await addNote(clo, { detentionId: detention.id, visibility: "OWN_ORGANISATION", body: "Office only" })).ok).toBe(true);
    const stored = await prisma.note.findFirstOrThrow({ where: { body: "Privileged strategy" } });
    expect(stored.visibility).toBe("OWN_ORGANISATION");
    for (const cbsa of [clo, supervisor]) {
      const bodies = (await getCaseFile(cbsa, detention.id))!.notes.map((note) => note.body);
      expect(bodies).toContain("Interpreter booked");
      expect(bodies).toContain("Office only");
      expect(bodies).not.toContain("Privileged strategy");
    }
    const counselSees = (await getCaseFile(counsel, detention.id))!.notes.map((note) => note.body);
    expect(counselSees).toContain("Privileged strategy");
    expect(counselSees).toContain("Interpreter booked");
    expect(counselSees).not.toContain("Office only");
  });
});

describe("assignment and the no-prospect marker", () => {
  it("lets a supervisor reassign to a CLO of the office only, and refuses a stale version", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const detention = await torontoCaseWithCounsel();
    const ravi = await prisma.user.findUniqueOrThrow({ where: { email: "clo2.toronto@liaison.example" }, select: { id: true } });
    const marcus = await prisma.user.findUniqueOrThrow({ where: { email: "clo.vancouver@liaison.example" }, select: { id: true } });
    expect(await assignDetention(supervisor, { detentionId: detention.id, version: detention.version, cloId: marcus.id })).toEqual({ ok: false, reason: "CLO_NOT_FOUND" });
    expect(await assignDetention(supervisor, { detentionId: detention.id, version: detention.version, cloId: ravi.id })).toEqual({ ok: true });
    expect(await assignDetention(supervisor, { detentionId: detention.id, version: detention.version, cloId: ravi.id })).toEqual({ ok: false, reason: "STALE_VERSION" });
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    expect(await assignDetention(clo, { detentionId: detention.id, version: detention.version + 1, cloId: clo.userId })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("records and clears no current release prospect", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCaseWithCounsel();
    expect(await setNoProspect(clo, { detentionId: detention.id, version: detention.version, reason: "Removal arranged at the person's request", revisitOn: "2099-01-01" })).toEqual({ ok: true });
    const marked = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } });
    expect(marked.noProspectReason).toBe("Removal arranged at the person's request");
    expect(marked.noProspectRevisitOn!.toISOString().slice(0, 10)).toBe("2099-01-01");
    expect(await clearNoProspect(clo, { detentionId: detention.id, version: marked.version })).toEqual({ ok: true });
    expect((await prisma.detention.findUniqueOrThrow({ where: { id: detention.id } })).noProspectReason).toBeNull();
  });
});
