import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** Reads of the actor's own notifications: nobody reads another's. */

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  reference: string | null;
  params: Record<string, unknown>;
  createdAt: Date;
  read: boolean;
};

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db().notification.count({ where: { recipientId: actor.userId, readAt: null } });
}

/** Newest first. */
export async function listNotifications(actor: Actor, page: number): Promise<Page<NotificationRow> & { unread: number; timeZone: string }> {
  const where = { recipientId: actor.userId };
  const [rows, total, unread, organization] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, reference: true, params: true, createdAt: true, readAt: true },
    }),
    db().notification.count({ where }),
    unreadNotificationCount(actor),
    // Times are shown on the clock of the reader's organisation.
    db().organization.findUnique({ where: { id: actor.organizationId }, select: { timeZone: true } }),
  ]);
  return {
    ...toPage(
      rows.map((row) => ({ id: row.id, kind: row.kind, reference: row.reference, params: (row.params ?? {}) as Record<string, unknown>, createdAt: row.createdAt, read: row.readAt !== null })),
      total,
      page,
    ),
    unread,
    timeZone: organization?.timeZone ?? "America/Toronto",
  };
}
