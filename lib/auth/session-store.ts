import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/authz";
import type { AppLocale } from "@/lib/i18n/locales";

/** A good session: who is acting, and the language they saved (read in the same query: one round trip per page). */
export type ResolvedSession = { actor: Actor; locale: AppLocale };

// Refresh lastSeenAt at most once a minute: idle expiry needs minute precision, not a write per request.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * The actor behind a session id, if the session is still good at `now`: not revoked (sign-out), not past its
 * absolute expiry (SESSION_MAX_HOURS from sign-in), not idle for longer than SESSION_IDLE_MINUTES, and its
 * user still active. Each use keeps the session alive.
 */
export async function resolveSession(sessionId: string, now: Date = new Date()): Promise<ResolvedSession | null> {
  const idleCutoff = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
  const session = await db().userSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleCutoff }, user: { active: true } },
    select: {
      id: true,
      lastSeenAt: true,
      user: { select: { id: true, name: true, role: true, locale: true, organization: { select: { id: true, kind: true, name: true } } } },
    },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db().userSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    actor: {
      userId: user.id,
      sessionId: session.id,
      name: user.name,
      role: user.role,
      organizationId: user.organization.id,
      organizationKind: user.organization.kind,
      organizationName: user.organization.name,
    },
    locale: user.locale,
  };
}
