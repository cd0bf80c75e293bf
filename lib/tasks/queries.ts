import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

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
