import { describe, expect, it } from "vitest";
import { auditFilterSchema, csvField, csvRow } from "@/lib/audit/schema";

describe("audit CSV export", () => {
  it.each([
    ["plain text stays as it is", "case.open", "case.open"],
    ["a comma is quoted", "Whitfield, Dana", '"Whitfield, Dana"'],
    ["quotes are doubled", 'say "hi"', '"say ""hi"""'],
    ["a newline is quoted", "line\nbreak", '"line\nbreak"'],
    ["a formula is neutralised", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["a leading plus is neutralised", "+1 555", "'+1 555"],
    ["a leading at-sign is neutralised", "@SUM(A1)", "'@SUM(A1)"],
    ["empty for null", null, ""],
  ])("%s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("ends each row with CRLF (RFC 4180)", () => {
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("audit log filters", () => {
  it("accepts an empty query and defaults to the first page", () => {
    expect(auditFilterSchema.parse({})).toEqual({ page: 1, actor: undefined, caseReference: undefined, action: undefined, from: undefined, to: undefined });
  });

  it("refuses an end date before the start date", () => {
    const result = auditFilterSchema.safeParse({ from: "2026-11-20", to: "2026-11-01" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
  });

  it("refuses a date that is not a calendar date", () => {
    expect(auditFilterSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
  });

  it("refuses oversized text", () => {
    expect(auditFilterSchema.safeParse({ actor: "x".repeat(321) }).success).toBe(false);
  });
});
