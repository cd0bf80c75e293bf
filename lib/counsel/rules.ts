import type { CounselStatus, DetentionStatus, PlanStatus, Role } from "@/lib/generated/prisma/enums";

/**
 * Counsel of record (docs/domain.md, People: counsel see "only the people they are counsel of record for"). Pure
 * rules of its life: a CLO records counsel directly, or counsel asks and a CLO of the office confirms or declines;
 * counsel in force ends (withdrawn by counsel, ended by the office, or replaced). Rows are never deleted: the history
 * of who represented the person stays. The database backs these rules with partial unique indexes (one ACTIVE row
 * per person, one REQUESTED row per counsel and person).
 */

export type CounselTransition = "CONFIRM" | "DECLINE" | "END";

/** The state machine: which transition leads where from each status; null when it is not allowed. */
const TRANSITIONS: Record<CounselStatus, Partial<Record<CounselTransition, CounselStatus>>> = {
  REQUESTED: { CONFIRM: "ACTIVE", DECLINE: "DECLINED" },
  ACTIVE: { END: "ENDED" },
  DECLINED: {},
  ENDED: {},
};

export function nextCounselStatus(from: CounselStatus, transition: CounselTransition): CounselStatus | null {
  return TRANSITIONS[from][transition] ?? null;
}

/** A Liaison user may be counsel of record only as an active account with the COUNSEL role. */
export function mayBeCounselOfRecord(user: { role: Role; active: boolean }): boolean {
  return user.role === "COUNSEL" && user.active;
}

/** The end reason stored on counsel in force when new counsel of record replaces them (shown in words by the page). */
export const REPLACED = "REPLACED";

export type CounselInForce = { id: string; counselId: string | null };
export type NewCounsel = { kind: "ACCOUNT"; counselId: string } | { kind: "OUTSIDE" };

export type RecordingPlan = { ok: true; replaces: string | null } | { ok: false; reason: "ALREADY_COUNSEL" };

/**
 * Recording counsel of record for a person: counsel already in force is ended in the same transaction (replaced,
 * history kept). Recording the same Liaison counsel again changes nothing and is refused. An outside lawyer is
 * always a new row: the office may be correcting or replacing the contact it had.
 */
export function planRecording(current: CounselInForce | null, next: NewCounsel): RecordingPlan {
  if (current && next.kind === "ACCOUNT" && current.counselId === next.counselId) return { ok: false, reason: "ALREADY_COUNSEL" };
  return { ok: true, replaces: current?.id ?? null };
}

/**
 * Detainee.counselId, the column every scope tests (lib/authz detentionScope for COUNSEL, notes, calendar feeds,
 * reviews): the ACTIVE row's counsel user, or null for an outside lawyer or no counsel at all.
 */
export function mirroredCounselId(active: { counselId: string | null } | null): string | null {
  return active?.counselId ?? null;
}

/** Who may end counsel in force: the office (its case team, checked by scope) or the counsel themselves, withdrawing. */
export function mayEndCounsel(actor: { role: Role; userId: string }, row: { counselId: string | null }): boolean {
  if (actor.role === "CLO" || actor.role === "SUPERVISOR") return true;
  return actor.role === "COUNSEL" && row.counselId !== null && row.counselId === actor.userId;
}

/** At most this many of a counsel's requests wait for an office at once. */
export const MAX_PENDING_REQUESTS = 10;
/** At most this many requests by one counsel in REQUEST_WINDOW_MS, matched or not: asking cannot be used to search. */
export const MAX_REQUESTS_PER_WINDOW = 20;
export const REQUEST_WINDOW_MS = 24 * 3_600_000;

export type RequestGate = { ok: true } | { ok: false; reason: "TOO_MANY_PENDING" | "TOO_MANY_REQUESTS" };

/**
 * Whether counsel may ask now. Decided from counsel's own counts only, before anything is looked up, so the answer
 * says nothing about whether the reference and name they typed match a person.
 */
export function requestGate(counts: { pending: number; recent: number }): RequestGate {
  if (counts.recent >= MAX_REQUESTS_PER_WINDOW) return { ok: false, reason: "TOO_MANY_REQUESTS" };
  if (counts.pending >= MAX_PENDING_REQUESTS) return { ok: false, reason: "TOO_MANY_PENDING" };
  return { ok: true };
}

/** A name as compared for a request: accents, case, spacing and hyphens or apostrophes do not matter. */
export function comparableName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/[\s'’\-‐]+/g, " ")
    .trim();
}

/** The spellings of a typed case reference to look up: as typed and upper-cased (references are written upper-case), trimmed. */
export function referenceCandidates(reference: string): string[] {
  const typed = reference.trim();
  return [...new Set([typed, typed.toUpperCase()])].filter((candidate) => candidate !== "");
}

export function requestMatches(person: { familyName: string }, typedFamilyName: string): boolean {
  const typed = comparableName(typedFamilyName);
  return typed !== "" && comparableName(person.familyName) === typed;
}

/** What the person's counsel of record does after a request, whatever matched: nothing, a new request, or nothing new. */
export type RequestOutcome = "CREATE" | "ALREADY_REQUESTED" | "ALREADY_COUNSEL";

export function requestOutcome(counselId: string, rows: readonly { counselId: string | null; status: CounselStatus }[]): RequestOutcome {
  const own = rows.filter((row) => row.counselId === counselId);
  if (own.some((row) => row.status === "ACTIVE")) return "ALREADY_COUNSEL";
  if (own.some((row) => row.status === "REQUESTED")) return "ALREADY_REQUESTED";
  return "CREATE";
}

/**
 * "My clients": a detention is current while the person is detained; released, removed, transferred out or ended
 * otherwise are listed apart.
 */
export function isCurrentDetention(status: DetentionStatus): boolean {
  return status === "DETAINED";
}

/**
 * Readiness for a hearing means something only for a plan still being built or put to the Division, for a person
 * still detained: a plan released, withdrawn, not accepted or already ordered is past that question.
 */
export function readinessApplies(detention: DetentionStatus, plan: PlanStatus): boolean {
  return isCurrentDetention(detention) && (plan === "DRAFTING" || plan === "READY" || plan === "PRESENTED");
}
