import type { ComplaintCategory, ComplaintOnBehalfOf, ComplaintOutcome, ComplaintStatus } from "@/lib/generated/prisma/enums";
import { POLICY_SETTINGS } from "@/lib/policy/rules";
import { endOfLocalDayAfter, localToday } from "@/lib/time/facility-clock";

/**
 * Complaints (docs/domain.md, "Complaints"): pure rules. A detained person (through counsel, an NGO, or a CLO recording
 * what they said), counsel or a provider's caseworker complains about the handling of a case or about the service. The
 * office's supervisors handle it; the officer it names never sees it unless a supervisor shares a written summary.
 * The writes, their scope and their audit are in lib/complaints/mutations.ts.
 */

export const COMPLAINT_CATEGORIES = ["CASE_HANDLING", "DELAY", "COMMUNICATION", "CONDUCT", "ACCESS_TO_SERVICES", "PRIVACY", "OTHER"] as const satisfies readonly ComplaintCategory[];
export const COMPLAINT_ON_BEHALF_OF = ["DETAINED_PERSON", "FILER"] as const satisfies readonly ComplaintOnBehalfOf[];
export const COMPLAINT_STATUSES = ["RECEIVED", "UNDER_REVIEW", "RESPONDED", "CLOSED"] as const satisfies readonly ComplaintStatus[];
/** The outcomes a response decides; WITHDRAWN is the complainant's own, before any response. */
export const RESPONSE_OUTCOMES = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"] as const satisfies readonly ComplaintOutcome[];
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export const COMPLAINT_OUTCOMES = [...RESPONSE_OUTCOMES, "WITHDRAWN"] as const satisfies readonly ComplaintOutcome[];

/**
 * The response target: calendar days from filing to the end of which the office must respond. Acknowledgement is at
 * once (the reference is given when the complaint is filed). The number is the release-first policy's
 * `complaintResponseDays` (lib/policy/rules.ts) in force when the complaint is filed; this is its default.
 */
export const COMPLAINT_RESPONSE_DAYS = POLICY_SETTINGS.complaintResponseDays.default;

/**
 * The end of the last day to respond: the last instant of the `days`-th calendar day after the filing's local date
 * in the office's zone (the day of filing excluded, the last day included, as Interpretation Act s.27(2) counts
 * days). Calendar days, so a daylight-saving change in between moves nothing.
 */
export function responseDueAt(filedAt: Date, officeTimeZone: string, days: number = COMPLAINT_RESPONSE_DAYS): Date {
  return endOfLocalDayAfter(filedAt, days, officeTimeZone);
}

/** A complaint still waiting for its response past the end of its last day. */
export function isOverdue(complaint: { status: ComplaintStatus; responseDueAt: Date }, now: Date): boolean {
  return (complaint.status === "RECEIVED" || complaint.status === "UNDER_REVIEW") && now.getTime() > complaint.responseDueAt.getTime();
}

/** Who takes a step: the office's supervisors handle; the complainant may only withdraw. */
export type ComplaintSide = "OFFICE" | "COMPLAINANT";

/**
 * The transition table. `review`: a supervisor takes the complaint (or gives it to another supervisor) and keeps
 * notes of the investigation; `respond`: the written response, with its outcome, goes to the complainant; `close`:
 * nothing more will be done; `withdraw`: the complainant withdraws it before a response (outcome WITHDRAWN);
 * `share`: a supervisor gives the officer complained about a written summary (the status does not move).
 */
export const COMPLAINT_STEPS = {
  review: { side: "OFFICE", from: ["RECEIVED", "UNDER_REVIEW"], to: "UNDER_REVIEW" },
  respond: { side: "OFFICE", from: ["UNDER_REVIEW"], to: "RESPONDED" },
  close: { side: "OFFICE", from: ["RESPONDED"], to: "CLOSED" },
  withdraw: { side: "COMPLAINANT", from: ["RECEIVED", "UNDER_REVIEW"], to: "CLOSED" },
  share: { side: "OFFICE", from: ["UNDER_REVIEW", "RESPONDED", "CLOSED"], to: null },
} as const satisfies Record<string, { side: ComplaintSide; from: readonly ComplaintStatus[]; to: ComplaintStatus | null }>;
export type ComplaintStep = keyof typeof COMPLAINT_STEPS;

/** Whether this side may take this step from this status. */
export function canTakeStep(step: ComplaintStep, from: ComplaintStatus, side: ComplaintSide): boolean {
  const rule = COMPLAINT_STEPS[step];
  return rule.side === side && (rule.from as readonly ComplaintStatus[]).includes(from);
}

/** The status after a step (a share leaves it as it was). */
export function statusAfter(step: ComplaintStep, from: ComplaintStatus): ComplaintStatus {
  return COMPLAINT_STEPS[step].to ?? from;
}

/** The steps open to a side now, for the page to offer only those. */
export function stepsOpen(from: ComplaintStatus, side: ComplaintSide): ComplaintStep[] {
  return (Object.keys(COMPLAINT_STEPS) as ComplaintStep[]).filter((step) => canTakeStep(step, from, side));
}

// ------------------------------------------------------------------------------------------ reference

/** CMP-<office prefix>-<year>-<number>: numbered per office and year, the year of filing on the office's calendar. */
export function formatComplaintReference(officePrefix: string, year: number, sequence: number): string {
  return `CMP-${officePrefix}-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The year of filing on the office's calendar (a complaint filed at 21:00 on 31 December in Vancouver is of that year). */
export function filingYear(filedAt: Date, officeTimeZone: string): number {
  return Number(localToday(officeTimeZone, filedAt).slice(0, 4));
}

// ------------------------------------------------------------------------------------------ reporting

/** Calendar days from filing to response on the office's calendar (0: answered the day it was filed). */
export function daysToRespond(filedAt: Date, respondedAt: Date, officeTimeZone: string): number {
  const from = Date.parse(`${localToday(officeTimeZone, filedAt)}T00:00:00Z`);
  const to = Date.parse(`${localToday(officeTimeZone, respondedAt)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/** The median of a list of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
