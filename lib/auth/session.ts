import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/authz";
import { authSecret, SESSION_COOKIE } from "@/lib/auth/config";
import { resolveSession } from "@/lib/auth/session-store";

/**
 * The signed-in actor for this request, or null. The cookie holds only a signed, encrypted session id;
 * the session row and the user are checked on every request (lib/auth/session-store), so sign-out,
 * idle and absolute expiry and deactivation take effect at once. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: authSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  return sessionId ? resolveSession(sessionId) : null;
});

/** The actor, or a redirect to sign-in. For pages and layouts. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
