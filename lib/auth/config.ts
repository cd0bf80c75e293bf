import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { revokeSession, signInWithPassword } from "@/lib/auth/sign-in";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { CLIENT_ADDRESS_HEADER, SERVED_BY_APP_SERVER } from "@/lib/auth/client-address";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/** The session cookie: a signed, encrypted token carrying only the server-side session id. */
export const SESSION_COOKIE = "liaison.session";

// Only for development and tests; lib/env refuses to run in production without NEXTAUTH_SECRET.
const DEVELOPMENT_SECRET = "liaison-development-secret-not-for-production-use";

export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET;
}

/**
 * The app's own origin, from NEXTAUTH_URL (set by whoever deploys it, never from a request header). Without it
 * (development) a placeholder: only relative paths then pass safeCallbackPath, which is all the app ever sends.
 */
export function appOrigin(): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return "http://localhost";
  }
}

function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/**
 * The client address the app server wrote (scripts/support/app-server.ts), and only if this process is served by it:
 * under a bare `next start` the same header could have come from the client. X-Forwarded-For is never read here.
 */
export function serverSetClientAddress(headers: Record<string, unknown> | undefined): string | null {
  if (process.env[SERVED_BY_APP_SERVER] !== "1") return null;
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value !== "" ? value : null;
}

let loggedNoClientAddress = false;
function logNoClientAddressOnce() {
  if (loggedNoClientAddress) return;
  loggedNoClientAddress = true;
  console.error("auth: SIGN_IN_NO_CLIENT_ADDRESS (serve with npm start / scripts/support/app-server.ts, not next start)");
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 60 * 60 },
    pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
    useSecureCookies: secureCookies(),
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const address = serverSetClientAddress(request?.headers);
          if (!address) {
            // Not served by the app server (e.g. a bare `next start`): the address cannot be trusted, and a shared
            // bucket would let one client lock everyone out. Refuse plainly rather than throttle wrongly.
            logNoClientAddressOnce();
            throw new Error("UNAVAILABLE");
          }
          let result;
          try {
            result = await signInWithPassword(credentials ?? {}, { address });
          } catch (error) {
            // An unreachable database is not a wrong password: say so.
            if (isDatabaseUnavailable(error)) throw new Error("UNAVAILABLE");
            throw error;
          }
          if (result.ok) return { id: result.userId, sessionId: result.sessionId };
          // next-auth passes a thrown message to the page as the error code; THROTTLED gets its own plain message.
          if (result.reason === "THROTTLED") throw new Error("THROTTLED");
          // Every other failure is one answer: the page cannot tell an unknown e-mail from a wrong password.
          return null;
        },
      }),
    ],
    callbacks: {
      // Where next-auth sends the browser after signing in or out: a same-origin path only, else the home page.
      redirect({ url, baseUrl }) {
        const path = safeCallbackPath(url, baseUrl);
        return path ? new URL(path, baseUrl).toString() : baseUrl;
      },
      // Keep the token minimal: the session id and the user id, nothing personal.
      jwt({ token, user }) {
        if (user && "sessionId" in user && typeof user.sessionId === "string") {
          return { sub: user.id, sid: user.sessionId };
        }
        return { sub: token.sub, sid: token.sid };
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
