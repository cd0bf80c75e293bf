import { designatedForeignNationalFirstReviewDueBy, firstReviewDueBy, secondReviewDueBy } from "@/lib/reviews/rules";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { DEFAULT_POLICY, type Policy } from "@/lib/policy/rules";

/** The part of the release-first policy the deadline reads: the early window and the flags that trigger it. */
export type EarlyAssessmentPolicy = Pick<Policy, "earlyAssessmentHours" | "earlyAssessmentFlags">;

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
  /** The policy in force when the person was detained (lib/policy: never retroactive); the defaults when absent. */
  policy?: EarlyAssessmentPolicy;
};

export type AssessmentDeadline = { dueBy: Date; basis: "VULNERABILITY_48_HOURS" | "SEVEN_DAY_REVIEW" | "SEVEN_DAY_REVIEW_PROVISIONAL" | "DFN_FIRST_REVIEW" };

/**
 * When the CLO's assessment must be complete (docs/domain.md, Release-first rules).
 * - A vulnerability flag the policy names (every flag by default): within the policy's early window after detention
 *   (48 hours by default), and never later than the first review (IRPA s.57(1)), while a CBSA officer can still
 *   release (s.56(1)). The basis keeps its name, VULNERABILITY_48_HOURS, whatever window the policy sets.
 * - Otherwise: before the 7-day review is due (s.57(2): end of the 7th day after the first review).
 *   Until the first review is held its date is unknown, so the deadline is provisional, counted from the
 *   latest lawful first review (detention + 48 hours); it moves earlier once the first review is recorded.
 * - Designated foreign nationals have no 7-day review (s.57.1): before the 14-day review instead.
 */
export function assessmentDeadline(input: AssessmentDeadlineInput): AssessmentDeadline {
  const { detainedAt, timeZone } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  if (input.visibleFlags.some((flag) => policy.earlyAssessmentFlags.includes(flag))) {
    const firstReview = firstReviewDueBy(detainedAt);
    const early = new Date(detainedAt.getTime() + policy.earlyAssessmentHours * HOUR_MS);
    return { dueBy: early.getTime() < firstReview.getTime() ? early : firstReview, basis: "VULNERABILITY_48_HOURS" };
  }
  if (input.schedule === "DESIGNATED_FOREIGN_NATIONAL") {
    return { dueBy: designatedForeignNationalFirstReviewDueBy(detainedAt, timeZone), basis: "DFN_FIRST_REVIEW" };
  }
  if (input.firstReviewStartedOn) {
    return { dueBy: secondReviewDueBy(input.firstReviewStartedOn, timeZone), basis: "SEVEN_DAY_REVIEW" };
  }
  return { dueBy: secondReviewDueBy(firstReviewDueBy(detainedAt), timeZone), basis: "SEVEN_DAY_REVIEW_PROVISIONAL" };
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

/**
 * A case's assessment deadline for a viewer, from the flags that viewer may see (visibleFlags in lib/authz/cases.ts),
 * under the policy in force when the person was detained.
 */
export function caseAssessmentDeadline(detention: DeadlineFacts, visibleFlags: readonly VulnerabilityFlag[], policy?: EarlyAssessmentPolicy): AssessmentDeadline {
  return assessmentDeadline({
    detainedAt: detention.detainedAt,
    timeZone: detention.facility.timeZone,
    schedule: detention.schedule,
    visibleFlags,
    firstReviewStartedOn: firstReviewStartedOn(detention.reviews),
    policy,
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

/** An interview was held, or the reason none was possible is written down (docs/domain.md, Release-first rules). */
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
