import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createTask, updateTask } = await import("@/lib/tasks/mutations");
const { listMyTasks } = await import("@/lib/tasks/queries");
const { getCaseFile } = await import("@/lib/case-file/queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

async function torontoCase() {
  return prisma.detention.findFirstOrThrow({ where: { office: { name: "CBSA Greater Toronto Area Region" }, status: "DETAINED" }, orderBy: { reference: "asc" }, select: { id: true } });
}

const base = { category: "PROPERTY_ACCESS" as const, description: null, outcome: null, status: "OPEN" as const };

describe("tasks", () => {
  it("adds a task owned by a user of the office, due at the end of the day in the facility's zone", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await torontoCase();
    const result = await createTask(clo, { ...base, detentionId: detention.id, title: "Get the phone from property", ownerId: clo.userId, dueOn: "2030-03-10" });
    if (!result.ok) throw new Error(result.reason);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: result.taskId } });
    // 23:59:59.999 on 10 March 2030 in Toronto (EDT, UTC-4).
    expect(task.dueAt!.toISOString()).toBe("2030-03-11T03:59:59.999Z");
    const vancouverClo = await prisma.user.findUniqueOrThrow({ where: { email: "clo.vancouver@liaison.example" }, select: { id: true } });
    expect(await createTask(clo, { ...base, detentionId: detention.id, title: "Wrong owner", ownerId: vancouverClo.id, dueOn: null })).toEqual({ ok: false, reason: "OWNER_NOT_FOUND" });
  });

  it("refuses the second of two concurrent edits and keeps the first", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const detention = await torontoCase();
    const created = await createTask(clo, { ...base, detentionId: detention.id, title: "Confirm a shelter bed", ownerId: clo.userId, dueOn: null });
    if (!created.ok) throw new Error(created.reason);
    // Both opened the task at version 1 and save at the same moment.
    const [byClo, bySupervisor] = await Promise.all([
      updateTask(clo, { ...base, taskId: created.taskId, version: 1, title: "Confirm a shelter bed", ownerId: clo.userId, dueOn: null, status: "DONE", outcome: "Bed confirmed at Harbour House" }),
      updateTask(supervisor, { ...base, taskId: created.taskId, version: 1, title: "Confirm a shelter bed", ownerId: supervisor.userId, dueOn: null, status: "CANCELLED", outcome: "Not needed" }),
    ]);
    expect([byClo, bySupervisor].filter((result) => result.ok)).toHaveLength(1);
    expect([byClo, bySupervisor].filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: created.taskId } });
    const kept = byClo.ok ? { status: "DONE", outcome: "Bed confirmed at Harbour House", ownerId: clo.userId } : { status: "CANCELLED", outcome: "Not needed", ownerId: supervisor.userId };
    expect(task).toMatchObject({ ...kept, version: 2 });
    expect(task.completedAt).not.toBeNull();
    // A later save from the old version is refused as well.
    expect(await updateTask(clo, { ...base, taskId: created.taskId, version: 1, title: "Again", ownerId: null, dueOn: null })).toEqual({ ok: false, reason: "STALE_VERSION" });
  });

  it("lists my open tasks across cases, overdue first and then by due date, with nobody else's", async () => {
    const clo = await actorFor(prisma, "clo2.toronto@liaison.example");
    const detention = await torontoCase();
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    await createTask(clo, { ...base, detentionId: detention.id, title: "Overdue call", ownerId: clo.userId, dueOn: yesterday });
    await createTask(clo, { ...base, detentionId: detention.id, title: "No date", ownerId: clo.userId, dueOn: null });
    await createTask(clo, { ...base, detentionId: detention.id, title: "Closed", ownerId: clo.userId, dueOn: yesterday, status: "DONE" });
    const page = await listMyTasks(clo, 1);
    const expected = await prisma.task.count({ where: { ownerId: clo.userId, status: { in: ["OPEN", "IN_PROGRESS"] } } });
    const rows = [...page.rows];
    for (let next = 2; next <= page.pageCount; next += 1) rows.push(...(await listMyTasks(clo, next)).rows);
    expect(rows).toHaveLength(expected);
    expect(rows.map((row) => row.title)).not.toContain("Closed");
    const dues = rows.map((row) => row.dueAt?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const overdue = rows.filter((row) => row.dueAt && row.dueAt < now).length;
    expect(rows.slice(0, overdue).every((row) => row.dueAt! < now)).toBe(true);
    expect(rows.map((row) => row.title)).toContain("Overdue call");
    expect(rows.at(-1)!.dueAt).toBeNull();
    // Each row links to a case the user may open.
    expect(rows.every((row) => row.detention.reference.startsWith("TOR-"))).toBe(true);
    // Counsel of record open the case file but read none of its tasks (the case team's working list).
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const client = await prisma.detention.findFirstOrThrow({ where: { detainee: { counselId: counsel.userId }, tasks: { some: {} } }, select: { id: true } });
    const counselView = await getCaseFile(counsel, client.id);
    expect(counselView).not.toBeNull();
    expect(counselView!.tasks).toEqual([]);
    expect(counselView!.taskOwners).toEqual([]);
  });
});
