import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { REQUEST_ID_HEADER } from "@/lib/request-id-header";

/**
 * Two jobs, both before any route renders:
 * 1. A Content-Security-Policy with a fresh nonce per request: no inline script runs unless Next.js
 *    rendered it with this nonce (Next reads the nonce from the request's CSP header).
 * 2. An optimistic redirect: a visitor without a session cookie goes to sign-in. The real check
 *    (a valid, unexpired session of an active user) is done by lib/auth/session on every page and action.
 */
const PUBLIC_PATHS = ["/sign-in", "/sign-out", "/api/auth", "/api/calendar", "/api/bench"];

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React needs eval only in development, for its error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React, Next's route announcer) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// Server actions take forms of a few kilobytes; Next.js refuses bodies over 1 MB, but with a 500. Answer 413 first.
const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) {
    return new NextResponse("Payload too large", { status: 413 });
  }
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, https);

  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (!isPublic && !request.cookies.has("liaison.session")) {
    const signIn = new URL("/sign-in", request.url);
    const callbackUrl = pathname === "/" ? null : safeCallbackPath(`${pathname}${search}`, request.nextUrl.origin);
    if (callbackUrl) signIn.searchParams.set("callbackUrl", callbackUrl);
    return withSecurityHeaders(NextResponse.redirect(signIn), policy, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Ours, never the client's: log lines about this request (database errors, instrumentation.ts) quote it.
  requestHeaders.set(REQUEST_ID_HEADER, crypto.randomUUID());
  requestHeaders.set("Content-Security-Policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy, https);
}

function withSecurityHeaders(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  // HSTS only means something over HTTPS; on plain HTTP browsers ignore it, and it would pin localhost.
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)",
      // Link prefetches render nothing a nonce protects.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
