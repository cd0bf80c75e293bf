import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { newFeedToken } from "@/lib/calendar/token";

export type CreateFeedResult = { ok: true; token: string } | { ok: false; reason: "NOT_FOUND" };
export type RevokeFeedResult = { ok: true } | { ok: false; reason: "NOT_FOUND" };

/**
 * Creates the actor's calendar feed. Any feed they already have is revoked in the same transaction, so
 * "regenerate" leaves exactly one working address and the old one stops working at once. The audit
 * event never holds the token.
 */
export async function createFeed(actor: Actor, input: { includeFullNames: boolean }): Promise<CreateFeedResult> {
  // Only roles that follow reviews have a feed (lib/authz "calendar.feed"); anyone else: "not found".
  if (!can(actor, "calendar.feed")) return { ok: false, reason: "NOT_FOUND" };
  const { token, tokenHash } = newFeedToken();
  return db().$transaction(async (tx) => {
    const now = new Date();
    const { count: revoked } = await tx.calendarFeed.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now } });
    const feed = await tx.calendarFeed.create({ data: { userId: actor.userId, tokenHash, includeFullNames: input.includeFullNames }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: revoked > 0 ? "calendarFeed.regenerate" : "calendarFeed.create",
      entityType: "CalendarFeed",
      entityId: feed.id,
      metadata: { includeFullNames: input.includeFullNames, revoked },
    });
    return { ok: true, token } as const;
  });
}

/** Revokes the actor's feed: its address answers 404 from now on. */
export async function revokeFeed(actor: Actor): Promise<RevokeFeedResult> {
  if (!can(actor, "calendar.feed")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const feeds = await tx.calendarFeed.findMany({ where: { userId: actor.userId, revokedAt: null }, select: { id: true } });
    if (feeds.length === 0) return { ok: false, reason: "NOT_FOUND" } as const;
    await tx.calendarFeed.updateMany({ where: { id: { in: feeds.map((feed) => feed.id) } }, data: { revokedAt: new Date() } });
    for (const feed of feeds) await recordAudit(tx, actor, { action: "calendarFeed.revoke", entityType: "CalendarFeed", entityId: feed.id });
    return { ok: true } as const;
  });
}
