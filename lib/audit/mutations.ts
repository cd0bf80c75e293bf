import "server-only";
import { db, type Transaction } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import type { AuditAction } from "@/lib/audit/events";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { notifyFromAuditEvent } from "@/lib/notifications/mutations";

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  detentionId?: string | null;
  /** Non-personal context only: ids, field names, status values. */
  metadata?: InputJsonValue;
};

/**
 * Appends an audit event inside the caller's transaction, so the event exists exactly when the write does. The event
 * is also the change's domain event: whoever it concerns is notified in the same transaction (lib/notifications).
 */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  const event = await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      sessionId: actor.sessionId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      detentionId: entry.detentionId ?? null,
      metadata: entry.metadata,
    },
    select: { id: true },
  });
  await notifyFromAuditEvent(tx, actor, entry, event.id);
}

/** An audit event on its own: for reads and exports, which have no other write to share a transaction with. */
export async function recordAuditEvent(actor: Actor, entry: AuditEntry): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, actor, entry));
}
