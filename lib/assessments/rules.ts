import { addLocalDays, endOfLocalDay } from "@/lib/reviews/rules";
import { dateTimeFormat } from "@/lib/format";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";

const HOUR_MS = 3_600_000;

export type AssessmentDeadlineInput = {
  detainedAt: Date;
  /** IANA zone of the facility: the 7-day review falls at the end of a local day. */
  timeZone: string;
  schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL";
  /**
   * The flags the viewer may see (lib/authz/cases.ts visibleFlags), never every flag of the case: the deadline
   * and its basis are shown, so a deadline moved by a flag the viewer may not see would reveal it.
   */
  visibleFlags: readonly VulnerabilityFlag[];
  /** When the first review began, once it has been held (a withdrawn hearing does not count). */
  firstReviewStartedOn?: Date | null;
};

export type AssessmentDeadline = { dueBy: Date; basis: "VULNERABILITY_48_HOURS" | "SEVEN_DAY_REVIEW" | "SEVEN_DAY_REVIEW_PROVISIONAL" | "DFN_FIRST_REVIEW" };

/**
 * When the CLO's assessment must be complete (shared/DESIGN.md, Release-first rules).
 * - Any vulnerability flag: 48 hours after detention, before the first review (IRPA s.57(1)) while a
 *   CBSA officer can still release (s.56(1)).
 * - Otherwise: before the 7-day review is due (s.57(2): end of the 7th day after the first review).
 *   Until the first review is held its date is unknown, so the deadline is provisional, counted from the
 *   latest lawful first review (detention + 48 hours); it moves earlier once the first review is recorded.
 * - Designated foreign nationals have no 7-day review (s.57.1): before the 14-day review instead.
 */
export function assessmentDeadline(input: AssessmentDeadlineInput): AssessmentDeadline {
  const { detainedAt, timeZone } = input;
  if (input.visibleFlags.length > 0) {
    return { dueBy: new Date(detainedAt.getTime() + 48 * HOUR_MS), basis: "VULNERABILITY_48_HOURS" };
  }
  if (input.schedule === "DESIGNATED_FOREIGN_NATIONAL") {
    return { dueBy: endOfLocalDay(addLocalDays(detainedAt, 14, timeZone), timeZone), basis: "DFN_FIRST_REVIEW" };
  }
  if (input.firstReviewStartedOn) {
    return { dueBy: endOfLocalDay(addLocalDays(input.firstReviewStartedOn, 7, timeZone), timeZone), basis: "SEVEN_DAY_REVIEW" };
  }
  const latestFirstReview = new Date(detainedAt.getTime() + 48 * HOUR_MS);
  return { dueBy: endOfLocalDay(addLocalDays(latestFirstReview, 7, timeZone), timeZone), basis: "SEVEN_DAY_REVIEW_PROVISIONAL" };
}

/** When the first review began, if one has been held: the earliest started review that was not withdrawn. */
export function firstReviewStartedOn(reviews: readonly { startedOn: Date | null; outcome: string | null }[]): Date | null {
  let first: Date | null = null;
  for (const review of reviews) {
    if (!review.startedOn || review.outcome === "WITHDRAWN") continue;
    if (!first || review.startedOn.getTime() < first.getTime()) first = review.startedOn;
  }
  return first;
}

/** The facts of a detention its assessment deadline is computed from, as a query selects them. */
export type DeadlineFacts = {
  detainedAt: Date;
  schedule: AssessmentDeadlineInput["schedule"];
  facility: { timeZone: string };
  reviews: readonly { startedOn: Date | null; outcome: string | null }[];
};

/** A case's assessment deadline for a viewer, from the flags that viewer may see (visibleFlags in lib/authz/cases.ts). */
export function caseAssessmentDeadline(detention: DeadlineFacts, visibleFlags: readonly VulnerabilityFlag[]): AssessmentDeadline {
  return assessmentDeadline({
    detainedAt: detention.detainedAt,
    timeZone: detention.facility.timeZone,
    schedule: detention.schedule,
    visibleFlags,
    firstReviewStartedOn: firstReviewStartedOn(detention.reviews),
  });
}

/** Whether the assessment met its deadline: completed at or before it. Null while not completed and not yet due. */
export function assessmentDeadlineMet(dueBy: Date, completedAt: Date | null, now: Date): boolean | null {
  if (completedAt) return completedAt.getTime() <= dueBy.getTime();
  return now.getTime() > dueBy.getTime() ? false : null;
}

// ------------------------------------------------------------------ completing an assessment

export type AssessmentCompletionInput = {
  /** The grounds of detention (IRPA s.58(1)) the assessment must answer. */
  grounds: readonly string[];
  interviewAt: Date | null;
  noInterviewReason: string | null;
  groundEntries: readonly { ground: string; mitigation: string | null }[];
};

export type AssessmentCompletionProblem = { key: "INTERVIEW_OR_REASON" } | { key: "MITIGATION_MISSING"; ground: string };

/** An interview was held, or the reason none was possible is written down (shared/DESIGN.md, Release-first rules). */
export function interviewOrReasonRecorded(assessment: { interviewAt: Date | null; noInterviewReason: string | null }): boolean {
  return assessment.interviewAt !== null || (assessment.noInterviewReason ?? "").trim() !== "";
}

/**
 * What still stands between an assessment and "complete": the interview or the reason there was none,
 * and a proposed mitigation for each ground of detention. Empty when it may be completed.
 */
export function assessmentCompletionProblems(input: AssessmentCompletionInput): AssessmentCompletionProblem[] {
  const problems: AssessmentCompletionProblem[] = [];
  if (!interviewOrReasonRecorded(input)) problems.push({ key: "INTERVIEW_OR_REASON" });
  for (const ground of input.grounds) {
    const entry = input.groundEntries.find((candidate) => candidate.ground === ground);
    if (!entry || (entry.mitigation ?? "").trim() === "") problems.push({ key: "MITIGATION_MISSING", ground });
  }
  return problems;
}

// ------------------------------------------------------------------ local date and time of the interview

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value ("2026-06-02T14:30") read as wall-clock time in the facility's zone, as UTC.
 * Null when the text is not such a value or names a time that does not exist (e.g. 31 February).
 * A wall-clock time skipped by a DST change resolves the way the zone's offset rules resolve it.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // The zone's offset at that instant, applied twice so an instant near a DST change settles on the right side.
  let instant = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  instant = asUtc - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The `datetime-local` value of an instant in the facility's zone: the inverse of parseLocalDateTime. */
export function localDateTimeValue(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + zoneOffsetMs(date, timeZone));
  return local.toISOString().slice(0, 16);
}

function zoneOffsetMs(date: Date, timeZone: string): number {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return wallClock - Math.floor(date.getTime() / 1000) * 1000;
}
