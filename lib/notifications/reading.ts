import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";

/**
 * Following one of the actor's own notifications: its stored link, with the notification marked read on the way
 * (opening it is reading it). Anyone else's, or an unknown one, is null and stays as it was.
 */
export async function openNotification(actor: Actor, notificationId: string, now = new Date()): Promise<string | null> {
  const found = await db().notification.findFirst({ where: { id: notificationId, recipientId: actor.userId }, select: { id: true, path: true, readAt: true } });
  if (!found) return null;
  if (!found.readAt) await db().notification.updateMany({ where: { id: found.id, recipientId: actor.userId, readAt: null }, data: { readAt: now } });
  return found.path;
}
