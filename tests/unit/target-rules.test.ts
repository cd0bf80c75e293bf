import { describe, expect, it } from "vitest";
import { actualValue, assess, parsePeriod, periodDates, periodKey, previousPeriod, quarterOf, targetFor, TARGET_INDICATORS, type IndicatorCounts, type TargetSetting } from "@/lib/targets/rules";

const counts: IndicatorCounts = {
  assessed: 40,
  assessedBeforeSevenDay: 30,
  interviewed: 36,
  vulnerable: 12,
  vulnerableAssessedInWindow: 9,
  medianDaysToAssessment: 4.26,
  released: 20,
  releasedOnAtd: 15,
  referralsSent: 8,
  communityReferralsSent: 3,
  overdueReviews: 2,
};

describe("what was achieved", () => {
  it.each([
    ["ASSESSED_BEFORE_SEVEN_DAY_REVIEW", 75],
    ["ASSESSED_WITH_INTERVIEW", 90],
    ["VULNERABLE_ASSESSED_IN_WINDOW", 75],
    ["MEDIAN_DAYS_TO_ASSESSMENT", 4.3],
    ["RELEASED_ON_ATD", 75],
    ["COMMUNITY_REFERRALS", 37.5],
    ["OVERDUE_REVIEWS", 2],
  ] as const)("%s is %s", (indicator, expected) => {
    expect(actualValue(indicator, counts)).toBe(expected);
  });

  it("is nothing to measure, not zero, when the whole is empty", () => {
    const empty = { ...counts, assessed: 0, assessedBeforeSevenDay: 0, interviewed: 0, vulnerable: 0, vulnerableAssessedInWindow: 0, medianDaysToAssessment: null, released: 0, releasedOnAtd: 0, referralsSent: 0, communityReferralsSent: 0, overdueReviews: 0 };
    for (const indicator of TARGET_INDICATORS) {
      expect(actualValue(indicator, empty), indicator).toBe(indicator === "OVERDUE_REVIEWS" ? 0 : null);
    }
  });
});

describe("a target against its actual", () => {
  it("a floor is met at or above it; the gap is actual minus target", () => {
    expect(assess("ASSESSED_WITH_INTERVIEW", 80, 90)).toEqual({ target: 80, actual: 90, gap: 10, met: true });
    expect(assess("ASSESSED_WITH_INTERVIEW", 80, 80)).toMatchObject({ gap: 0, met: true });
    expect(assess("RELEASED_ON_ATD", 80, 75)).toMatchObject({ gap: -5, met: false });
  });
  it("a ceiling is met at or below it", () => {
    expect(assess("MEDIAN_DAYS_TO_ASSESSMENT", 5, 4.3)).toMatchObject({ gap: -0.7, met: true });
    expect(assess("OVERDUE_REVIEWS", 0, 2)).toMatchObject({ gap: 2, met: false });
    expect(assess("OVERDUE_REVIEWS", 0, 0)).toMatchObject({ gap: 0, met: true });
  });
  it("says nothing without a target or without anything measured", () => {
    expect(assess("RELEASED_ON_ATD", null, 75)).toEqual({ target: null, actual: 75, gap: null, met: null });
    expect(assess("RELEASED_ON_ATD", 80, null)).toEqual({ target: 80, actual: null, gap: null, met: null });
  });
});

describe("periods", () => {
  it("reads quarters and years, and nothing else", () => {
    expect(parsePeriod("2026-Q4")).toEqual({ kind: "QUARTER", year: 2026, quarter: 4 });
    expect(parsePeriod("2026")).toEqual({ kind: "YEAR", year: 2026 });
    for (const wrong of ["2026-Q5", "2026-Q0", "2026Q1", "26-Q1", "1999", "2026-q1", " 2026", "2026-Q1\n"]) expect(parsePeriod(wrong), wrong).toBeNull();
  });
  it("knows each period's days, leap years included", () => {
    expect(periodDates({ kind: "QUARTER", year: 2028, quarter: 1 })).toEqual({ from: "2028-01-01", to: "2028-03-31" });
    expect(periodDates({ kind: "QUARTER", year: 2026, quarter: 2 })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodDates({ kind: "QUARTER", year: 2026, quarter: 4 })).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodDates({ kind: "YEAR", year: 2026 })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
  it("steps back a quarter across the year, and a year", () => {
    expect(periodKey(previousPeriod({ kind: "QUARTER", year: 2026, quarter: 1 }))).toBe("2025-Q4");
    expect(periodKey(previousPeriod({ kind: "QUARTER", year: 2026, quarter: 3 }))).toBe("2026-Q2");
    expect(periodKey(previousPeriod({ kind: "YEAR", year: 2026 }))).toBe("2025");
    expect(periodKey(quarterOf("2026-11-30"))).toBe("2026-Q4");
    expect(periodKey(quarterOf("2026-01-01"))).toBe("2026-Q1");
  });
});

describe("which target applies", () => {
  const targets: TargetSetting[] = [
    { indicator: "ASSESSED_WITH_INTERVIEW", period: "2026", value: 80 },
    { indicator: "ASSESSED_WITH_INTERVIEW", period: "2026-Q4", value: 85 },
    { indicator: "OVERDUE_REVIEWS", period: "2026", value: 0 },
    { indicator: "COMMUNITY_REFERRALS", period: "2026", value: 25 },
  ];
  it("the quarter's own, else its year's", () => {
    expect(targetFor(targets, "ASSESSED_WITH_INTERVIEW", { kind: "QUARTER", year: 2026, quarter: 4 })).toBe(85);
    expect(targetFor(targets, "ASSESSED_WITH_INTERVIEW", { kind: "QUARTER", year: 2026, quarter: 3 })).toBe(80);
    expect(targetFor(targets, "COMMUNITY_REFERRALS", { kind: "QUARTER", year: 2026, quarter: 1 })).toBe(25);
    expect(targetFor(targets, "ASSESSED_WITH_INTERVIEW", { kind: "QUARTER", year: 2025, quarter: 4 })).toBeNull();
    expect(targetFor(targets, "RELEASED_ON_ATD", { kind: "YEAR", year: 2026 })).toBeNull();
  });
  it("a yearly ceiling of zero holds in each quarter; a yearly count other than zero is not split", () => {
    expect(targetFor(targets, "OVERDUE_REVIEWS", { kind: "QUARTER", year: 2026, quarter: 2 })).toBe(0);
    expect(targetFor([{ indicator: "OVERDUE_REVIEWS", period: "2026", value: 8 }], "OVERDUE_REVIEWS", { kind: "QUARTER", year: 2026, quarter: 2 })).toBeNull();
  });
});
