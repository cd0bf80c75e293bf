/**
 * Targets: what an office undertakes to achieve in a period, set against what it achieved (issue 16). A review of a
 * comparable officer network found "no clear link between what was planned last year, what was achieved this year
 * and what is planned"; a target per indicator, office and period, reported beside the actual and the previous
 * period, is that link. Pure: the actuals come from the reports' indicators (lib/reports/queries.ts).
 */

export const TARGET_INDICATORS = [
  "ASSESSED_BEFORE_SEVEN_DAY_REVIEW",
  "ASSESSED_WITH_INTERVIEW",
  "VULNERABLE_ASSESSED_IN_WINDOW",
  "MEDIAN_DAYS_TO_ASSESSMENT",
  "RELEASED_ON_ATD",
  "COMMUNITY_REFERRALS",
  "OVERDUE_REVIEWS",
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

type Definition = {
  /** A share in percent (0–100), a number of days, or a count. */
  unit: "PERCENT" | "DAYS" | "COUNT";
  /** Whether the target is a floor (at least) or a ceiling (at most). */
  direction: "AT_LEAST" | "AT_MOST";
};

export const INDICATOR_DEFINITIONS: Record<TargetIndicator, Definition> = {
  // Of completed assessments, the share completed by the 7-day review's deadline.
  ASSESSED_BEFORE_SEVEN_DAY_REVIEW: { unit: "PERCENT", direction: "AT_LEAST" },
  // Of completed assessments, the share that record an interview with the person.
  ASSESSED_WITH_INTERVIEW: { unit: "PERCENT", direction: "AT_LEAST" },
  // Of people with a vulnerability flag, the share assessed within the early window (policy: earlyAssessmentHours).
  VULNERABLE_ASSESSED_IN_WINDOW: { unit: "PERCENT", direction: "AT_LEAST" },
  // Median days from detention to a completed assessment.
  MEDIAN_DAYS_TO_ASSESSMENT: { unit: "DAYS", direction: "AT_MOST" },
  // Of releases, the share on alternatives to detention (at least one ATD measure in the conditions).
  RELEASED_ON_ATD: { unit: "PERCENT", direction: "AT_LEAST" },
  // Of referrals sent, the share to community (non-contracted) providers.
  COMMUNITY_REFERRALS: { unit: "PERCENT", direction: "AT_LEAST" },
  // Reviews held late or overdue now. The expectation is zero.
  OVERDUE_REVIEWS: { unit: "COUNT", direction: "AT_MOST" },
};

/** The largest value a target may take for its unit. */
export function targetMaximum(indicator: TargetIndicator): number {
  const unit = INDICATOR_DEFINITIONS[indicator].unit;
  return unit === "PERCENT" ? 100 : unit === "DAYS" ? 365 : 100_000;
}

/** The counts an actual is computed from: one group of the reports' indicators, plus referrals by provider kind. */
export type IndicatorCounts = {
  assessed: number;
  assessedBeforeSevenDay: number;
  interviewed: number;
  vulnerable: number;
  vulnerableAssessedInWindow: number;
  medianDaysToAssessment: number | null;
  released: number;
  releasedOnAtd: number;
  referralsSent: number;
  communityReferralsSent: number;
  overdueReviews: number;
};

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/** What was achieved on an indicator: null when there is nothing to measure (no assessment, no release…). */
export function actualValue(indicator: TargetIndicator, counts: IndicatorCounts): number | null {
  switch (indicator) {
    case "ASSESSED_BEFORE_SEVEN_DAY_REVIEW":
      return share(counts.assessedBeforeSevenDay, counts.assessed);
    case "ASSESSED_WITH_INTERVIEW":
      return share(counts.interviewed, counts.assessed);
    case "VULNERABLE_ASSESSED_IN_WINDOW":
      return share(counts.vulnerableAssessedInWindow, counts.vulnerable);
    case "MEDIAN_DAYS_TO_ASSESSMENT":
      return counts.medianDaysToAssessment === null ? null : Math.round(counts.medianDaysToAssessment * 10) / 10;
    case "RELEASED_ON_ATD":
      return share(counts.releasedOnAtd, counts.released);
    case "COMMUNITY_REFERRALS":
      return share(counts.communityReferralsSent, counts.referralsSent);
    case "OVERDUE_REVIEWS":
      return counts.overdueReviews;
  }
}

export type Assessment = {
  target: number | null;
  actual: number | null;
  /** Actual minus target, in the indicator's unit (percentage points for a share); null without both. */
  gap: number | null;
  /** Met, missed, or null when there is no target or nothing to measure. */
  met: boolean | null;
};

/** A target against its actual: the gap, signed as actual − target, and whether it was met in its direction. */
export function assess(indicator: TargetIndicator, target: number | null, actual: number | null): Assessment {
  if (target === null || actual === null) return { target, actual, gap: null, met: null };
  const gap = Math.round((actual - target) * 10) / 10;
  const met = INDICATOR_DEFINITIONS[indicator].direction === "AT_LEAST" ? actual >= target : actual <= target;
  return { target, actual, gap, met };
}

// ------------------------------------------------------------------ periods

/** A reporting period: a quarter ("2026-Q4") or a year ("2026"). */
export type Period = { kind: "QUARTER"; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: "YEAR"; year: number };

const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

/** Reads "2026-Q4" or "2026"; null for anything else (years 2000–2100). */
export function parsePeriod(text: string): Period | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  return match[2] ? { kind: "QUARTER", year, quarter: Number(match[2]) as 1 | 2 | 3 | 4 } : { kind: "YEAR", year };
}

export function periodKey(period: Period): string {
  return period.kind === "YEAR" ? String(period.year) : `${period.year}-Q${period.quarter}`;
}

const pad = (value: number) => String(value).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period's first and last calendar days (inclusive, in each office's own calendar, as the reports count them). */
export function periodDates(period: Period): { from: string; to: string } {
  if (period.kind === "YEAR") return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  const firstMonth = (period.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { from: `${period.year}-${pad(firstMonth)}-01`, to: `${period.year}-${pad(lastMonth)}-${pad(lastDayOfMonth(period.year, lastMonth))}` };
}

/** The period before: the previous quarter (Q1's is the last quarter of the year before) or year. */
export function previousPeriod(period: Period): Period {
  if (period.kind === "YEAR") return { kind: "YEAR", year: period.year - 1 };
  return period.quarter === 1 ? { kind: "QUARTER", year: period.year - 1, quarter: 4 } : { kind: "QUARTER", year: period.year, quarter: (period.quarter - 1) as 1 | 2 | 3 };
}

/** The quarter a calendar date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { kind: "QUARTER", year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** One target as set: an indicator's value for an office and a period. */
export type TargetSetting = { indicator: TargetIndicator; period: string; value: number };

/**
 * The target that applies to an indicator in a period: the period's own; for a quarter without one, its year's (a
 * yearly expectation holds in each quarter: shares, medians and a ceiling of zero read the same over a quarter).
 * A yearly COUNT target other than zero is not split over quarters: the quarter then has no target.
 */
export function targetFor(targets: readonly TargetSetting[], indicator: TargetIndicator, period: Period): number | null {
  const own = targets.find((target) => target.indicator === indicator && target.period === periodKey(period));
  if (own) return own.value;
  if (period.kind === "YEAR") return null;
  const yearly = targets.find((target) => target.indicator === indicator && target.period === String(period.year));
  if (!yearly) return null;
  if (INDICATOR_DEFINITIONS[indicator].unit === "COUNT" && yearly.value !== 0) return null;
  return yearly.value;
}
