import { describe, expect, it } from "vitest";
import { assessmentDeadline, assessmentDeadlineMet } from "@/lib/assessments/rules";

const toronto = "America/Toronto";

describe("assessment deadline", () => {
  it.each([
    {
      name: "a detainee with a mental-health flag must be assessed within 48 hours of detention",
      input: { detainedAt: new Date("2026-06-01T14:30:00Z"), timeZone: toronto, schedule: "STANDARD", visibleFlags: ["MENTAL_HEALTH"] },
      dueBy: "2026-06-03T14:30:00.000Z",
      basis: "VULNERABILITY_48_HOURS",
    },
    {
      name: "a vulnerable designated foreign national is still assessed within 48 hours",
      input: { detainedAt: new Date("2026-06-01T14:30:00Z"), timeZone: toronto, schedule: "DESIGNATED_FOREIGN_NATIONAL", visibleFlags: ["MENTAL_HEALTH"] },
      dueBy: "2026-06-03T14:30:00.000Z",
      basis: "VULNERABILITY_48_HOURS",
    },
    {
      name: "without flags, the deadline is the 7-day review: end of the 7th day after a first review on 3 June",
      input: { detainedAt: new Date("2026-06-01T14:30:00Z"), timeZone: toronto, schedule: "STANDARD", visibleFlags: [], firstReviewStartedOn: new Date("2026-06-03T13:00:00Z") },
      dueBy: "2026-06-11T03:59:59.999Z",
      basis: "SEVEN_DAY_REVIEW",
    },
    {
      name: "before the first review is held, the 7-day deadline is counted provisionally from the 48-hour limit",
      input: { detainedAt: new Date("2026-06-01T14:30:00Z"), timeZone: toronto, schedule: "STANDARD", visibleFlags: [] },
      dueBy: "2026-06-11T03:59:59.999Z",
      basis: "SEVEN_DAY_REVIEW_PROVISIONAL",
    },
    {
      name: "in Vancouver the 7-day deadline ends at local midnight",
      input: { detainedAt: new Date("2026-06-01T20:00:00Z"), timeZone: "America/Vancouver", schedule: "STANDARD", visibleFlags: [], firstReviewStartedOn: new Date("2026-06-02T17:00:00Z") },
      dueBy: "2026-06-10T06:59:59.999Z",
      basis: "SEVEN_DAY_REVIEW",
    },
    {
      name: "a designated foreign national without flags is assessed before the 14-day review",
      input: { detainedAt: new Date("2026-06-01T14:30:00Z"), timeZone: toronto, schedule: "DESIGNATED_FOREIGN_NATIONAL", visibleFlags: [] },
      dueBy: "2026-06-16T03:59:59.999Z",
      basis: "DFN_FIRST_REVIEW",
    },
  ] as const)("$name", ({ input, dueBy, basis }) => {
    const deadline = assessmentDeadline(input);
    expect(deadline.dueBy.toISOString()).toBe(dueBy);
    expect(deadline.basis).toBe(basis);
  });

  it("a flag added after the 48 hours passed gives a deadline already missed", () => {
    const detainedAt = new Date("2026-06-01T14:30:00Z");
    const { dueBy } = assessmentDeadline({ detainedAt, timeZone: toronto, schedule: "STANDARD", visibleFlags: ["MENTAL_HEALTH"] });
    expect(assessmentDeadlineMet(dueBy, null, new Date("2026-06-04T09:00:00Z"))).toBe(false);
  });

  it.each([
    { name: "completed before the deadline: met", completedAt: "2026-06-02T10:00:00Z", now: "2026-06-05T00:00:00Z", met: true },
    { name: "completed exactly at the deadline: met", completedAt: "2026-06-03T14:30:00Z", now: "2026-06-05T00:00:00Z", met: true },
    { name: "completed after the deadline: missed", completedAt: "2026-06-03T14:30:00.001Z", now: "2026-06-05T00:00:00Z", met: false },
    { name: "not completed and past the deadline: missed", completedAt: null, now: "2026-06-03T15:00:00Z", met: false },
    { name: "not completed and not yet due: still open", completedAt: null, now: "2026-06-02T15:00:00Z", met: null },
  ])("$name", ({ completedAt, now, met }) => {
    const dueBy = new Date("2026-06-03T14:30:00Z");
    expect(assessmentDeadlineMet(dueBy, completedAt ? new Date(completedAt) : null, new Date(now))).toBe(met);
  });
});

describe("the assessment deadline under the release-first policy in force when the person was detained", () => {
  const detainedAt = new Date("2026-06-01T14:30:00Z");
  const base = { detainedAt, timeZone: toronto, schedule: "STANDARD" as const };

  it("a shorter early window brings the deadline forward", () => {
    expect(assessmentDeadline({ ...base, visibleFlags: ["MENTAL_HEALTH"], policy: { earlyAssessmentHours: 24, earlyAssessmentFlags: ["MENTAL_HEALTH", "MINOR_DETAINED"] } })).toEqual({
      dueBy: new Date("2026-06-02T14:30:00.000Z"),
      basis: "VULNERABILITY_48_HOURS",
    });
  });

  it("a flag the policy no longer names leaves the deadline at the 7-day review", () => {
    expect(assessmentDeadline({ ...base, visibleFlags: ["ELDERLY"], policy: { earlyAssessmentHours: 24, earlyAssessmentFlags: ["MINOR_DETAINED"] } }).basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
  });

  it("is never later than the first review, whatever a stored policy says", () => {
    expect(assessmentDeadline({ ...base, visibleFlags: ["MEDICAL"], policy: { earlyAssessmentHours: 72, earlyAssessmentFlags: ["MEDICAL"] } }).dueBy).toEqual(new Date("2026-06-03T14:30:00.000Z"));
  });

  it("without a policy, the defaults: every flag, 48 hours", () => {
    expect(assessmentDeadline({ ...base, visibleFlags: ["LANGUAGE_BARRIER"] })).toEqual({ dueBy: new Date("2026-06-03T14:30:00.000Z"), basis: "VULNERABILITY_48_HOURS" });
  });
});
