import { describe, expect, it } from "vitest";
import { fileTypeFromBuffer } from "file-type";
import { contentDisposition, decideDocumentType, isAllowedDocumentType, MAX_DOCUMENT_BYTES, MAX_FILE_NAME_LENGTH, safeDisplayName } from "@/lib/documents/rules";
import { planItemSchema, uploadDocumentSchema } from "@/lib/documents/schema";
import { docxBytes, exeBytes, htmlBytes, jpegBytes, pdfBytes, pngBytes, svgWithScript, zipBytes } from "@/tests/support/document-files";

describe("the type of a document is the one detected from its bytes, from the allow-list", () => {
  it.each([
    ["a PDF", pdfBytes(), "application/pdf", "pdf"],
    ["a PNG photo", pngBytes(), "image/png", "png"],
    ["a JPEG photo", jpegBytes(), "image/jpeg", "jpg"],
    ["a Word document", docxBytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ])("accepts %s", async (_label, bytes, contentType, extension) => {
    expect(decideDocumentType(bytes.byteLength, await fileTypeFromBuffer(bytes))).toEqual({ ok: true, contentType, extension });
  });

  it.each([
    ["a Windows executable", exeBytes()],
    ["an SVG with a script", svgWithScript()],
    ["an HTML page", htmlBytes()],
    ["a plain ZIP archive", zipBytes({ "notes.txt": "not a letter" })],
    ["text", new Uint8Array(Buffer.from("just some words"))],
  ])("refuses %s", async (_label, bytes) => {
    expect(decideDocumentType(bytes.byteLength, await fileTypeFromBuffer(bytes))).toEqual({ ok: false, reason: "TYPE_NOT_ALLOWED" });
  });

  it("refuses an empty file and one over 20 MB before looking at its type", () => {
    expect(decideDocumentType(0, undefined)).toEqual({ ok: false, reason: "EMPTY" });
    expect(decideDocumentType(MAX_DOCUMENT_BYTES + 1, { mime: "application/pdf" })).toEqual({ ok: false, reason: "TOO_LARGE" });
    expect(decideDocumentType(MAX_DOCUMENT_BYTES, { mime: "application/pdf" }).ok).toBe(true);
  });

  it.each(["text/html", "image/svg+xml", "application/xml", "application/x-msdownload", "application/x-cfb", "application/zip", "", "toString", "__proto__"])("never allows %j", (mime) => {
    expect(isAllowedDocumentType(mime)).toBe(false);
  });
});

describe("a document's display name", () => {
  it.each([
    ["acceptance letter.pdf", "pdf", "acceptance letter.pdf"],
    ["C:\\Users\\clo\\Desktop\\letter.pdf", "pdf", "letter.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["photo.JPEG", "jpg", "photo.jpg"],
    ["invoice.exe", "pdf", "invoice.pdf"],
    ["proof\u202Efdp.exe", "pdf", "prooffdp.pdf"],
    ["line\nbreak\u0000.pdf", "pdf", "linebreak.pdf"],
    ['a:b*c?"d<e>f|g.pdf', "pdf", "a_b_c__d_e_f_g.pdf"],
    ["...", "png", "document.png"],
    ["", "docx", "document.docx"],
    [".hidden", "pdf", "hidden.pdf"],
    ["Preuve de résidence – Côté.pdf", "pdf", "Preuve de résidence – Côté.pdf"],
  ])("%j as %s is %j", (claimed, extension, expected) => {
    expect(safeDisplayName(claimed, extension)).toBe(expected);
  });

  it("is cut to the length cap, keeping the detected extension and whole characters", () => {
    const name = safeDisplayName(`${"😀".repeat(200)}.pdf`, "pdf");
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("the download's Content-Disposition (RFC 6266)", () => {
  it.each([
    ["letter.pdf", `attachment; filename="letter.pdf"; filename*=UTF-8''letter.pdf`],
    ["Côté (preuve).pdf", `attachment; filename="Cote (preuve).pdf"; filename*=UTF-8''C%C3%B4t%C3%A9%20%28preuve%29.pdf`],
    ['say "hi"; x.pdf', `attachment; filename="say _hi__ x.pdf"; filename*=UTF-8''say%20%22hi%22%3B%20x.pdf`],
    ["文件.pdf", `attachment; filename="__.pdf"; filename*=UTF-8''%E6%96%87%E4%BB%B6.pdf`],
  ])("%j", (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });

  it("is always an attachment with no raw line break, whatever the name", () => {
    for (const name of ["a\r\nSet-Cookie: x=1.pdf", "%0d%0a.pdf"]) {
      const header = contentDisposition(name);
      expect(header.startsWith("attachment;")).toBe(true);
      expect(header).not.toMatch(/[\r\n]/);
    }
  });
});

describe("the upload form's fields", () => {
  const valid = { detentionId: "0190a8b2-7c1e-7000-8000-000000000001", sharing: "CASE_TEAM", providers: [], planItem: "", fileName: "letter.pdf", sizeBytes: 1000 };

  it.each([
    ["", null],
    ["BONDSPERSON:0190a8b2-7c1e-7000-8000-000000000002", { bondspersonId: "0190a8b2-7c1e-7000-8000-000000000002" }],
    ["REFERRAL:0190a8b2-7c1e-7000-8000-000000000003", { referralId: "0190a8b2-7c1e-7000-8000-000000000003" }],
    ["MITIGATION:UNLIKELY_TO_APPEAR", { mitigationGround: "UNLIKELY_TO_APPEAR" }],
    ["MEASURE:CASH_DEPOSIT", { measure: "CASH_DEPOSIT" }],
  ])("reads the plan item %j", (value, expected) => {
    expect(planItemSchema.parse(value)).toEqual(expected);
  });

  it.each(["BONDSPERSON:not-a-uuid", "MITIGATION:BEING_LATE", "MEASURE:", "TASK:0190a8b2-7c1e-7000-8000-000000000002", "MEASURE:CASH_DEPOSIT:extra"])("refuses the plan item %j", (value) => {
    expect(planItemSchema.safeParse(value).success).toBe(false);
  });

  it("refuses a file over 20 MB, an empty one, and providers without case-team sharing, naming the field", () => {
    const issues = (input: object) => uploadDocumentSchema.safeParse({ ...valid, ...input }).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ sizeBytes: MAX_DOCUMENT_BYTES + 1 })).toEqual([["sizeBytes", "fileTooLarge"]]);
    expect(issues({ sizeBytes: 0 })).toEqual([["sizeBytes", "fileEmpty"]]);
    expect(issues({ sharing: "OWN_ORGANISATION", providers: ["0190a8b2-7c1e-7000-8000-000000000009"] })).toEqual([["providers", "providersNeedCaseTeam"]]);
    expect(issues({ sharing: "EVERYONE" })).toEqual([["sharing", "invalidChoice"]]);
    expect(uploadDocumentSchema.safeParse(valid).success).toBe(true);
  });
});
