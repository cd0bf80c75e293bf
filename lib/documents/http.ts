import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { invalidInput, fieldErrors, type ActionResult } from "@/lib/action-result";
import { downloadDocument, uploadDocument, type UploadResult } from "@/lib/documents/mutations";
import { contentDisposition, isAllowedDocumentType, MAX_DOCUMENT_BYTES, MAX_UPLOAD_OVERHEAD_BYTES } from "@/lib/documents/rules";
import { documentIdSchema, uploadDocumentSchema } from "@/lib/documents/schema";
import { readBodyAtMost } from "@/lib/http/read-body";

/**
 * The two route handlers of documents (app/api/document-uploads, app/api/documents/[id]): the HTTP around the
 * domain functions, which own the gates. Uploads are the one request body above the 1 MB the proxy allows server
 * actions: their path is left out of proxy.ts's matcher (Next buffers at most proxyClientMaxBodySize of a body it
 * hands the proxy, and would pass this route a truncated body), and this handler sets its own limit, counted as the
 * body streams in.
 */
const MAX_UPLOAD_BODY_BYTES = MAX_DOCUMENT_BYTES + MAX_UPLOAD_OVERHEAD_BYTES;

const JSON_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function json(body: ActionResult & { documentId?: string }, status: number): Response {
  return Response.json(body, { status, headers: JSON_HEADERS });
}

async function notFound(): Promise<Response> {
  const t = await getTranslations("errors");
  return json({ ok: false, error: t("notFound") }, 404);
}

async function tooLarge(): Promise<Response> {
  const t = await getTranslations("documents");
  return json({ ok: false, error: t("errors.tooLarge"), fieldErrors: { file: t("errors.tooLarge") } }, 413);
}

/** POST /api/document-uploads: a multipart form with `file`, `detentionId`, `sharing`, `providers`, `planItem`. */
export async function handleDocumentUpload(request: Request): Promise<Response> {
  // Same-origin only: a cross-site page may not make a signed-in browser post here (session cookies are SameSite=Lax too).
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return json({ ok: false, error: "Expected a multipart form." }, 400);
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= MAX_UPLOAD_BODY_BYTES)) return tooLarge();
  const body = await readBodyAtMost(request.body, MAX_UPLOAD_BODY_BYTES);
  if (body === null) return tooLarge();
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return json({ ok: false, error: "Malformed request body" }, 400);
  }
  const file = form.get("file");
  const t = await getTranslations("documents");
  if (!(file instanceof File)) return json(await fieldErrors([{ field: "file", key: "fileRequired" }], "documentValidation"), 400);
  const parsed = uploadDocumentSchema.safeParse({
    detentionId: form.get("detentionId"),
    sharing: form.get("sharing"),
    providers: form.getAll("providers").filter((value) => value !== ""),
    planItem: form.get("planItem") ?? "",
    fileName: file.name,
    sizeBytes: file.size,
  });
  if (!parsed.success) {
    const answer = await invalidInput(parsed.error, "documentValidation");
    // The size and the name are the file's: the form shows their messages on its file input.
    if (!answer.ok && answer.fieldErrors) {
      const { sizeBytes, fileName, ...others } = answer.fieldErrors;
      const file = sizeBytes ?? fileName;
      answer.fieldErrors = file ? { file, ...others } : others;
    }
    return json(answer, parsed.error.issues.some((issue) => issue.message === "fileTooLarge") ? 413 : 400);
  }
  const result = await uploadDocument(actor, parsed.data, new Uint8Array(await file.arrayBuffer()));
  if (result.ok) {
    revalidatePath(`/cases/${parsed.data.detentionId}`);
    return json({ ok: true, message: t("uploaded"), documentId: result.documentId }, 201);
  }
  return refusal(result.reason);
}

async function refusal(reason: Extract<UploadResult, { ok: false }>["reason"]): Promise<Response> {
  switch (reason) {
    case "NOT_FOUND":
      return notFound();
    case "TOO_LARGE":
      return tooLarge();
    case "EMPTY":
      return json(await fieldErrors([{ field: "file", key: "fileEmpty" }], "documentValidation"), 400);
    case "TYPE_NOT_ALLOWED":
      return json(await fieldErrors([{ field: "file", key: "typeNotAllowed" }], "documentValidation"), 415);
    case "PLAN_ITEM":
      return json(await fieldErrors([{ field: "planItem", key: "invalidChoice" }], "documentValidation"), 400);
    case "PROVIDER_NOT_ALLOWED":
      return json(await fieldErrors([{ field: "providers", key: "providerNotAllowed" }], "documentValidation"), 400);
    case "DUPLICATE":
      return json(await fieldErrors([{ field: "file", key: "duplicate" }], "documentValidation"), 409);
  }
}

/**
 * GET /api/documents/<id>: the bytes, to those who may read the document (the domain function decides and audits).
 * Always an attachment, with the type detected at upload (never HTML or SVG: not on the allow-list, and anything
 * else is sent as application/octet-stream), nosniff, and never cached.
 */
export async function handleDocumentDownload(id: string): Promise<Response> {
  const actor = await getActor();
  const documentId = documentIdSchema.safeParse(id);
  if (!actor || !documentId.success) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...JSON_HEADERS } });
  const result = await downloadDocument(actor, documentId.data);
  if (!result.ok) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...JSON_HEADERS } });
  return new Response(result.bytes as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": isAllowedDocumentType(result.contentType) ? result.contentType : "application/octet-stream",
      "Content-Length": String(result.bytes.byteLength),
      "Content-Disposition": contentDisposition(result.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Should a browser ever render it anyway, nothing in it may run or reach the app.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
