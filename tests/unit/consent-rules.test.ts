import { describe, expect, it } from "vitest";
import { givenAtIsPlausible } from "@/lib/consent/rules";
import { dateTimeLocalToInstant as localDateTimeToUtc, instantToDateTimeLocal as utcToLocalDateTime } from "@/lib/time/facility-clock";
import { recordConsentSchema } from "@/lib/consent/schema";

describe("when consent was given", () => {
  it("reads the typed time in the facility's zone and stores UTC", () => {
    expect(localDateTimeToUtc("2026-06-02T14:30", "America/Toronto")!.toISOString()).toBe("2026-06-02T18:30:00.000Z");
    expect(localDateTimeToUtc("2026-01-15T09:00", "America/Vancouver")!.toISOString()).toBe("2026-01-15T17:00:00.000Z");
  });

  it("round-trips through the form's value", () => {
    const instant = new Date("2026-11-03T02:15:00Z");
    expect(localDateTimeToUtc(utcToLocalDateTime(instant, "America/Toronto"), "America/Toronto")).toEqual(instant);
  });

  it("rejects a date that does not exist", () => {
    expect(localDateTimeToUtc("2026-02-30T10:00", "America/Toronto")).toBeNull();
    expect(localDateTimeToUtc("yesterday", "America/Toronto")).toBeNull();
  });

  it("refuses a time in the future beyond a few minutes of clock drift", () => {
    const now = new Date("2026-06-02T18:30:00Z");
    expect(givenAtIsPlausible(new Date("2026-06-02T18:33:00Z"), now)).toBe(true);
    expect(givenAtIsPlausible(new Date("2026-06-02T19:30:00Z"), now)).toBe(false);
  });
});

describe("recording consent", () => {
  const base = { detentionId: "0190a0a0-0000-7000-8000-000000000001", recipientOrgId: "0190a0a0-0000-7000-8000-000000000002", purpose: "Housing", fields: ["IDENTITY", "NEEDS"], givenAt: "2026-06-02T14:30" };

  it("requires the interpreter's language when consent was given through an interpreter", () => {
    const result = recordConsentSchema.safeParse({ ...base, method: "VERBAL_WITH_INTERPRETER", interpreterLanguage: "" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["interpreterLanguage"]);
    expect(recordConsentSchema.safeParse({ ...base, method: "VERBAL_WITH_INTERPRETER", interpreterLanguage: "Tigrinya" }).success).toBe(true);
  });

  it("needs at least one field in scope, each a known field", () => {
    expect(recordConsentSchema.safeParse({ ...base, method: "WRITTEN", fields: [] }).success).toBe(false);
    expect(recordConsentSchema.safeParse({ ...base, method: "WRITTEN", fields: "CASE_NOTES" }).success).toBe(false);
    const single = recordConsentSchema.safeParse({ ...base, method: "WRITTEN", fields: "IDENTITY" });
    expect(single.success && single.data.fields).toEqual(["IDENTITY"]);
  });

  it("keeps no interpreter language for written consent", () => {
    const parsed = recordConsentSchema.parse({ ...base, method: "WRITTEN" });
    expect(parsed.interpreterLanguage).toBeNull();
  });
});
