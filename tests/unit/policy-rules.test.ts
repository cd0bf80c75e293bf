import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, effectiveDateProblem, policyAt, policyChanges, policySegments, triggersEarlyAssessment, type PolicyVersion } from "@/lib/policy/rules";

const at = (iso: string) => new Date(iso);

describe("the policy in force at a moment", () => {
  const versions: PolicyVersion[] = [
    { key: "earlyAssessmentHours", value: 36, effectiveFrom: at("2026-07-01T04:00:00Z") },
    { key: "earlyAssessmentHours", value: 24, effectiveFrom: at("2026-10-01T04:00:00Z") },
    { key: "dueSoonHours", value: 72, effectiveFrom: at("2026-09-15T04:00:00Z") },
  ];

  it("is the default before any version takes effect", () => {
    expect(policyAt(versions, at("2026-06-30T12:00:00Z"))).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.earlyAssessmentHours).toBe(48);
    expect(DEFAULT_POLICY.dueSoonHours).toBe(48);
    expect(DEFAULT_POLICY.earlyAssessmentFlags.length).toBeGreaterThan(10);
  });

  it("is the latest version at or before the moment, setting by setting", () => {
    expect(policyAt(versions, at("2026-07-01T04:00:00Z")).earlyAssessmentHours).toBe(36);
    expect(policyAt(versions, at("2026-09-30T23:59:59Z")).earlyAssessmentHours).toBe(36);
    expect(policyAt(versions, at("2026-09-30T23:59:59Z")).dueSoonHours).toBe(72);
    expect(policyAt(versions, at("2026-10-01T04:00:00Z")).earlyAssessmentHours).toBe(24);
  });

  it("does not depend on the order the versions were loaded in", () => {
    expect(policyAt([...versions].reverse(), at("2026-11-01T00:00:00Z")).earlyAssessmentHours).toBe(24);
  });

  it("falls back to the default for a stored value that no longer means anything, and ignores unknown settings", () => {
    const broken: PolicyVersion[] = [
      { key: "earlyAssessmentHours", value: 400, effectiveFrom: at("2026-01-01T00:00:00Z") },
      { key: "earlyAssessmentFlags", value: ["NOT_A_FLAG"], effectiveFrom: at("2026-01-01T00:00:00Z") },
      { key: "somethingElse", value: 1, effectiveFrom: at("2026-01-01T00:00:00Z") },
    ];
    expect(policyAt(broken, at("2026-06-01T00:00:00Z"))).toEqual(DEFAULT_POLICY);
  });

  it("lists the moments a period's policy changes, inside the period only", () => {
    expect(policyChanges(versions, at("2026-07-01T04:00:00Z"), at("2026-12-31T00:00:00Z"))).toEqual([at("2026-09-15T04:00:00Z"), at("2026-10-01T04:00:00Z")]);
    expect(policyChanges(versions, at("2026-10-02T00:00:00Z"), at("2026-12-31T00:00:00Z"))).toEqual([]);
  });
});

describe("a change is never retroactive", () => {
  const now = at("2026-11-30T15:00:00Z");
  it("takes effect now or later", () => {
    expect(effectiveDateProblem(now, now, null)).toBeNull();
    expect(effectiveDateProblem(at("2026-12-01T05:00:00Z"), now, null)).toBeNull();
    expect(effectiveDateProblem(at("2026-11-30T14:59:30Z"), now, null)).toBeNull();
  });
  it("refuses a date in the past", () => {
    expect(effectiveDateProblem(at("2026-11-30T14:58:00Z"), now, null)).toBe("IN_THE_PAST");
    expect(effectiveDateProblem(at("2026-01-01T00:00:00Z"), now, null)).toBe("IN_THE_PAST");
  });
  it("refuses a date before a version already scheduled for the same setting", () => {
    expect(effectiveDateProblem(at("2026-12-15T05:00:00Z"), now, at("2027-01-01T05:00:00Z"))).toBe("BEFORE_SCHEDULED");
    expect(effectiveDateProblem(at("2027-01-02T05:00:00Z"), now, at("2027-01-01T05:00:00Z"))).toBeNull();
  });
});

describe("which flags bring the assessment forward", () => {
  it("any flag the policy names, and only those", () => {
    expect(triggersEarlyAssessment(DEFAULT_POLICY, ["ELDERLY"])).toBe(true);
    expect(triggersEarlyAssessment({ earlyAssessmentFlags: ["MINOR_DETAINED", "TRAFFICKING_INDICATORS"] }, ["ELDERLY", "LANGUAGE_BARRIER"])).toBe(false);
    expect(triggersEarlyAssessment({ earlyAssessmentFlags: ["MINOR_DETAINED"] }, ["ELDERLY", "MINOR_DETAINED"])).toBe(true);
    expect(triggersEarlyAssessment(DEFAULT_POLICY, [])).toBe(false);
  });
});

describe("the policy's history as segments", () => {
  it("runs from the beginning to now without gaps, one segment per change", () => {
    const versions: PolicyVersion[] = [
      { key: "earlyAssessmentHours", value: 24, effectiveFrom: at("2026-10-01T04:00:00Z") },
      { key: "earlyAssessmentFlags", value: ["MINOR_DETAINED"], effectiveFrom: at("2026-10-01T04:00:00Z") },
      { key: "dueSoonHours", value: 72, effectiveFrom: at("2026-07-01T04:00:00Z") },
    ];
    const segments = policySegments(versions);
    expect(segments.map((segment) => [segment.from?.toISOString() ?? null, segment.to?.toISOString() ?? null])).toEqual([
      [null, "2026-07-01T04:00:00.000Z"],
      ["2026-07-01T04:00:00.000Z", "2026-10-01T04:00:00.000Z"],
      ["2026-10-01T04:00:00.000Z", null],
    ]);
    expect(segments[0]!.policy).toEqual(DEFAULT_POLICY);
    expect(segments[1]!.policy.dueSoonHours).toBe(72);
    expect(segments[1]!.policy.earlyAssessmentHours).toBe(48);
    expect(segments[2]!.policy).toMatchObject({ earlyAssessmentHours: 24, earlyAssessmentFlags: ["MINOR_DETAINED"], dueSoonHours: 72 });
  });
  it("is one segment, the defaults, without any version", () => {
    expect(policySegments([])).toEqual([{ from: null, to: null, policy: DEFAULT_POLICY }]);
  });
});
