import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { officeCaseworkerScope } from "@/lib/authz/cases";
import { recordAudit } from "@/lib/audit/mutations";
import { taskDueAt, taskIsOpen } from "@/lib/tasks/rules";
import type { CreateTaskInput, UpdateTaskInput } from "@/lib/tasks/schema";

export type TaskResult = { ok: true; taskId: string } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "OWNER_NOT_FOUND" };

async function ownerAllowed(tx: Transaction, ownerId: string | null, officeId: string): Promise<boolean> {
  if (!ownerId) return true;
  return (await tx.user.count({ where: { id: ownerId, ...officeCaseworkerScope(officeId) } })) > 0;
}

function taskData(input: Omit<CreateTaskInput, "detentionId">, timeZone: string, now: Date) {
  return {
    category: input.category,
    title: input.title,
    description: input.description,
    ownerId: input.ownerId,
    dueAt: input.dueOn ? taskDueAt(input.dueOn, timeZone) : null,
    status: input.status,
    outcome: input.outcome,
    completedAt: taskIsOpen(input.status) ? null : now,
  };
}

export async function createTask(actor: Actor, input: CreateTaskInput, now = new Date()): Promise<TaskResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx): Promise<TaskResult> => {
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, officeId: true, facility: { select: { timeZone: true } } } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" };
    if (!(await ownerAllowed(tx, input.ownerId, detention.officeId))) return { ok: false, reason: "OWNER_NOT_FOUND" };
    const task = await tx.task.create({ data: { detentionId: detention.id, createdById: actor.userId, ...taskData(input, detention.facility.timeZone, now) }, select: { id: true } });
    await recordAudit(tx, actor, { action: "task.create", entityType: "Task", entityId: task.id, detentionId: detention.id, metadata: { category: input.category, status: input.status } });
    return { ok: true, taskId: task.id };
  });
}

/** Saves a task at the version the actor read; a concurrent save in between is refused, not overwritten. */
export async function updateTask(actor: Actor, input: UpdateTaskInput, now = new Date()): Promise<TaskResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx): Promise<TaskResult> => {
    const task = await tx.task.findFirst({
      where: { id: input.taskId, detention: detentionScope(actor) },
      select: { id: true, status: true, completedAt: true, detention: { select: { id: true, officeId: true, facility: { select: { timeZone: true } } } } },
    });
    if (!task) return { ok: false, reason: "NOT_FOUND" };
    if (!(await ownerAllowed(tx, input.ownerId, task.detention.officeId))) return { ok: false, reason: "OWNER_NOT_FOUND" };
    const data = taskData(input, task.detention.facility.timeZone, now);
    // A task already closed keeps the time it was closed.
    if (!taskIsOpen(task.status) && !taskIsOpen(input.status)) data.completedAt = task.completedAt;
    const { count } = await tx.task.updateMany({ where: { id: task.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) return { ok: false, reason: "STALE_VERSION" };
    await recordAudit(tx, actor, { action: "task.update", entityType: "Task", entityId: task.id, detentionId: task.detention.id, metadata: { status: input.status } });
    return { ok: true, taskId: task.id };
  });
}
