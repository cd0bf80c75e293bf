import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/authz";
import { authSecret, SESSION_COOKIE } from "@/lib/auth/config";
import { resolveSession } from "@/lib/auth/session-store";
import { decodeSessionToken } from "@/lib/auth/session-token";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * This request's session, or null. The cookie holds only a signed, encrypted session id; the session row and the
 * user are checked on every request (lib/auth/session-store), so sign-out, idle and absolute expiry and
 * deactivation take effect at once. Cached per request: the actor and the saved language come from one query.
 */
const getSession = cache(async () => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  const token = await decodeSessionToken(cookie, authSecret()).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  return sessionId ? resolveSession(sessionId) : null;
});

/** The signed-in actor for this request, or null. */
export const getActor = cache(async (): Promise<Actor | null> => (await getSession())?.actor ?? null);

/** The signed-in user's saved language, or null when signed out (read with the session, no query of its own). */
export const getSavedLocale = cache(async (): Promise<AppLocale | null> => (await getSession())?.locale ?? null);

/** The actor, or a redirect to sign-in. For pages and layouts. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
