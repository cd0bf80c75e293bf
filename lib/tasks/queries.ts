import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { officeCaseworkerScope } from "@/lib/authz/cases";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

export type CaseTask = {
  id: string;
  category: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  owner: { name: string } | null;
  dueAt: Date | null;
  status: string;
  outcome: string | null;
  version: number;
};

/** The tasks of a case the actor may open, open ones first, then by due date. */
export async function listCaseTasks(actor: Actor, detentionId: string): Promise<CaseTask[]> {
  if (!can(actor, "cases.edit")) return [];
  return db().task.findMany({
    where: { detentionId, detention: detentionScope(actor) },
    orderBy: [{ status: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: { id: true, category: true, title: true, description: true, ownerId: true, owner: { select: { name: true } }, dueAt: true, status: true, outcome: true, version: true },
  });
}

/** Who may own a task on this case: the active CLOs and supervisors of its office. */
export async function taskOwnerOptions(actor: Actor, detentionId: string): Promise<{ id: string; name: string }[]> {
  if (!can(actor, "cases.edit")) return [];
  const detention = await db().detention.findFirst({ where: { AND: [detentionScope(actor), { id: detentionId }] }, select: { officeId: true } });
  if (!detention) return [];
  return db().user.findMany({ where: officeCaseworkerScope(detention.officeId), orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export type MyTask = {
  id: string;
  category: string;
  title: string;
  dueAt: Date | null;
  status: string;
  detention: { id: string; reference: string; facility: { timeZone: string }; detainee: { givenName: string; familyName: string } };
};

/**
 * "My tasks": the actor's open tasks across the cases they may open, overdue first, then by due date.
 * Ascending due date gives exactly that order (every overdue task is due before every task that is
 * not), so it stays a plain indexed sort on (ownerId, status, dueAt); tasks without a date come last.
 */
export async function listMyTasks(actor: Actor, page: number): Promise<Page<MyTask>> {
  if (!can(actor, "tasks.mine")) return toPage([], 0, 1);
  const where = { ownerId: actor.userId, status: { in: ["OPEN" as const, "IN_PROGRESS" as const] }, detention: detentionScope(actor) };
  const [rows, total] = await Promise.all([
    db().task.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        category: true,
        title: true,
        dueAt: true,
        status: true,
        detention: { select: { id: true, reference: true, facility: { select: { timeZone: true } }, detainee: { select: { givenName: true, familyName: true } } } },
      },
    }),
    db().task.count({ where }),
  ]);
  return toPage(rows, total, page);
}
