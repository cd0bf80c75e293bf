/**
 * The detention review clock (lib/reviews/rules.ts), as tables of cases that read like the domain.
 * Every expected instant is written by hand with its local offset: Toronto is -05:00 (EST) or
 * -04:00 (EDT, from 8 March to 1 November 2026), St. John's -03:30 / -02:30, Vancouver -08:00 / -07:00.
 */
import { describe, expect, it } from "vitest";

import {
  DUE_SOON_HOURS,
  addLocalDays,
  addLocalMonths,
  computeReviewSchedule,
  endOfLocalDay,
  ministerDisclosureDue,
  reviewStatus,
  startOfLocalDay,
  type NextReview,
  type ReviewInput,
  type ScheduleInput,
} from "@/lib/reviews/rules";

const TORONTO = "America/Toronto";
const ST_JOHNS = "America/St_Johns";
const VANCOUVER = "America/Vancouver";

const at = (iso: string): Date => new Date(iso);

/** A review that began at `startedOn` (ISO with offset), by default continuing detention. */
function review(
  startedOn: string,
  outcome: ReviewInput["outcome"] = "CONTINUED",
  extra: { concludedOn?: string | null; early?: boolean } = {},
): ReviewInput {
  const { concludedOn, early } = extra;
  return {
    startedOn: at(startedOn),
    outcome,
    ...(concludedOn === undefined ? {} : { concludedOn: concludedOn === null ? null : at(concludedOn) }),
    ...(early === undefined ? {} : { early }),
  };
}

type ScheduleCase = {
  name: string;
  input: ScheduleInput;
  next: NextReview | null;
  officerReleaseWindowOpen: boolean;
};

function standard(detainedAt: string, now: string, reviews: ReviewInput[] = [], timeZone = TORONTO): ScheduleInput {
  return { detainedAt: at(detainedAt), timeZone, schedule: "STANDARD", reviews, now: at(now) };
}

function designatedForeignNational(
  detainedAt: string,
  now: string,
  reviews: ReviewInput[] = [],
  timeZone = TORONTO,
): ScheduleInput {
  return { detainedAt: at(detainedAt), timeZone, schedule: "DESIGNATED_FOREIGN_NATIONAL", reviews, now: at(now) };
}

function due(
  kind: NextReview["kind"],
  dueBy: string,
  status: NextReview["status"],
  needsCheck = false,
  notBefore?: string,
): NextReview {
  return {
    kind,
    dueBy: at(dueBy),
    ...(notBefore === undefined ? {} : { notBefore: at(notBefore) }),
    status,
    needsCheck,
  };
}

const standardCases: ScheduleCase[] = [
  // IRPA s.57(1): 48 hours, exact.
  {
    name: "first review is due exactly 48 hours after the instant of detention, to the millisecond, and an officer may still release",
    input: standard("2026-06-01T14:37:12.345-04:00", "2026-06-01T15:00:00.000-04:00"),
    next: due("FORTY_EIGHT_HOUR", "2026-06-03T14:37:12.345-04:00", "DUE_SOON"),
    officerReleaseWindowOpen: true,
  },
  {
    name: "first review after a detention the evening before the spring-forward change in Toronto is 48 elapsed hours later (23:00 EDT, not 22:00)",
    input: standard("2026-03-07T22:00:00.000-05:00", "2026-03-07T22:00:00.000-05:00"),
    next: due("FORTY_EIGHT_HOUR", "2026-03-09T23:00:00.000-04:00", "DUE_SOON"),
    officerReleaseWindowOpen: true,
  },
  {
    name: "first review after a detention the evening before the fall-back change in Toronto is 48 elapsed hours later (21:00 EST, not 22:00)",
    input: standard("2026-10-31T22:00:00.000-04:00", "2026-10-31T23:00:00.000-04:00"),
    next: due("FORTY_EIGHT_HOUR", "2026-11-02T21:00:00.000-05:00", "DUE_SOON"),
    officerReleaseWindowOpen: true,
  },
  {
    name: "first review not held 1 ms after its 48 hours is overdue, and an officer may still release until it is held",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-03T09:00:00.001-04:00"),
    next: due("FORTY_EIGHT_HOUR", "2026-06-03T09:00:00.000-04:00", "OVERDUE"),
    officerReleaseWindowOpen: true,
  },
  {
    name: "a withdrawn first hearing is not a review: the 48-hour review is still owed and the officer-release window stays open",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-02T12:00:00.000-04:00", [
      review("2026-06-02T10:00:00.000-04:00", "WITHDRAWN"),
    ]),
    next: due("FORTY_EIGHT_HOUR", "2026-06-03T09:00:00.000-04:00", "DUE_SOON"),
    officerReleaseWindowOpen: true,
  },
  // IRPA s.57(2) + Interpretation Act s.27: 7 days, first review's day excluded.
  {
    name: "second review is due by the end of the 7th day after a first review on 3 June in Toronto, and the officer-release window has closed",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-04T12:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review in St. John's counts from the local date of a first review begun at 23:30 NDT on 3 June (already 4 June in UTC)",
    input: standard(
      "2026-06-01T20:00:00.000-02:30",
      "2026-06-04T12:00:00.000-02:30",
      [review("2026-06-03T23:30:00.000-02:30")],
      ST_JOHNS,
    ),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-02:30", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review in Vancouver counts from the local date of a first review begun at 20:00 PDT on 3 June (already 4 June in UTC)",
    input: standard(
      "2026-06-01T18:00:00.000-07:00",
      "2026-06-05T09:00:00.000-07:00",
      [review("2026-06-03T20:00:00.000-07:00")],
      VANCOUVER,
    ),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-07:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review due on the spring-forward day in Toronto (8 March 2026) ends at 23:59:59.999 EDT",
    input: standard("2026-02-27T10:00:00.000-05:00", "2026-03-02T09:00:00.000-05:00", [
      review("2026-03-01T11:00:00.000-05:00"),
    ]),
    next: due("SEVEN_DAY", "2026-03-08T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review due on the fall-back day in Toronto (1 November 2026) ends at 23:59:59.999 EST",
    input: standard("2026-10-23T10:00:00.000-04:00", "2026-10-26T09:00:00.000-04:00", [
      review("2026-10-25T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-11-01T23:59:59.999-05:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review due on the spring-forward day in St. John's (8 March 2026) ends at 23:59:59.999 NDT (-02:30)",
    input: standard(
      "2026-02-27T10:00:00.000-03:30",
      "2026-03-02T09:00:00.000-03:30",
      [review("2026-03-01T10:00:00.000-03:30")],
      ST_JOHNS,
    ),
    next: due("SEVEN_DAY", "2026-03-08T23:59:59.999-02:30", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review due on the fall-back day in St. John's (1 November 2026) ends at 23:59:59.999 NST (-03:30)",
    input: standard(
      "2026-10-23T10:00:00.000-02:30",
      "2026-10-26T09:00:00.000-02:30",
      [review("2026-10-25T10:00:00.000-02:30")],
      ST_JOHNS,
    ),
    next: due("SEVEN_DAY", "2026-11-01T23:59:59.999-03:30", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "second review after a first review on 22 February 2028 is due by the end of the leap day, 29 February",
    input: standard("2028-02-20T10:00:00.000-05:00", "2028-02-23T09:00:00.000-05:00", [
      review("2028-02-22T10:00:00.000-05:00"),
    ]),
    next: due("SEVEN_DAY", "2028-02-29T23:59:59.999-05:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // IRPA s.57(2): every 30 days after the previous review.
  {
    name: "third review is due by the end of the 30th day after a 7-day review on 10 June (10 July)",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-12T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
    ]),
    next: due("THIRTY_DAY", "2026-07-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "each 30-day review restarts the 30 days: after a review on 8 July the next is due by the end of 7 August",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-07-09T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
      review("2026-07-08T10:00:00.000-04:00"),
    ]),
    next: due("THIRTY_DAY", "2026-08-07T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "an early review (ID Rule 9) on 20 June restarts the 30 days: the next is due by the end of 20 July, not 10 July",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-21T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
      review("2026-06-20T10:00:00.000-04:00", "CONTINUED", { early: true }),
    ]),
    next: due("THIRTY_DAY", "2026-07-20T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "an early review on 5 June, before the 7-day deadline, is the second review and starts the 30 days (due by the end of 5 July)",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-06T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-05T10:00:00.000-04:00", "CONTINUED", { early: true }),
    ]),
    next: due("THIRTY_DAY", "2026-07-05T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "30 days after a review on 7 February 2026 is 9 March, which ends in EDT after the spring-forward change in Toronto",
    input: standard("2026-01-29T10:00:00.000-05:00", "2026-02-08T09:00:00.000-05:00", [
      review("2026-01-31T10:00:00.000-05:00"),
      review("2026-02-07T10:00:00.000-05:00"),
    ]),
    next: due("THIRTY_DAY", "2026-03-09T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "30 days after a review on 15 October 2026 in Vancouver is 14 November, which ends in PST after the fall-back change",
    input: standard(
      "2026-10-06T10:00:00.000-07:00",
      "2026-10-16T09:00:00.000-07:00",
      [review("2026-10-08T10:00:00.000-07:00"), review("2026-10-15T10:00:00.000-07:00")],
      VANCOUVER,
    ),
    next: due("THIRTY_DAY", "2026-11-14T23:59:59.999-08:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "30 days after a review on 30 January 2028 is the leap day, 29 February",
    input: standard("2028-01-21T10:00:00.000-05:00", "2028-01-31T09:00:00.000-05:00", [
      review("2028-01-23T10:00:00.000-05:00"),
      review("2028-01-30T10:00:00.000-05:00"),
    ]),
    next: due("THIRTY_DAY", "2028-02-29T23:59:59.999-05:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "30 days after a review on 30 January 2027, not a leap year, is 1 March",
    input: standard("2027-01-21T10:00:00.000-05:00", "2027-01-31T09:00:00.000-05:00", [
      review("2027-01-23T10:00:00.000-05:00"),
      review("2027-01-30T10:00:00.000-05:00"),
    ]),
    next: due("THIRTY_DAY", "2027-03-01T23:59:59.999-05:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // Adjourned reviews: from the day they began, flagged for a person to check.
  {
    name: "an adjourned first review begun 3 June and concluded 5 June: the 7 days run from 3 June and the case is flagged for a check",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-05T16:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00", "ADJOURNED", { concludedOn: "2026-06-05T15:00:00.000-04:00" }),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "UPCOMING", true),
    officerReleaseWindowOpen: false,
  },
  {
    name: "an adjourned 30-day review begun 1 July and concluded 3 July: the next 30 days run from 1 July, flagged for a check",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-07-04T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
      review("2026-07-01T10:00:00.000-04:00", "ADJOURNED", { concludedOn: "2026-07-03T15:00:00.000-04:00" }),
    ]),
    next: due("THIRTY_DAY", "2026-07-31T23:59:59.999-04:00", "UPCOMING", true),
    officerReleaseWindowOpen: false,
  },
  {
    name: "an adjourned first review followed by a held 7-day review no longer needs a check",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-11T09:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00", "ADJOURNED"),
      review("2026-06-10T10:00:00.000-04:00"),
    ]),
    next: due("THIRTY_DAY", "2026-07-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // Withdrawn hearings did not take place.
  {
    name: "a withdrawn hearing on 8 June neither counts as the 7-day review nor restarts the 7 days after a first review on 3 June",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-08T12:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-08T10:00:00.000-04:00", "WITHDRAWN"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // Reviews given in any order.
  {
    name: "reviews given out of order are ordered by their start: the latest, 8 July, sets the next 30-day deadline",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-07-09T09:00:00.000-04:00", [
      review("2026-07-08T10:00:00.000-04:00"),
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
    ]),
    next: due("THIRTY_DAY", "2026-08-07T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "out of order, an adjourned review that is not the latest does not flag the case",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-11T09:00:00.000-04:00", [
      review("2026-06-10T10:00:00.000-04:00"),
      review("2026-06-03T10:00:00.000-04:00", "ADJOURNED"),
    ]),
    next: due("THIRTY_DAY", "2026-07-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // Release ends the chain.
  {
    name: "a person released by an officer before any review has no next review and no officer-release window",
    input: {
      ...standard("2026-06-01T09:00:00.000-04:00", "2026-06-02T17:00:00.000-04:00"),
      releasedAt: at("2026-06-02T16:00:00.000-04:00"),
    },
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a person released on 20 June after the 7-day review has no next review",
    input: {
      ...standard("2026-06-01T09:00:00.000-04:00", "2026-06-21T09:00:00.000-04:00", [
        review("2026-06-03T10:00:00.000-04:00"),
        review("2026-06-10T10:00:00.000-04:00"),
      ]),
      releasedAt: at("2026-06-20T14:00:00.000-04:00"),
    },
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a recorded release ends the chain even when its time is later than now",
    input: {
      ...standard("2026-06-01T09:00:00.000-04:00", "2026-06-02T09:00:00.000-04:00"),
      releasedAt: at("2026-06-02T15:00:00.000-04:00"),
    },
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a release ordered at the 48-hour review ends the chain",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-03T12:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00", "RELEASE_ORDERED"),
    ]),
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a release ordered at a 30-day review ends the chain",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-07-08T12:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
      review("2026-06-10T10:00:00.000-04:00"),
      review("2026-07-08T10:00:00.000-04:00", "RELEASE_ORDERED"),
    ]),
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a withdrawn hearing after a release order does not reopen the chain",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-12T12:00:00.000-04:00", [
      review("2026-06-11T10:00:00.000-04:00", "WITHDRAWN"),
      review("2026-06-03T10:00:00.000-04:00", "RELEASE_ORDERED"),
    ]),
    next: null,
    officerReleaseWindowOpen: false,
  },
  // Status boundaries on a 7-day review due by the end of 10 June (23:59:59.999 EDT).
  {
    name: "a 7-day review due in exactly 48 hours is due soon",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-08T23:59:59.999-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "DUE_SOON"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a 7-day review due in 48 hours and 1 ms is upcoming",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-08T23:59:59.998-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a 7-day review at the last instant of its 7th day is still due soon, not overdue",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-10T23:59:59.999-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "DUE_SOON"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a 7-day review not held by midnight at the start of 11 June is overdue",
    input: standard("2026-06-01T09:00:00.000-04:00", "2026-06-11T00:00:00.000-04:00", [
      review("2026-06-03T10:00:00.000-04:00"),
    ]),
    next: due("SEVEN_DAY", "2026-06-10T23:59:59.999-04:00", "OVERDUE"),
    officerReleaseWindowOpen: false,
  },
];

const designatedForeignNationalCases: ScheduleCase[] = [
  // IRPA s.57.1(1): 14 days after the day of detention.
  {
    name: "a designated foreign national detained on 1 June is first reviewed by the end of 15 June, and no officer can release them (s.58.1)",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-01T11:00:00.000-04:00"),
    next: due("DFN_FOURTEEN_DAY", "2026-06-15T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a designated foreign national detained at 22:00 NDT on 1 June in St. John's (2 June in UTC) is first reviewed by the end of 15 June local",
    input: designatedForeignNational(
      "2026-06-01T22:00:00.000-02:30",
      "2026-06-02T09:00:00.000-02:30",
      [],
      ST_JOHNS,
    ),
    next: due("DFN_FOURTEEN_DAY", "2026-06-15T23:59:59.999-02:30", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a designated foreign national detained on 25 February 2026 in Toronto is first reviewed by the end of 11 March, in EDT",
    input: designatedForeignNational("2026-02-25T10:00:00.000-05:00", "2026-02-26T10:00:00.000-05:00"),
    next: due("DFN_FOURTEEN_DAY", "2026-03-11T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a designated foreign national's 14-day review not held by the start of 16 June is overdue",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-16T00:00:00.000-04:00"),
    next: due("DFN_FOURTEEN_DAY", "2026-06-15T23:59:59.999-04:00", "OVERDUE"),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a withdrawn hearing does not count as a designated foreign national's 14-day review",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-10T12:00:00.000-04:00", [
      review("2026-06-10T10:00:00.000-04:00", "WITHDRAWN"),
    ]),
    next: due("DFN_FOURTEEN_DAY", "2026-06-15T23:59:59.999-04:00", "UPCOMING"),
    officerReleaseWindowOpen: false,
  },
  // IRPA s.57.1(2) + Interpretation Act s.28: six months after the conclusion, and not before.
  {
    name: "a review concluded on 15 June leads to a six-month review on 15 December, not before its first instant",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-16T09:00:00.000-04:00", [
      review("2026-06-10T10:00:00.000-04:00", "CONTINUED", { concludedOn: "2026-06-15T16:00:00.000-04:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2026-12-15T23:59:59.999-05:00",
      "UPCOMING",
      false,
      "2026-12-15T00:00:00.000-05:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "six months after a review concluded on 31 August 2026 is the last day of February, 28 February 2027",
    input: designatedForeignNational("2026-08-20T10:00:00.000-04:00", "2026-09-01T09:00:00.000-04:00", [
      review("2026-08-31T09:00:00.000-04:00", "CONTINUED", { concludedOn: "2026-08-31T15:00:00.000-04:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2027-02-28T23:59:59.999-05:00",
      "UPCOMING",
      false,
      "2027-02-28T00:00:00.000-05:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "six months after a review concluded on 31 August 2027 is the leap day, 29 February 2028",
    input: designatedForeignNational("2027-08-20T10:00:00.000-04:00", "2027-09-01T09:00:00.000-04:00", [
      review("2027-08-31T09:00:00.000-04:00", "CONTINUED", { concludedOn: "2027-08-31T15:00:00.000-04:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2028-02-29T23:59:59.999-05:00",
      "UPCOMING",
      false,
      "2028-02-29T00:00:00.000-05:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a review concluded at 20:00 PDT on 31 August in Vancouver (1 September in UTC) leads to a six-month review on 28 February local",
    input: designatedForeignNational(
      "2026-08-25T10:00:00.000-07:00",
      "2026-09-01T09:00:00.000-07:00",
      [review("2026-08-31T13:00:00.000-07:00", "CONTINUED", { concludedOn: "2026-08-31T20:00:00.000-07:00" })],
      VANCOUVER,
    ),
    next: due(
      "DFN_SIX_MONTH",
      "2027-02-28T23:59:59.999-08:00",
      "UPCOMING",
      false,
      "2027-02-28T00:00:00.000-08:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "six months run from the conclusion (3 February), not the start (1 February), of the previous review",
    input: designatedForeignNational("2026-01-25T10:00:00.000-05:00", "2026-02-04T09:00:00.000-05:00", [
      review("2026-02-01T10:00:00.000-05:00", "CONTINUED", { concludedOn: "2026-02-03T12:00:00.000-05:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2026-08-03T23:59:59.999-04:00",
      "UPCOMING",
      false,
      "2026-08-03T00:00:00.000-04:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "without a recorded conclusion, six months run from the day the previous review began (10 January to 10 July)",
    input: designatedForeignNational("2026-01-02T10:00:00.000-05:00", "2026-01-11T09:00:00.000-05:00", [
      review("2026-01-10T10:00:00.000-05:00", "CONTINUED", { concludedOn: null }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2026-07-10T23:59:59.999-04:00",
      "UPCOMING",
      false,
      "2026-07-10T00:00:00.000-04:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a designated foreign national's chain, given out of order, runs six months from the latest review (15 December to 15 June)",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-12-16T09:00:00.000-05:00", [
      review("2026-12-15T10:00:00.000-05:00", "CONTINUED", { concludedOn: "2026-12-15T12:00:00.000-05:00" }),
      review("2026-06-10T10:00:00.000-04:00", "CONTINUED", { concludedOn: "2026-06-15T16:00:00.000-04:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2027-06-15T23:59:59.999-04:00",
      "UPCOMING",
      false,
      "2027-06-15T00:00:00.000-04:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "an adjourned designated-foreign-national review begun 10 June runs six months from that day and is flagged for a check",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-13T09:00:00.000-04:00", [
      review("2026-06-10T10:00:00.000-04:00", "ADJOURNED", { concludedOn: "2026-06-12T16:00:00.000-04:00" }),
    ]),
    next: due(
      "DFN_SIX_MONTH",
      "2026-12-10T23:59:59.999-05:00",
      "UPCOMING",
      true,
      "2026-12-10T00:00:00.000-05:00",
    ),
    officerReleaseWindowOpen: false,
  },
  {
    name: "a released designated foreign national has no next review",
    input: {
      ...designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-20T09:00:00.000-04:00", [
        review("2026-06-10T10:00:00.000-04:00", "CONTINUED", { concludedOn: "2026-06-10T12:00:00.000-04:00" }),
      ]),
      releasedAt: at("2026-06-19T15:00:00.000-04:00"),
    },
    next: null,
    officerReleaseWindowOpen: false,
  },
  {
    name: "a release ordered at a designated foreign national's 14-day review ends the chain",
    input: designatedForeignNational("2026-06-01T10:00:00.000-04:00", "2026-06-11T09:00:00.000-04:00", [
      review("2026-06-10T10:00:00.000-04:00", "RELEASE_ORDERED", { concludedOn: "2026-06-10T12:00:00.000-04:00" }),
    ]),
    next: null,
    officerReleaseWindowOpen: false,
  },
];

describe("computeReviewSchedule: the standard schedule (IRPA s.57)", () => {
  it.each(standardCases)("$name", ({ input, next, officerReleaseWindowOpen }) => {
    expect(computeReviewSchedule(input)).toStrictEqual({ next, officerReleaseWindowOpen });
  });

  it("a new detention of a person released earlier starts a new 48-hour chain from its own detention time", () => {
    const firstDetention = computeReviewSchedule(
      standard("2026-06-01T09:00:00.000-04:00", "2026-06-04T09:00:00.000-04:00", [
        review("2026-06-03T10:00:00.000-04:00", "RELEASE_ORDERED"),
      ]),
    );
    const newDetention = computeReviewSchedule(
      standard("2026-09-01T08:00:00.000-04:00", "2026-09-01T09:00:00.000-04:00", []),
    );
    expect(firstDetention).toStrictEqual({ next: null, officerReleaseWindowOpen: false });
    expect(newDetention).toStrictEqual({
      next: due("FORTY_EIGHT_HOUR", "2026-09-03T08:00:00.000-04:00", "DUE_SOON"),
      officerReleaseWindowOpen: true,
    });
  });

  it("does not reorder the reviews it was given", () => {
    const reviews = [review("2026-06-10T10:00:00.000-04:00"), review("2026-06-03T10:00:00.000-04:00")];
    computeReviewSchedule(standard("2026-06-01T09:00:00.000-04:00", "2026-06-11T09:00:00.000-04:00", reviews));
    expect(reviews.map((r) => r.startedOn.toISOString())).toEqual([
      "2026-06-10T14:00:00.000Z",
      "2026-06-03T14:00:00.000Z",
    ]);
  });
});

describe("computeReviewSchedule: designated foreign nationals (IRPA s.57.1)", () => {
  it.each(designatedForeignNationalCases)("$name", ({ input, next, officerReleaseWindowOpen }) => {
    expect(computeReviewSchedule(input)).toStrictEqual({ next, officerReleaseWindowOpen });
  });
});

describe("local day boundaries in the facility's time zone", () => {
  it.each([
    {
      name: "the spring-forward day in Toronto (8 March 2026) begins at 00:00 EST",
      boundary: startOfLocalDay,
      date: "2026-03-08T15:00:00.000-04:00",
      timeZone: TORONTO,
      expected: "2026-03-08T00:00:00.000-05:00",
    },
    {
      name: "the spring-forward day in Toronto (8 March 2026) ends at 23:59:59.999 EDT",
      boundary: endOfLocalDay,
      date: "2026-03-08T01:30:00.000-05:00",
      timeZone: TORONTO,
      expected: "2026-03-08T23:59:59.999-04:00",
    },
    {
      name: "the fall-back day in Toronto (1 November 2026) begins at 00:00 EDT",
      boundary: startOfLocalDay,
      date: "2026-11-01T22:00:00.000-05:00",
      timeZone: TORONTO,
      expected: "2026-11-01T00:00:00.000-04:00",
    },
    {
      name: "the fall-back day in Toronto (1 November 2026), seen from the first 01:30, ends at 23:59:59.999 EST",
      boundary: endOfLocalDay,
      date: "2026-11-01T01:30:00.000-04:00",
      timeZone: TORONTO,
      expected: "2026-11-01T23:59:59.999-05:00",
    },
    {
      name: "in St. John's, 22:30 NDT on 10 June (already 11 June in UTC) belongs to a day ending at 23:59:59.999 NDT on 10 June",
      boundary: endOfLocalDay,
      date: "2026-06-11T01:00:00.000Z",
      timeZone: ST_JOHNS,
      expected: "2026-06-10T23:59:59.999-02:30",
    },
    {
      name: "in St. John's, 23:30 NST on 14 January (already 15 January in UTC) belongs to a day beginning at 00:00 NST on 14 January",
      boundary: startOfLocalDay,
      date: "2026-01-15T03:00:00.000Z",
      timeZone: ST_JOHNS,
      expected: "2026-01-14T00:00:00.000-03:30",
    },
    {
      name: "the spring-forward day in St. John's (8 March 2026) ends at 23:59:59.999 NDT",
      boundary: endOfLocalDay,
      date: "2026-03-08T12:00:00.000-02:30",
      timeZone: ST_JOHNS,
      expected: "2026-03-08T23:59:59.999-02:30",
    },
    {
      name: "in Vancouver, 23:00 PDT on 10 June (already 11 June in UTC) belongs to a day ending at 23:59:59.999 PDT on 10 June",
      boundary: endOfLocalDay,
      date: "2026-06-11T06:00:00.000Z",
      timeZone: VANCOUVER,
      expected: "2026-06-10T23:59:59.999-07:00",
    },
    {
      name: "in Vancouver, 23:00 PDT on 10 June belongs to a day beginning at 00:00 PDT on 10 June",
      boundary: startOfLocalDay,
      date: "2026-06-11T06:00:00.000Z",
      timeZone: VANCOUVER,
      expected: "2026-06-10T00:00:00.000-07:00",
    },
    {
      name: "the leap day, 29 February 2028, in Toronto ends at 23:59:59.999 EST",
      boundary: endOfLocalDay,
      date: "2028-02-29T12:00:00.000-05:00",
      timeZone: TORONTO,
      expected: "2028-02-29T23:59:59.999-05:00",
    },
  ])("$name", ({ boundary, date, timeZone, expected }) => {
    expect(boundary(at(date), timeZone)).toStrictEqual(at(expected));
  });

  it.each([
    { name: "the spring-forward day in Toronto lasts 23 hours", date: "2026-03-08T12:00:00.000-04:00", hours: 23 },
    { name: "the fall-back day in Toronto lasts 25 hours", date: "2026-11-01T12:00:00.000-05:00", hours: 25 },
    { name: "an ordinary day in Toronto lasts 24 hours", date: "2026-06-10T12:00:00.000-04:00", hours: 24 },
  ])("$name", ({ date, hours }) => {
    const lengthMs = endOfLocalDay(at(date), TORONTO).getTime() + 1 - startOfLocalDay(at(date), TORONTO).getTime();
    expect(lengthMs).toBe(hours * 60 * 60 * 1000);
  });
});

describe("calendar arithmetic on the facility's local dates", () => {
  it.each([
    {
      name: "31 January 2026 + 1 month is 28 February (Interpretation Act s.28: last day of a shorter month)",
      date: "2026-01-31T12:00:00.000-05:00",
      months: 1,
      timeZone: TORONTO,
      expected: "2026-02-28T00:00:00.000-05:00",
    },
    {
      name: "31 January 2028 + 1 month is the leap day, 29 February",
      date: "2028-01-31T12:00:00.000-05:00",
      months: 1,
      timeZone: TORONTO,
      expected: "2028-02-29T00:00:00.000-05:00",
    },
    {
      name: "31 March 2026 + 1 month is 30 April, in EDT",
      date: "2026-03-31T12:00:00.000-04:00",
      months: 1,
      timeZone: TORONTO,
      expected: "2026-04-30T00:00:00.000-04:00",
    },
    {
      name: "31 August 2026 + 6 months is 28 February 2027",
      date: "2026-08-31T12:00:00.000-04:00",
      months: 6,
      timeZone: TORONTO,
      expected: "2027-02-28T00:00:00.000-05:00",
    },
    {
      name: "29 February 2028 + 12 months is 28 February 2029",
      date: "2028-02-29T12:00:00.000-05:00",
      months: 12,
      timeZone: TORONTO,
      expected: "2029-02-28T00:00:00.000-05:00",
    },
    {
      name: "22:30 NST on 31 January in St. John's (1 February in UTC) + 1 month is 28 February local",
      date: "2026-02-01T02:00:00.000Z",
      months: 1,
      timeZone: ST_JOHNS,
      expected: "2026-02-28T00:00:00.000-03:30",
    },
  ])("$name", ({ date, months, timeZone, expected }) => {
    expect(addLocalMonths(at(date), months, timeZone)).toStrictEqual(at(expected));
  });

  it.each([
    {
      name: "7 days after 1 March 2026 in Toronto is 8 March, beginning at 00:00 EST before the change",
      date: "2026-03-01T12:00:00.000-05:00",
      days: 7,
      expected: "2026-03-08T00:00:00.000-05:00",
    },
    {
      name: "the day after the spring-forward day begins at 00:00 EDT, 23 hours after the day before",
      date: "2026-03-08T12:00:00.000-04:00",
      days: 1,
      expected: "2026-03-09T00:00:00.000-04:00",
    },
    {
      name: "4 days before 10 June is 6 June",
      date: "2026-06-10T09:30:00.000-04:00",
      days: -4,
      expected: "2026-06-06T00:00:00.000-04:00",
    },
  ])("$name", ({ date, days, expected }) => {
    expect(addLocalDays(at(date), days, TORONTO)).toStrictEqual(at(expected));
  });
});

describe("ministerDisclosureDue: 3 clear days before the hearing (ID Rule 8(2))", () => {
  it.each([
    {
      name: "for a hearing on 10 June in Toronto, disclosure is due by the end of 6 June",
      hearingAt: "2026-06-10T09:30:00.000-04:00",
      timeZone: TORONTO,
      expected: "2026-06-06T23:59:59.999-04:00",
    },
    {
      name: "for a hearing on 1 March 2028, the count crosses the leap day: disclosure by the end of 26 February",
      hearingAt: "2028-03-01T09:30:00.000-05:00",
      timeZone: TORONTO,
      expected: "2028-02-26T23:59:59.999-05:00",
    },
    {
      name: "for a hearing on 10 March 2026 in Toronto (EDT), disclosure is due by the end of 6 March (EST)",
      hearingAt: "2026-03-10T09:30:00.000-04:00",
      timeZone: TORONTO,
      expected: "2026-03-06T23:59:59.999-05:00",
    },
    {
      name: "for a hearing at 22:30 NDT on 10 June in St. John's (11 June in UTC), disclosure is due by the end of 6 June local",
      hearingAt: "2026-06-11T01:00:00.000Z",
      timeZone: ST_JOHNS,
      expected: "2026-06-06T23:59:59.999-02:30",
    },
    {
      name: "for a hearing on 3 November 2026 in Vancouver (PST), disclosure is due by the end of 30 October (PDT)",
      hearingAt: "2026-11-03T09:00:00.000-08:00",
      timeZone: VANCOUVER,
      expected: "2026-10-30T23:59:59.999-07:00",
    },
  ])("$name", ({ hearingAt, timeZone, expected }) => {
    expect(ministerDisclosureDue(at(hearingAt), timeZone)).toStrictEqual(at(expected));
  });
});

describe("reviewStatus", () => {
  const dueBy = at("2026-06-10T23:59:59.999-04:00");

  it("treats 48 hours as due soon", () => {
    expect(DUE_SOON_HOURS).toBe(48);
  });

  it.each([
    { name: "1 ms past the deadline is overdue", now: "2026-06-11T00:00:00.000-04:00", status: "OVERDUE" },
    { name: "the deadline instant itself is due soon", now: "2026-06-10T23:59:59.999-04:00", status: "DUE_SOON" },
    { name: "exactly 48 hours before the deadline is due soon", now: "2026-06-08T23:59:59.999-04:00", status: "DUE_SOON" },
    { name: "48 hours and 1 ms before the deadline is upcoming", now: "2026-06-08T23:59:59.998-04:00", status: "UPCOMING" },
    { name: "a week before the deadline is upcoming", now: "2026-06-03T23:59:59.999-04:00", status: "UPCOMING" },
  ])("$name", ({ now, status }) => {
    expect(reviewStatus(dueBy, at(now))).toBe(status);
  });

  it.each([
    { name: "a 72-hour horizon: 60 hours before is due soon", hours: 72, now: "2026-06-08T11:59:59.999-04:00", status: "DUE_SOON" },
    { name: "a 72-hour horizon: exactly 72 hours before is due soon", hours: 72, now: "2026-06-07T23:59:59.999-04:00", status: "DUE_SOON" },
    { name: "a 72-hour horizon: 72 hours and 1 ms before is upcoming", hours: 72, now: "2026-06-07T23:59:59.998-04:00", status: "UPCOMING" },
    { name: "a 12-hour horizon: 13 hours before is upcoming", hours: 12, now: "2026-06-10T10:59:59.999-04:00", status: "UPCOMING" },
    { name: "a 12-hour horizon: past the deadline is still overdue", hours: 12, now: "2026-06-11T00:00:00.000-04:00", status: "OVERDUE" },
  ])("follows the policy's horizon: $name", ({ hours, now, status }) => {
    expect(reviewStatus(dueBy, at(now), hours)).toBe(status);
  });

  it("carries the horizon into the schedule's next review", () => {
    const input = { detainedAt: at("2026-06-01T09:00:00.000-04:00"), timeZone: "America/Toronto", schedule: "STANDARD" as const, reviews: [], now: at("2026-06-01T09:00:00.000-04:00") };
    // The first review is due 48 hours after detention: due soon under 48 hours, upcoming under a 24-hour horizon.
    expect(computeReviewSchedule(input).next?.status).toBe("DUE_SOON");
    expect(computeReviewSchedule({ ...input, dueSoonHours: 24 }).next?.status).toBe("UPCOMING");
  });
});

describe("invalid input is refused loudly", () => {
  const someInstant = at("2026-06-01T09:00:00.000-04:00");

  it.each([
    { name: "a made-up zone", timeZone: "Mars/Olympus_Mons" },
    { name: "a city name that is not a zone name", timeZone: "Toronto" },
    { name: "an empty zone", timeZone: "" },
    { name: "a fixed UTC offset, which has no daylight-saving rules", timeZone: "-05:00" },
  ])("throws a RangeError naming the IANA zone format for $name", ({ timeZone }) => {
    const expected = /IANA time zone/;
    const input = standard("2026-06-01T09:00:00.000-04:00", "2026-06-01T10:00:00.000-04:00", [], timeZone);
    expect(() => computeReviewSchedule(input)).toThrow(RangeError);
    expect(() => computeReviewSchedule(input)).toThrow(expected);
    expect(() => endOfLocalDay(someInstant, timeZone)).toThrow(expected);
    expect(() => startOfLocalDay(someInstant, timeZone)).toThrow(expected);
    expect(() => ministerDisclosureDue(someInstant, timeZone)).toThrow(expected);
    expect(() => addLocalMonths(someInstant, 6, timeZone)).toThrow(expected);
    expect(() => addLocalDays(someInstant, 7, timeZone)).toThrow(expected);
  });

  it("throws a RangeError for a review whose start is not a valid date", () => {
    const input = standard("2026-06-01T09:00:00.000-04:00", "2026-06-04T09:00:00.000-04:00", [
      { startedOn: new Date("not a date"), outcome: "CONTINUED" },
    ]);
    expect(() => computeReviewSchedule(input)).toThrow(RangeError);
    expect(() => computeReviewSchedule(input)).toThrow(/Review 1: the start \(startedOn\)/);
  });
});
