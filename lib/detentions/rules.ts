import type { DetentionStatus, PlanStatus, VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { DUE_SOON_HOURS } from "@/lib/reviews/rules";

/**
 * Pure rules of the caseload: case references, the detention timestamp typed at intake, and the
 * priority of a case in the CLO's queue (docs/domain.md, Release-first rules). No I/O.
 */

// ------------------------------------------------------------------------------------------ references

/**
 * The office prefix of a case reference. The three demo regions use CBSA's usual city codes; any other
 * office falls back to the first three letters of its region, so a new office needs no code change.
 */
export function officePrefix(office: { name: string; region: string }): string {
  const name = office.name.toLowerCase();
  if (name.includes("toronto")) return "TOR";
  if (name.includes("quebec") || name.includes("québec")) return "MTL";
  if (name.includes("pacific")) return "VAN";
  const letters = office.region
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase();
  return (letters || "OFF").slice(0, 3).padEnd(3, "X");
}

/** "TOR-26-0042": office prefix, two-digit year, sequence within the office and year. */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${String(year % 100).padStart(2, "0")}-${String(sequence).padStart(4, "0")}`;
}

/** The sequence number of a reference of this prefix and year, or null when it is of another series. */
export function referenceSequence(reference: string, prefix: string, year: number): number | null {
  const series = `${prefix}-${String(year % 100).padStart(2, "0")}-`;
  if (!reference.startsWith(series)) return null;
  const sequence = Number(reference.slice(series.length));
  return Number.isInteger(sequence) && sequence > 0 ? sequence : null;
}

// ------------------------------------------------------------------------------------------ priority

/** Flags meaning a child is affected: the highest vulnerability (IRPA s.60; IRPR s.248(f); Ministerial Direction 2017). */
export const MINOR_FLAGS: readonly VulnerabilityFlag[] = ["MINOR_DETAINED", "MINOR_HOUSED", "SEPARATED_FROM_CHILD"];

/** Plan statuses meaning the plan is ready to present or release is ordered: what is left is to finish it. */
export const NEARLY_READY_PLAN_STATUSES: readonly PlanStatus[] = ["READY", "RELEASE_ORDERED"];

/** How soon the next review is due. "Imminent" is the review clock's DUE_SOON window (48 hours). */
export type ReviewUrgency = "OVERDUE" | "IMMINENT" | "LATER";
export type Vulnerability = "MINOR" | "FLAGGED" | "NONE";

export type PriorityInput = {
  status: DetentionStatus;
  nextReviewDueBy: Date | null;
  detainedAt: Date;
  /** The flags the viewer may see (trafficking indicators only for those allowed to see them). */
  flags: readonly VulnerabilityFlag[];
  /** A DRAFTING plan whose interview and per-ground mitigations are in place, or a READY / RELEASE_ORDERED plan. */
  planNearlyReady: boolean;
  noProspect: { recorded: boolean; revisitOn: Date | null };
  id: string;
};

const HOUR_MS = 3_600_000;

/** IMMINENT: the next review is due within the policy's "due soon" horizon (default DUE_SOON_HOURS). */
export function reviewUrgency(nextReviewDueBy: Date | null, now: Date, dueSoonHours: number = DUE_SOON_HOURS): ReviewUrgency {
  if (!nextReviewDueBy) return "LATER";
  const remaining = nextReviewDueBy.getTime() - now.getTime();
  if (remaining < 0) return "OVERDUE";
  return remaining <= dueSoonHours * HOUR_MS ? "IMMINENT" : "LATER";
}

export function vulnerability(flags: readonly VulnerabilityFlag[]): Vulnerability {
  if (flags.some((flag) => MINOR_FLAGS.includes(flag))) return "MINOR";
  return flags.length > 0 ? "FLAGGED" : "NONE";
}

/** "No current release prospect" lowers priority until the revisit date (a calendar date, from its first instant in UTC). */
export function noProspectActive(noProspect: PriorityInput["noProspect"], now: Date): boolean {
  if (!noProspect.recorded) return false;
  return noProspect.revisitOn === null || now.getTime() < noProspect.revisitOn.getTime();
}

const URGENCY_RANK: Record<ReviewUrgency, number> = { OVERDUE: 0, IMMINENT: 1, LATER: 2 };
const VULNERABILITY_RANK: Record<Vulnerability, number> = { MINOR: 0, FLAGGED: 1, NONE: 2 };

/** Tiers below every active case: no current prospect, then cases no longer detained. */
export const NO_PROSPECT_TIER = 18;
export const NOT_DETAINED_TIER = 19;

/**
 * The priority tier of a case: lower is more urgent. Lexicographic over three small facts, most
 * important first: the review clock (an overdue review is a breach of IRPA s.57 and must be heard
 * without delay), then vulnerability (minors affected first), then whether the plan is nearly ready
 * (a ready plan is the fastest way out). 3 x 3 x 2 = 18 active tiers (0-17), then no-prospect (18) and
 * not detained (19). Within a tier, the longer detained comes first (comparePriority).
 *
 * lib/detentions/queue-queries.ts computes the same number in SQL (priorityTierSql); an integration test
 * checks the two agree.
 */
export function priorityTier(input: Omit<PriorityInput, "id" | "detainedAt">, now: Date, dueSoonHours: number = DUE_SOON_HOURS): number {
  if (input.status !== "DETAINED") return NOT_DETAINED_TIER;
  if (noProspectActive(input.noProspect, now)) return NO_PROSPECT_TIER;
  return URGENCY_RANK[reviewUrgency(input.nextReviewDueBy, now, dueSoonHours)] * 6 + VULNERABILITY_RANK[vulnerability(input.flags)] * 2 + (input.planNearlyReady ? 0 : 1);
}

/** The queue's order: tier, then days detained (longest first), then id for a stable page boundary. */
export function comparePriority(a: PriorityInput, b: PriorityInput, now: Date): number {
  const tiers = priorityTier(a, now) - priorityTier(b, now);
  if (tiers !== 0) return tiers;
  const detained = a.detainedAt.getTime() - b.detainedAt.getTime();
  if (detained !== 0) return detained;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type PriorityReason = "OVERDUE" | "IMMINENT" | "MINOR" | "FLAGGED" | "PLAN_NEARLY_READY" | "NO_PROSPECT" | "NOT_DETAINED" | "ROUTINE";

/** Why a case sits in its tier, for the queue's Priority column (text, never colour alone). */
export function priorityReasons(tier: number): PriorityReason[] {
  if (tier >= NOT_DETAINED_TIER) return ["NOT_DETAINED"];
  if (tier === NO_PROSPECT_TIER) return ["NO_PROSPECT"];
  const reasons: PriorityReason[] = [];
  const urgency = Math.floor(tier / 6);
  const vulnerabilityRank = Math.floor((tier % 6) / 2);
  if (urgency === 0) reasons.push("OVERDUE");
  if (urgency === 1) reasons.push("IMMINENT");
  if (vulnerabilityRank === 0) reasons.push("MINOR");
  if (vulnerabilityRank === 1) reasons.push("FLAGGED");
  if (tier % 2 === 0) reasons.push("PLAN_NEARLY_READY");
  return reasons.length > 0 ? reasons : ["ROUTINE"];
}

/** Age in whole years on a day (date of birth stored as a calendar date at midnight UTC). */
export function ageOn(dateOfBirth: Date, now: Date): number {
  let age = now.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const birthdayPassed = now.getUTCMonth() > dateOfBirth.getUTCMonth() || (now.getUTCMonth() === dateOfBirth.getUTCMonth() && now.getUTCDate() >= dateOfBirth.getUTCDate());
  if (!birthdayPassed) age -= 1;
  return Math.max(0, age);
}

/** What the intake form starts with for a new person: what the CLO already typed in the search above it. */
export type IntakePrefill = { givenName: string; familyName: string; dateOfBirth: string; clientId: string };

/**
 * The search's name split into the form's two name fields: "Family, Given" as lists show names; one word is taken as
 * the family name (what a CLO most often searches by); otherwise the last word is the family name and the rest the
 * given names, which the CLO corrects where a family name has several words.
 */
export function intakePrefill(search: { name: string; dateOfBirth: string; clientId: string }): IntakePrefill {
  const name = search.name.trim().replace(/\s+/g, " ");
  let givenName = "";
  let familyName = "";
  if (name.includes(",")) {
    const [family = "", ...given] = name.split(",");
    familyName = family.trim();
    givenName = given.join(" ").trim().replace(/\s+/g, " ");
  } else if (name !== "") {
    const words = name.split(" ");
    familyName = words.pop()!;
    givenName = words.join(" ");
  }
  return { givenName, familyName, dateOfBirth: search.dateOfBirth, clientId: search.clientId };
}
