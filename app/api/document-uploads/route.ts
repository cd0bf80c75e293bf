import { handleDocumentUpload } from "@/lib/documents/http";

// Never cached or prerendered: every request is a new upload, decided for the signed-in user.
export const dynamic = "force-dynamic";

/**
 * Adds a document to a case (lib/documents/http.ts). The one request body over the proxy's 1 MB: this path is left
 * out of proxy.ts's matcher and the handler counts the body against its own 20 MB limit.
 */
export async function POST(request: Request): Promise<Response> {
  return handleDocumentUpload(request);
}

/** Nothing to read here: not found, like any address that shows nothing. */
export function GET(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
