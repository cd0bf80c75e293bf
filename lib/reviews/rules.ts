/**
 * The detention review clock: when the Immigration Division (ID) must next review a detention.
 *
 * Pure functions, no I/O. Legal facts, their sources and the design: docs/domain.md,
 * "The review clock". Instants are UTC `Date`s; day boundaries are taken on the calendar of the
 * facility's IANA time zone (Canada spans six), so "by the end of 10 June" in St. John's and in
 * Vancouver are different instants, and a 23- or 25-hour day at a daylight-saving change still
 * ends at local midnight.
 *
 * A person transferred between facilities in different zones: each day is taken in the zone of the facility where
 * the person was held that day (ScheduleInput.zones). A period's first day is the event's date where the person was
 * held at the event; its last day ends at local midnight in the zone where the person is held at that midnight, the
 * earlier instant when a transfer between two zones' midnights leaves it ambiguous (lib/transfers/rules.ts
 * heldDayBoundary). The 48-hour first review counts elapsed hours and no transfer moves it.
 */
import { assertInstant, assertTimeZone, endOfLocalDayAfter, instantToWallClock, wallClockToInstant } from "@/lib/time/facility-clock";
import { assertZoneHistory, endOfHeldDay, endOfHeldDayAfter, singleZone, startOfHeldDayAfterMonths, type ZoneHistory } from "@/lib/transfers/rules";

// The review clock's day arithmetic is the facility clock's; these stay exported here for the rules' callers.
export { addLocalDays, addLocalMonths, endOfLocalDay, startOfLocalDay } from "@/lib/time/facility-clock";

export type ReviewInput = {
  startedOn: Date;
  concludedOn?: Date | null;
  outcome: "CONTINUED" | "RELEASE_ORDERED" | "ADJOURNED" | "WITHDRAWN";
  early?: boolean;
};

export type ScheduleInput = {
  /** The instant of detention (UTC). */
  detainedAt: Date;
  /** IANA zone of the facility, e.g. "America/Toronto". */
  timeZone: string;
  /**
   * The zones of the facilities where the person was held, in time order (lib/transfers/rules.ts
   * facilityZoneHistory), for a person transferred between facilities. Each day boundary of the clock is then taken
   * in the zone of the facility where the person was held that day (rule: lib/transfers/rules.ts heldDayBoundary).
   * Absent: `timeZone` throughout.
   */
  zones?: ZoneHistory;
  schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL";
  /** The reviews of this detention only, in any order. */
  reviews: ReviewInput[];
  releasedAt?: Date | null;
  now: Date;
  /** The "due soon" horizon in hours (the policy in force now); default DUE_SOON_HOURS. */
  dueSoonHours?: number;
};

export type NextReview = {
  kind: "FORTY_EIGHT_HOUR" | "SEVEN_DAY" | "THIRTY_DAY" | "DFN_FOURTEEN_DAY" | "DFN_SIX_MONTH";
  dueBy: Date;
  notBefore?: Date;
  status: "UPCOMING" | "DUE_SOON" | "OVERDUE";
  needsCheck: boolean;
};

type ReviewStatus = NextReview["status"];
type ReviewSchedule = { next: NextReview | null; officerReleaseWindowOpen: boolean };
type NextReviewDeadline = Omit<NextReview, "status">;
/** A review whose hearing took place (began), so it counts in the chain. */
type HeldReview = ReviewInput & { outcome: Exclude<ReviewInput["outcome"], "WITHDRAWN"> };

/**
 * A review is "due soon" when its deadline is at most this many hours away: the default of the policy's
 * `dueSoonHours` (lib/policy/rules.ts). Callers pass the horizon in force now (policyInForce) where they have it.
 */
export const DUE_SOON_HOURS = 48;

const MS_PER_HOUR = 60 * 60 * 1000;

/** A horizon is a whole, positive number of hours of at most a week (the policy's bounds are narrower still). */
function assertHorizon(hours: number): void {
  if (!Number.isInteger(hours) || hours < 1 || hours > THIS_WEEK_HOURS) {
    throw new RangeError(`The due-soon horizon must be a whole number of hours from 1 to ${THIS_WEEK_HOURS}; got ${String(hours)}.`);
  }
}

// IRPA s.57(1): first review "within 48 hours after" the person is taken into detention, counted in
// elapsed hours from the instant of detention, not in calendar days.
export const FIRST_REVIEW_HOURS = 48;
// IRPA s.57(2): second review "at least once during the seven days following" the first review.
const SECOND_REVIEW_DAYS = 7;
// IRPA s.57(2): then "at least once during each 30-day period following each previous review".
const LATER_REVIEW_DAYS = 30;
// IRPA s.57.1(1): a designated foreign national's first review "within 14 days after the day on which"
// they are taken into detention.
const DFN_FIRST_REVIEW_DAYS = 14;
// IRPA s.57.1(2): then "on the expiry of six months following the conclusion of the previous review".
const DFN_LATER_REVIEW_MONTHS = 6;
// ID Rule 8(2): the Minister's disclosure at least 3 clear days before the hearing; with both the
// disclosure day and the hearing day excluded (Interpretation Act s.27(1)), the last day is hearing - 4.
const MINISTER_DISCLOSURE_DAYS_BEFORE_HEARING = 4;

/** IRPA s.57(1): the latest lawful first review, exactly 48 hours after the instant of detention. */
export function firstReviewDueBy(detainedAt: Date): Date {
  return new Date(detainedAt.getTime() + FIRST_REVIEW_HOURS * MS_PER_HOUR);
}

/** IRPA s.57(2): the second review is due by the end of the 7th local day after the first review began. */
export function secondReviewDueBy(firstReviewStartedOn: Date, timeZone: string): Date {
  return endOfLocalDayAfter(firstReviewStartedOn, SECOND_REVIEW_DAYS, timeZone);
}

/** IRPA s.57.1(1): a designated foreign national's first review, by the end of the 14th day after detention. */
export function designatedForeignNationalFirstReviewDueBy(detainedAt: Date, timeZone: string): Date {
  return endOfLocalDayAfter(detainedAt, DFN_FIRST_REVIEW_DAYS, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Status and disclosure
// ---------------------------------------------------------------------------------------------

/**
 * OVERDUE once `now` is past the deadline; DUE_SOON when the deadline is at most `dueSoonHours` (the
 * policy's horizon, default DUE_SOON_HOURS) away (the deadline instant itself is still DUE_SOON); UPCOMING otherwise.
 */
export function reviewStatus(dueBy: Date, now: Date, dueSoonHours: number = DUE_SOON_HOURS): ReviewStatus {
  assertInstant(dueBy, "The review deadline (dueBy)");
  assertInstant(now, "The current time (now)");
  assertHorizon(dueSoonHours);
  const remainingMs = dueBy.getTime() - now.getTime();
  if (remainingMs < 0) return "OVERDUE";
  if (remainingMs <= dueSoonHours * MS_PER_HOUR) return "DUE_SOON";
  return "UPCOMING";
}

/**
 * When the Minister's disclosure for a 7- or 30-day review hearing is due: ID Rule 8(2) requires it
 * at least 3 clear days before the hearing (Interpretation Act s.27(1): clear days exclude both the
 * day of disclosure and the day of the hearing), so by the end of the local day 4 days before the
 * hearing's local date. A hearing on 10 June: clear days 7, 8 and 9 June; disclosure by the end of 6 June.
 */
export function ministerDisclosureDue(hearingAt: Date, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(hearingAt, "The hearing date (hearingAt)");
  return endOfLocalDayAfter(hearingAt, -MINISTER_DISCLOSURE_DAYS_BEFORE_HEARING, timeZone);
}

// ---------------------------------------------------------------------------------------------
// The schedule
// ---------------------------------------------------------------------------------------------

/**
 * The reviews that took place, oldest first. A WITHDRAWN review is a hearing that did not take
 * place: it neither counts towards the review's kind nor restarts any period. An ADJOURNED review
 * began, so it counts as held (the next period runs from its start: see nextStandardReview).
 */
function heldReviewsInOrder(reviews: readonly ReviewInput[]): HeldReview[] {
  return reviews
    .filter((review): review is HeldReview => review.outcome !== "WITHDRAWN")
    .sort((a, b) => a.startedOn.getTime() - b.startedOn.getTime());
}

/**
 * The standard schedule, IRPA s.57: 48 hours, then 7 days, then every 30 days. The kind of the
 * next review follows from how many reviews have been held.
 */
function nextStandardReview(detainedAt: Date, zones: ZoneHistory, held: readonly HeldReview[]): NextReviewDeadline {
  const previous = held.at(-1);
  if (previous === undefined) {
    // IRPA s.57(1): within 48 hours of the instant of detention, exact to the millisecond (elapsed hours: no
    // zone, so a transfer never moves it). Past it
    // the review must be held "without delay"; nobody is released automatically, so it is OVERDUE.
    return {
      kind: "FORTY_EIGHT_HOUR",
      dueBy: firstReviewDueBy(detainedAt),
      needsCheck: false,
    };
  }
  // An adjourned review: no source settles whether the next period runs from the day it began or
  // the day it concluded. We count from the day it began (startedOn), the earlier and so safer
  // deadline, and flag the case so a person checks the schedule (docs/domain.md, "Adjourned review").
  const needsCheck = previous.outcome === "ADJOURNED";
  if (held.length === 1) {
    // IRPA s.57(2): at least once during the 7 days following the first review.
    return {
      kind: "SEVEN_DAY",
      dueBy: endOfHeldDayAfter(previous.startedOn, SECOND_REVIEW_DAYS, zones),
      needsCheck,
    };
  }
  // IRPA s.57(2): at least once during each 30-day period following each previous review. Every
  // review held, an early one (ID Rule 9) included, is a "previous review" and restarts the 30 days.
  return {
    kind: "THIRTY_DAY",
    dueBy: endOfHeldDayAfter(previous.startedOn, LATER_REVIEW_DAYS, zones),
    needsCheck,
  };
}

/**
 * The schedule for designated foreign nationals, IRPA s.57.1: a schedule of its own, 14 days after
 * detention, then every six months and never before.
 */
function nextDesignatedForeignNationalReview(
  detainedAt: Date,
  zones: ZoneHistory,
  held: readonly HeldReview[],
): NextReviewDeadline {
  const previous = held.at(-1);
  if (previous === undefined) {
    // IRPA s.57.1(1): within 14 days after the day of detention; that day is excluded and the 14th
    // included (Interpretation Act s.27(2)), so detained on 1 June, reviewed by the end of 15 June.
    return {
      kind: "DFN_FOURTEEN_DAY",
      dueBy: endOfHeldDayAfter(detainedAt, DFN_FIRST_REVIEW_DAYS, zones),
      needsCheck: false,
    };
  }
  // IRPA s.57.1(2): "on the expiry of six months following the conclusion of the previous review",
  // and the ID "may not do so before the expiry of that period". Counted on the local calendar
  // (Interpretation Act s.28): the day of conclusion is excluded and the period ends on the same day
  // number six months later, or the last day of that month when it has no such day.
  // Our reading: that last day of the period is the review day. notBefore is its first instant and
  // dueBy its last, so the review is shown as due on that day and not before. (A strictly literal
  // reading of "on the expiry" would put the review on the following day; the flag below and the
  // notBefore field let a person see the window.)
  // An adjourned review has not concluded: as in the standard schedule we count from the day it
  // began (the earlier deadline) and flag the case for a person to check.
  const needsCheck = previous.outcome === "ADJOURNED";
  const periodStart = needsCheck ? previous.startedOn : (previous.concludedOn ?? previous.startedOn);
  const reviewDay = startOfHeldDayAfterMonths(periodStart, DFN_LATER_REVIEW_MONTHS, zones);
  return {
    kind: "DFN_SIX_MONTH",
    dueBy: endOfHeldDay(reviewDay, zones),
    notBefore: reviewDay,
    needsCheck,
  };
}

/**
 * The next review of one detention and whether a CBSA officer may still release the person.
 * `reviews` must be the reviews of this detention only: a new detention of the same person starts
 * a new chain from its own detainedAt (reading of "taken into detention" in IRPA s.57(1)).
 */
export function computeReviewSchedule(input: ScheduleInput): ReviewSchedule {
  assertTimeZone(input.timeZone);
  const zones = input.zones ?? singleZone(input.timeZone);
  assertZoneHistory(zones);
  assertInstant(input.detainedAt, "The detention time (detainedAt)");
  assertInstant(input.now, "The current time (now)");
  if (input.releasedAt !== undefined && input.releasedAt !== null) {
    assertInstant(input.releasedAt, "The release time (releasedAt)");
  }
  input.reviews.forEach((review, index) => {
    assertInstant(review.startedOn, `Review ${index + 1}: the start (startedOn)`);
    if (review.concludedOn !== undefined && review.concludedOn !== null) {
      assertInstant(review.concludedOn, `Review ${index + 1}: the conclusion (concludedOn)`);
    }
  });

  const held = heldReviewsInOrder(input.reviews);
  // Release ends the chain: no further review is owed while the person is not detained.
  const released =
    (input.releasedAt !== undefined && input.releasedAt !== null) || held.at(-1)?.outcome === "RELEASE_ORDERED";

  let deadline: NextReviewDeadline;
  let officerReleaseWindowOpen: boolean;
  switch (input.schedule) {
    case "STANDARD":
      deadline = nextStandardReview(input.detainedAt, zones, held);
      // IRPA s.56(1): an officer may release, with or without conditions, only before the first
      // review by the ID; a withdrawn hearing was not a review, so it does not close the window.
      officerReleaseWindowOpen = held.length === 0 && !released;
      break;
    case "DESIGNATED_FOREIGN_NATIONAL":
      deadline = nextDesignatedForeignNationalReview(input.detainedAt, zones, held);
      // IRPA s.56(1)'s officer release does not apply to a designated foreign national: before the
      // ID orders release, only the Minister may release them (s.58.1).
      officerReleaseWindowOpen = false;
      break;
    default: {
      const unknownSchedule: never = input.schedule;
      throw new RangeError(
        `Unknown review schedule ${JSON.stringify(unknownSchedule)}: expected "STANDARD" or "DESIGNATED_FOREIGN_NATIONAL".`,
      );
    }
  }

  if (released) return { next: null, officerReleaseWindowOpen };
  return { next: { ...deadline, status: reviewStatus(deadline.dueBy, input.now, input.dueSoonHours) }, officerReleaseWindowOpen };
}

// ---------------------------------------------------------------------------------------------
// Dashboard grouping
// ---------------------------------------------------------------------------------------------

/** How urgent a next review is on the dashboard, most urgent first. */
export const DASHBOARD_GROUPS = ["OVERDUE", "DUE_SOON", "THIS_WEEK", "LATER"] as const;
export type DashboardGroup = (typeof DASHBOARD_GROUPS)[number];

/** "This week" on the dashboard: due within seven days (168 hours) of now. */
export const THIS_WEEK_HOURS = 7 * 24;

/**
 * The dashboard group of a review deadline. The boundaries follow reviewStatus: past the deadline is
 * OVERDUE; up to `dueSoonHours` away (the deadline instant included) is DUE_SOON; then up to seven days is
 * THIS_WEEK; anything further is LATER. The policy caps the horizon at seven days, so THIS_WEEK may be empty
 * but the groups never overlap.
 */
export function dashboardGroup(dueBy: Date, now: Date, dueSoonHours: number = DUE_SOON_HOURS): DashboardGroup {
  const status = reviewStatus(dueBy, now, dueSoonHours);
  if (status === "OVERDUE") return "OVERDUE";
  if (status === "DUE_SOON") return "DUE_SOON";
  return dueBy.getTime() - now.getTime() <= THIS_WEEK_HOURS * MS_PER_HOUR ? "THIS_WEEK" : "LATER";
}

/**
 * The same groups as half-open ranges of dueBy, so a query can count and filter them in SQL:
 * `gte` inclusive, `lt` exclusive (either may be absent). Consistent with dashboardGroup.
 */
export function dashboardGroupRange(group: DashboardGroup, now: Date, dueSoonHours: number = DUE_SOON_HOURS): { gte?: Date; lt?: Date } {
  assertInstant(now, "The current time (now)");
  assertHorizon(dueSoonHours);
  const soon = new Date(now.getTime() + dueSoonHours * MS_PER_HOUR + 1);
  const week = new Date(now.getTime() + THIS_WEEK_HOURS * MS_PER_HOUR + 1);
  switch (group) {
    case "OVERDUE":
      return { lt: now };
    case "DUE_SOON":
      return { gte: now, lt: soon };
    case "THIS_WEEK":
      return { gte: soon, lt: week };
    case "LATER":
      return { gte: week };
  }
}

/** Reviews whose hearing must be preceded by the Minister's disclosure (ID Rule 8(2): 7- and 30-day reviews). */
export function needsMinisterDisclosure(kind: string): boolean {
  return kind === "SEVEN_DAY" || kind === "THIRTY_DAY";
}

/**
 * A local date ("2026-06-10") and time ("14:30") in a facility's zone as a UTC instant. Returns null
 * when the date or time does not exist (31 February, 25:00) rather than rolling over silently.
 */
export const localDateTimeToInstant = wallClockToInstant;

/** The local date ("2026-06-10") and time ("14:30") of an instant in a facility's zone: for form defaults. */
export const instantToLocalDateTime = instantToWallClock;
