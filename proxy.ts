import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { REQUEST_ID_HEADER } from "@/lib/request-id-header";
import { readBodyAtMost } from "@/lib/http/read-body";

/**
 * Two jobs, both before any route renders:
 * 1. A Content-Security-Policy with a fresh nonce per request: no inline script runs unless Next.js
 *    rendered it with this nonce (Next reads the nonce from the request's CSP header).
 * 2. An optimistic redirect: a visitor without a session cookie goes to sign-in. The real check
 *    (a valid, unexpired session of an active user) is done by lib/auth/session on every page and action.
 */
const PUBLIC_PATHS = ["/sign-in", "/sign-out", "/set-password", "/api/auth", "/api/calendar", "/api/bench"];

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

// Server actions take forms of a few kilobytes; Next.js refuses bodies over 1 MB (serverActions.bodySizeLimit), but
// with a 500. Answer 413 first. next.config.js lets Next buffer at most 2 MB of a body for this check.
const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/**
 * A server action's request is refused here, before Next.js decodes it, when its body is too large (declared or
 * counted) or is not what React's client sends: a multipart form that does not parse, or a reply whose JSON rows do
 * not parse. Next.js answers those with a 500 (its action handler turns every decoding error into one); they are the
 * client's error, so 413 or 400. Multipart POSTs to pages are server actions too (a form posted without JavaScript).
 */
async function actionBodyRefusal(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data\s*;/i.test(contentType);
  const fetchAction = request.headers.has("next-action");
  if (!fetchAction && !(multipart && !request.nextUrl.pathname.startsWith("/api/"))) return null;
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= MAX_ACTION_BODY_BYTES)) return new NextResponse("Payload too large", { status: 413 });
  const body = await readBodyAtMost(request.clone().body, MAX_ACTION_BODY_BYTES);
  if (body === null) return new NextResponse("Payload too large", { status: 413 });
  const malformed = new NextResponse("Malformed request body", { status: 400 });
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return malformed;
    }
    // React's reply encoding: fields named by a number are JSON rows (the arguments); others are the forms' values.
    if (fetchAction) {
      for (const [name, value] of form.entries()) {
        if (/^\d+$/.test(name) && (typeof value !== "string" || !isJson(value))) return malformed;
      }
    }
    return null;
  }
  if (!fetchAction) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return malformed;
  }
  return isJson(text) ? null : malformed;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refusal = await actionBodyRefusal(request);
  if (refusal) return refusal;
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
      // Document uploads (/api/document-uploads) are left out: Next would hand the route a body cut at
      // proxyClientMaxBodySize (2 MB, for the action check below); that route limits its own body to 20 MB as it
      // streams in and checks its own session (lib/documents/http.ts). Every other request still passes here.
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/document-uploads).*)",
      // Link prefetches render nothing a nonce protects.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
