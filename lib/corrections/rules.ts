import { computeReviewSchedule, firstReviewDueBy, type NextReview, type ReviewInput } from "@/lib/reviews/rules";

/**
 * Corrections (docs/domain.md, issue 12 item 4): a fact typed wrongly at intake is corrected, never re-recorded, and
 * each correction says which fields changed, from what, to what, and why. Pure rules here; the writes, their scope
 * and their audit are in lib/corrections/mutations.ts.
 *
 * A correction is not an event in the person's life: a person who MOVED to another facility was transferred (the
 * transfer feature), a person released was released (the outcome feature). A correction says the record was wrong.
 */

/** The person's facts a correction may change. */
export const PERSON_FIELDS = ["givenName", "familyName", "dateOfBirth", "gender", "languages", "interpreterNeeded", "interpreterLanguage", "citizenship", "clientId"] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * The detention's facts a correction may change: the time of detention, the facility entered at intake (within the
 * office, and only while no transfer is recorded: after a transfer the facility is the transfer's to say), the
 * grounds (e.g. as found at a review) and the review schedule.
 */
export const DETENTION_FIELDS = ["detainedAt", "facility", "grounds", "schedule"] as const;
export type DetentionField = (typeof DETENTION_FIELDS)[number];

/** A field's value as compared: text, a flag, nothing, or a list (ordered unless the field says otherwise). */
export type FieldValue = string | boolean | null | readonly string[];

/** Fields whose lists have no order: the grounds of detention are a set. Languages are ordered (most comfortable first). */
const UNORDERED: ReadonlySet<string> = new Set(["grounds"]);

function sameValue(field: string, a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const [left, right] = UNORDERED.has(field) ? [[...a].sort(), [...b].sort()] : [a, b];
    return left.every((value, index) => value === right[index]);
  }
  return a === b;
}

export type Diff<Field extends string> =
  | { ok: true; fields: Field[]; before: Partial<Record<Field, FieldValue>>; after: Partial<Record<Field, FieldValue>> }
  | { ok: false; reason: "NO_CHANGE" };

/**
 * What a correction changes: the names of the fields whose submitted value differs from the stored one, in the order
 * of `fields`, with the values before and after (of those fields only). Nothing changed is refused: a correction that
 * corrects nothing would be an entry in the history saying nothing.
 */
export function diffFields<Field extends string>(fields: readonly Field[], stored: Record<Field, FieldValue>, submitted: Record<Field, FieldValue>): Diff<Field> {
  const changed = fields.filter((field) => !sameValue(field, stored[field], submitted[field]));
  if (changed.length === 0) return { ok: false, reason: "NO_CHANGE" };
  const before: Partial<Record<Field, FieldValue>> = {};
  const after: Partial<Record<Field, FieldValue>> = {};
  for (const field of changed) {
    before[field] = stored[field];
    after[field] = submitted[field];
  }
  return { ok: true, fields: changed, before, after };
}

/** The person's facts as compared and stored in a correction's before/after: dates as YYYY-MM-DD, the interpreter's language only when one is needed. */
export function personValues(person: {
  givenName: string;
  familyName: string;
  dateOfBirth: Date | string;
  gender: string;
  languages: readonly string[];
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  citizenship: string;
  clientId: string | null;
}): Record<PersonField, FieldValue> {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: typeof person.dateOfBirth === "string" ? person.dateOfBirth : person.dateOfBirth.toISOString().slice(0, 10),
    gender: person.gender,
    languages: [...person.languages],
    interpreterNeeded: person.interpreterNeeded,
    // As at intake: a language for an interpreter nobody needs is not kept.
    interpreterLanguage: person.interpreterNeeded ? (person.interpreterLanguage ?? null) : null,
    citizenship: person.citizenship,
    clientId: person.clientId ?? null,
  };
}

/**
 * The detention's facts as compared. The time is compared on the wall clock it was typed on (YYYY-MM-DDTHH:MM in the
 * facility's zone), so a form sent back with the time unchanged never moves the instant, even when the facility (and
 * so the zone) is corrected in the same form. The facility is its id.
 */
export function detentionValues(detention: { detainedAtLocal: string; facilityId: string; grounds: readonly string[]; schedule: string }): Record<DetentionField, FieldValue> {
  return { detainedAt: detention.detainedAtLocal, facility: detention.facilityId, grounds: [...detention.grounds], schedule: detention.schedule };
}

/** Whether a detention correction moves the review clock (and the assessment deadline, which is computed from the same facts). */
export function recomputesClock(fields: readonly DetentionField[]): boolean {
  return fields.some((field) => field === "detainedAt" || field === "facility" || field === "schedule");
}

// A detention typed a few minutes ahead of the server clock is a clock difference, not a future detention (as at intake).
const CLOCK_TOLERANCE_MS = 5 * 60_000;

export type DetentionTimeRefusal = "FUTURE_TIME" | "AFTER_RELEASE" | "AFTER_FIRST_REVIEW";

/**
 * Whether a corrected detention time can be right: not in the future, not after the release, not after a review of
 * this detention began (a review is of a detention already running).
 */
export function detentionTimeRefusal(detainedAt: Date, facts: { now: Date; releasedAt: Date | null; firstReviewStartedOn: Date | null }): DetentionTimeRefusal | null {
  if (detainedAt.getTime() > facts.now.getTime() + CLOCK_TOLERANCE_MS) return "FUTURE_TIME";
  if (facts.releasedAt && detainedAt.getTime() >= facts.releasedAt.getTime()) return "AFTER_RELEASE";
  if (facts.firstReviewStartedOn && detainedAt.getTime() > facts.firstReviewStartedOn.getTime()) return "AFTER_FIRST_REVIEW";
  return null;
}

export type FacilityRefusal = "FACILITY_NOT_FOUND" | "HAS_TRANSFERS";

/**
 * Whether the facility may be corrected to `facility`: one of the detention's own office (a facility of another office
 * would hand the case over, which is a transfer's to do), and only while no transfer is recorded (the facility entered
 * at intake is then the start of the transfer history, and a move is a transfer, not a correction).
 */
export function facilityRefusal(facility: { officeId: string } | null, detention: { officeId: string; transfers: number }): FacilityRefusal | null {
  if (!facility || facility.officeId !== detention.officeId) return "FACILITY_NOT_FOUND";
  if (detention.transfers > 0) return "HAS_TRANSFERS";
  return null;
}

/**
 * The review clock before and after a correction of the facts it runs on: the stored deadline moves with the
 * correction (recomputeReviewClock writes it in the same transaction). `firstReviewMarkCrossed` says whether the
 * correction moved the detention across the 48-hour mark of IRPA s.57(1) as of `now` (a first review due later,
 * or now already overdue).
 */
export function correctedClock(input: {
  before: { detainedAt: Date; timeZone: string; schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL" };
  after: { detainedAt: Date; timeZone: string; schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL" };
  reviews: ReviewInput[];
  releasedAt: Date | null;
  now: Date;
}): { before: NextReview | null; after: NextReview | null; firstReviewMarkCrossed: boolean } {
  const compute = (facts: typeof input.before) => computeReviewSchedule({ ...facts, reviews: input.reviews, releasedAt: input.releasedAt, now: input.now }).next;
  const passed = (detainedAt: Date) => firstReviewDueBy(detainedAt).getTime() < input.now.getTime();
  return { before: compute(input.before), after: compute(input.after), firstReviewMarkCrossed: passed(input.before.detainedAt) !== passed(input.after.detainedAt) };
}

// ------------------------------------------------------------------------------------------ merging

/** One of the two records of a merge, as the rules need it. */
export type MergeCandidate = {
  id: string;
  mergedIntoId: string | null;
  /** Whether the supervisor's office has a detention of this person (detaineeSearchScope without a UCI). */
  visible: boolean;
  /** Whether the person has a detention with status DETAINED (in any office). */
  detained: boolean;
  clientId: string | null;
  /** Counsel of record rows ACTIVE for this person (a counsel user or an outside lawyer). */
  activeCounsel: number;
};

export type MergeRefusal = "NOT_FOUND" | "SAME_PERSON" | "ALREADY_MERGED" | "BOTH_DETAINED" | "UCI_CONFLICT" | "COUNSEL_CONFLICT";

/**
 * Whether a supervisor may merge `duplicate` into `kept`:
 * - two different records, both visible to the supervisor's office (else "not found": a record they may not see);
 * - neither already merged (a merged record is kept only as history);
 * - not both detained now: one person cannot be in two detentions at once, so two running detentions mean two people
 *   (or one detention to end first, which is the outcome feature's);
 * - UCIs: a UCI identifies one person. Two different UCIs are refused (either they are two people, or one UCI is
 *   wrong and is corrected first); one UCI, on either record, is the kept record's afterwards (moved from the
 *   duplicate when it has it, so the merged-away record holds none and intake never points at it);
 * - counsel of record: at most one active, so both with one is refused (end one first).
 */
export function mergeRefusal(kept: MergeCandidate | null, duplicate: MergeCandidate | null): MergeRefusal | null {
  if (!kept || !duplicate || !kept.visible || !duplicate.visible) return "NOT_FOUND";
  if (kept.id === duplicate.id) return "SAME_PERSON";
  if (kept.mergedIntoId || duplicate.mergedIntoId) return "ALREADY_MERGED";
  if (kept.detained && duplicate.detained) return "BOTH_DETAINED";
  if (kept.clientId && duplicate.clientId && kept.clientId !== duplicate.clientId) return "UCI_CONFLICT";
  if (kept.activeCounsel > 0 && duplicate.activeCounsel > 0) return "COUNSEL_CONFLICT";
  return null;
}

/** The UCI the kept record has after the merge (mergeRefusal has ruled out two different ones). */
export function mergedClientId(kept: Pick<MergeCandidate, "clientId">, duplicate: Pick<MergeCandidate, "clientId">): string | null {
  return kept.clientId ?? duplicate.clientId ?? null;
}
