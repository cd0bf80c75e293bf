import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { canTransition } from "@/lib/referrals/rules";

/**
 * Referrals to programs outside Liaison (docs/domain.md, "Outside referrals"). The CLO is the referring agency: the
 * packet goes to the program by its own means (e-mail, fax), and the CLO records what was sent and, later, the
 * program's answer with its date and its letter. No provider user exists to answer, so the CLO records the answer
 * on the program's behalf — through the same transition table as a provider's answer, so an outside referral moves
 * exactly as any other (and counts for readiness the same way once accepted).
 */

/** The answers an outside program gives (intake is recorded on the case, not by the program here). */
export const OUTSIDE_ANSWERS = ["ACCEPTED", "WAITLISTED", "DECLINED"] as const satisfies readonly ReferralStatus[];
export type OutsideAnswer = (typeof OUTSIDE_ANSWERS)[number];

/** Whether the program's answer may be recorded on an outside referral in this status (the provider's column). */
export function canRecordOutsideAnswer(from: ReferralStatus, to: OutsideAnswer): boolean {
  return canTransition(from, to, "PROVIDER");
}

/**
 * An acceptance needs its letter: the Immigration Division decides on evidence, and a plan that relies on a program
 * must show the program agreed to take the person — a CLO's word that it did is not that evidence. A waitlist or a
 * refusal may be recorded without one (nothing in the plan rests on it; the letter may still be attached).
 */
export function evidenceRequired(answer: OutsideAnswer): boolean {
  return answer === "ACCEPTED";
}

/**
 * The answer's date is a day on the facility's calendar (YYYY-MM-DD, already a real date), neither in the future
 * there nor before the referral was recorded (`sentOn`, also on the facility's calendar).
 */
export function answerDateProblem(answeredOn: string, today: string, sentOn: string): "dateInFuture" | "answerBeforeSent" | null {
  if (answeredOn > today) return "dateInFuture";
  if (answeredOn < sentOn) return "answerBeforeSent";
  return null;
}
