/**
 * Pure rules for documents on a case (docs/security.md, Documents): which types are accepted, how big, and what
 * name a file is shown and downloaded under. No I/O; tested by tables (tests/unit/documents-rules.test.ts).
 */

/** 20 MB: a scanned letter or a phone photo of a status document fits with room to spare. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * The upload request carries the file and a few short form fields: the body may pass the file's cap by this much
 * for the multipart framing and the fields, and no more (the upload route refuses a longer body before parsing).
 */
export const MAX_UPLOAD_OVERHEAD_BYTES = 64 * 1024;

/** The longest display name kept, in characters (the extension included). */
export const MAX_FILE_NAME_LENGTH = 120;

/**
 * The types accepted, by the type DETECTED FROM THE BYTES (file-type), never by the name or the type the browser
 * claimed. Each maps to the extension the download is named with.
 * Word 97-2003 (.doc) is refused: file-type reports it only as a Compound File Binary, the container Windows
 * installers (.msi) and old Excel and PowerPoint files share, so the bytes cannot show that it is a letter. Macro-
 * enabled Word (.docm) is detected as a type of its own and is not on the list.
 */
export const ALLOWED_DOCUMENT_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
} as const;

export type DocumentContentType = keyof typeof ALLOWED_DOCUMENT_TYPES;

/** Short names for the list ("PDF", "Word"): the catalogue key under documents.types. */
export const DOCUMENT_TYPE_LABEL: Record<DocumentContentType, "pdf" | "jpeg" | "png" | "docx"> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export function isAllowedDocumentType(detected: string | undefined | null): detected is DocumentContentType {
  return typeof detected === "string" && Object.hasOwn(ALLOWED_DOCUMENT_TYPES, detected);
}

export type TypeDecision = { ok: true; contentType: DocumentContentType; extension: string } | { ok: false; reason: "EMPTY" | "TOO_LARGE" | "TYPE_NOT_ALLOWED" };

/**
 * Whether bytes of this size and detected type are accepted. `detected` is what file-type read from the bytes
 * (undefined when it recognised nothing: text, HTML and SVG all land there, and are refused).
 */
export function decideDocumentType(sizeBytes: number, detected: { mime: string } | undefined): TypeDecision {
  if (sizeBytes === 0) return { ok: false, reason: "EMPTY" };
  if (sizeBytes > MAX_DOCUMENT_BYTES) return { ok: false, reason: "TOO_LARGE" };
  if (!detected || !isAllowedDocumentType(detected.mime)) return { ok: false, reason: "TYPE_NOT_ALLOWED" };
  return { ok: true, contentType: detected.mime, extension: ALLOWED_DOCUMENT_TYPES[detected.mime] };
}

// C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text (bidirectional overrides and
// isolates, zero-width characters, the BOM): a name like "invoice\u202Efdp.exe" reads as "invoiceexe.pdf".
const INVISIBLE_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Path separators of every platform, and characters Windows refuses in a file name.
const RESERVED = /[/\\:*?"<>|]/g;

/**
 * The name a document is shown and downloaded under: the uploaded name's last path segment, without control or
 * invisible characters or path separators, trimmed of dots and spaces at either end (no hidden files, no "..",
 * no trailing dot that Windows drops), at most MAX_FILE_NAME_LENGTH characters, and always ending in the
 * extension of the type detected, so the name never promises another type than the bytes are. Blank becomes
 * "document".
 */
export function safeDisplayName(claimed: string, extension: string): string {
  const lastSegment = claimed.split(/[/\\]/).pop() ?? "";
  let name = lastSegment.normalize("NFC").replace(INVISIBLE_OR_CONTROL, "").replace(RESERVED, "_").replace(/\s+/g, " ");
  name = name.replace(/^[\s.]+|[\s.]+$/g, "");
  // Drop the claimed extension when it is one of ours or looks like one; the detected one is put back.
  name = name.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[\s.]+$/g, "");
  if (!name) name = "document";
  const suffix = `.${extension}`;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  // Cut by code points, never inside a surrogate pair.
  const kept = Array.from(name).slice(0, room).join("").replace(/[\s.]+$/g, "");
  return `${kept || "document"}${suffix}`;
}

/**
 * The Content-Disposition of a download (RFC 6266, RFC 5987): always `attachment` (never shown inline, so no
 * document is ever rendered by the browser in the app's origin), an ASCII fallback for old clients (accents
 * dropped, anything else outside printable ASCII, quotes and backslashes replaced), and the exact name as
 * UTF-8 in filename*.
 */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7E]/g, "_")
      .replace(/["\\%;]/g, "_")
      .trim() || "document";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The sharing choices of the upload form: the author's organisation only, or the case team (and named providers). */
export const DOCUMENT_SHARINGS = ["OWN_ORGANISATION", "CASE_TEAM"] as const;

/** The kinds of plan item a document may be about. */
export const PLAN_ITEM_KINDS = ["BONDSPERSON", "REFERRAL", "MITIGATION", "MEASURE"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** A plan item as the form sends it: "BONDSPERSON:<id>", "REFERRAL:<id>", "MITIGATION:<ground>", "MEASURE:<measure>". */
export function planItemValue(kind: PlanItemKind, key: string): string {
  return `${kind}:${key}`;
}

/** A size as people read it, in the reader's language: "850 kB", "2.4 MB" (decimal units, as file managers show). */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1000) return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "short" }).format(bytes);
  if (bytes < 1_000_000) return new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", unitDisplay: "short", maximumFractionDigits: 0 }).format(bytes / 1000);
  return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", unitDisplay: "short", maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}
