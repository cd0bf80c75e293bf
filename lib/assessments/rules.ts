import { designatedForeignNationalFirstReviewDueBy, firstReviewDueBy, secondReviewDueBy } from "@/lib/reviews/rules";

export type AssessmentDeadlineInput = {
  detainedAt: Date;
  /** IANA zone of the facility: the 7-day review falls at the end of a local day. */
  timeZone: string;
  schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL";
  hasVulnerabilityFlag: boolean;
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
  if (input.hasVulnerabilityFlag) {
    return { dueBy: firstReviewDueBy(detainedAt), basis: "VULNERABILITY_48_HOURS" };
  }
  if (input.schedule === "DESIGNATED_FOREIGN_NATIONAL") {
    return { dueBy: designatedForeignNationalFirstReviewDueBy(detainedAt, timeZone), basis: "DFN_FIRST_REVIEW" };
  }
  if (input.firstReviewStartedOn) {
    return { dueBy: secondReviewDueBy(input.firstReviewStartedOn, timeZone), basis: "SEVEN_DAY_REVIEW" };
  }
  return { dueBy: secondReviewDueBy(firstReviewDueBy(detainedAt), timeZone), basis: "SEVEN_DAY_REVIEW_PROVISIONAL" };
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
