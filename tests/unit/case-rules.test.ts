import { describe, expect, it } from "vitest";
import { ageOn, formatReference, officePrefix, referenceSequence } from "@/lib/detentions/rules";
import { wallClockToInstant as localDateTimeToInstant } from "@/lib/time/facility-clock";
import { screeningFlagScope, traffickingVisible } from "@/lib/authz/cases";
import type { Role } from "@/lib/generated/prisma/enums";

describe("case references", () => {
  it.each([
    ["CBSA Greater Toronto Area Region", "Greater Toronto Area", "TOR"],
    ["CBSA Quebec Region", "Quebec", "MTL"],
    ["CBSA Pacific Region", "Pacific", "VAN"],
    ["CBSA Prairie Region", "Prairie", "PRA"],
    ["CBSA Atlantic Region", "Atlantic", "ATL"],
    ["CBSA Northern Ontario Region", "Northern Ontario", "NOR"],
    ["Bureau de l'Île", "Île", "ILE"],
  ])("%s (region %s) numbers its cases %s-", (name, region, prefix) => {
    expect(officePrefix({ name, region })).toBe(prefix);
  });

  it("formats the office, two-digit year and a four-digit sequence, and reads the sequence back", () => {
    expect(formatReference("TOR", 2026, 42)).toBe("TOR-26-0042");
    expect(referenceSequence("TOR-26-0042", "TOR", 2026)).toBe(42);
    expect(referenceSequence("TOR-25-0042", "TOR", 2026)).toBeNull();
    expect(referenceSequence("VAN-26-0042", "TOR", 2026)).toBeNull();
    expect(formatReference("TOR", 2026, 12345)).toBe("TOR-26-12345");
  });
});

describe("the detention time typed at intake", () => {
  it("is read on the facility's clock", () => {
    expect(localDateTimeToInstant("2026-06-03", "14:30", "America/Toronto")?.toISOString()).toBe("2026-06-03T18:30:00.000Z");
    expect(localDateTimeToInstant("2026-06-03", "14:30", "America/Vancouver")?.toISOString()).toBe("2026-06-03T21:30:00.000Z");
    expect(localDateTimeToInstant("2026-01-15", "09:00", "America/St_Johns")?.toISOString()).toBe("2026-01-15T12:30:00.000Z");
  });

  it("refuses dates and times that do not exist", () => {
    expect(localDateTimeToInstant("2026-02-31", "10:00", "America/Toronto")).toBeNull();
    expect(localDateTimeToInstant("2026-06-03", "25:00", "America/Toronto")).toBeNull();
    expect(localDateTimeToInstant("03/06/2026", "10:00", "America/Toronto")).toBeNull();
  });

  it("gives the age in whole years", () => {
    expect(ageOn(new Date("1990-06-10T00:00:00Z"), new Date("2026-06-09T12:00:00Z"))).toBe(35);
    expect(ageOn(new Date("1990-06-10T00:00:00Z"), new Date("2026-06-10T12:00:00Z"))).toBe(36);
  });
});

describe("who sees trafficking indicators (the visibility matrix)", () => {
  const ME = "user-me";
  const detentions = {
    "assigned to me, I am counsel": { assignedCloId: ME, counselId: ME },
    "assigned to someone else": { assignedCloId: "user-other", counselId: "user-counsel" },
    unassigned: { assignedCloId: null, counselId: null },
  };
  const expected: Record<Role, Record<keyof typeof detentions, boolean>> = {
    CLO: { "assigned to me, I am counsel": true, "assigned to someone else": false, unassigned: false },
    SUPERVISOR: { "assigned to me, I am counsel": true, "assigned to someone else": true, unassigned: true },
    COUNSEL: { "assigned to me, I am counsel": true, "assigned to someone else": false, unassigned: false },
    NGO_CASEWORKER: { "assigned to me, I am counsel": false, "assigned to someone else": false, unassigned: false },
    ADMIN: { "assigned to me, I am counsel": false, "assigned to someone else": false, unassigned: false },
  };
  const rows = (Object.keys(expected) as Role[]).flatMap((role) =>
    (Object.keys(detentions) as (keyof typeof detentions)[]).map((situation) => ({ role, situation, visible: expected[role][situation] })),
  );

  it.each(rows)("a $role, case $situation: visible $visible", ({ role, situation, visible }) => {
    expect(traffickingVisible({ role, userId: ME }, detentions[situation])).toBe(visible);
  });

  it("puts the same rule in the flags query's where clause", () => {
    expect(screeningFlagScope({ role: "SUPERVISOR", userId: ME })).toEqual({});
    expect(screeningFlagScope({ role: "CLO", userId: ME })).toEqual({ OR: [{ flag: { not: "TRAFFICKING_INDICATORS" } }, { screening: { detention: { assignedCloId: ME } } }] });
    expect(screeningFlagScope({ role: "COUNSEL", userId: ME })).toEqual({ OR: [{ flag: { not: "TRAFFICKING_INDICATORS" } }, { screening: { detention: { detainee: { counselId: ME } } } }] });
    expect(screeningFlagScope({ role: "NGO_CASEWORKER", userId: ME })).toEqual({ id: { in: [] } });
  });
});

