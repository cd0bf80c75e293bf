import { handleDocumentDownload } from "@/lib/documents/http";

export const dynamic = "force-dynamic";

/** Downloads a document to whoever may read it (lib/authz/documents.ts), audited; anything else is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleDocumentDownload((await params).id);
}
