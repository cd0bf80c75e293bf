import { getActor } from "@/lib/auth/session";
import { generateHearingBundle } from "@/lib/bundle/generate";

/**
 * The hearing bundle as a PDF download: /cases/<id>/bundle?lang=en|fr. Access is decided by generateHearingBundle's
 * query (lib/bundle/queries.ts); a refusal is "not found". Always an attachment named by the case reference (never the
 * person's name), never cached: the file holds a person's release plan.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await generateHearingBundle(await getActor(), { detentionId: id, lang: new URL(request.url).searchParams.get("lang") });
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (!result.ok) {
    if (result.reason === "INVALID") return new Response("Choose the bundle's language: lang=en or lang=fr.", { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
    return new Response("Not found", { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(Buffer.from(result.pdf), {
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Content-Length": String(result.pdf.byteLength),
    },
  });
}
