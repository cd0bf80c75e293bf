import type { AtdMeasure, DecisionMaker, DetentionStatus, OutcomeKind, PlanStatus, ReleaseType, ReviewSchedule } from "@/lib/generated/prisma/enums";

/**
 * How a detention ends: which outcomes may be recorded from which status, what each kind of release needs, and what
 * recording one does to the detention, its plan and the reports. Pure functions, no I/O (docs/domain.md, "The law").
 *
 * Choices where the law leaves the app a choice (each says so in the code below):
 * - An outcome is recorded only for a person still DETAINED with no outcome in force: "released twice" is refused, and
 *   a person detained again after a release gets a new Detention at intake, with its own outcome later.
 * - A CBSA officer's release (IRPA s.56(1)) is accepted only while the officer-release window was open at the moment of
 *   release (before the first review by the ID held, standard schedule: computeReviewSchedule's
 *   officerReleaseWindowOpen). After a review that ordered release, the release is the ID's order, recorded as an ID
 *   order (on conditions or without), not as an officer's release.
 * - The Minister's release (IRPA s.58.1) is accepted only for a designated foreign national.
 * - The outcome's time may not precede the detention, nor be in the future beyond a few minutes of clock difference
 *   between the user's device and the server.
 */

/** A device's clock may run a little ahead of the server's: an outcome this far ahead of `now` is still "now". */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

export const OUTCOME_KINDS = ["RELEASE", "REMOVAL", "TRANSFER_OUT", "OTHER_END"] as const satisfies readonly OutcomeKind[];
export const RELEASE_TYPES = ["ID_ORDER_ON_CONDITIONS", "ID_ORDER_WITHOUT_CONDITIONS", "CBSA_OFFICER_RELEASE", "MINISTER_RELEASE", "OTHER"] as const satisfies readonly ReleaseType[];
export const DECISION_MAKERS = ["IMMIGRATION_DIVISION", "CBSA_OFFICER", "MINISTER", "OTHER"] as const satisfies readonly DecisionMaker[];
export const REPORTING_MODES = ["IN_PERSON", "VOICE"] as const;
export const REPORTING_FREQUENCIES = ["DAILY", "TWICE_WEEKLY", "WEEKLY", "EVERY_TWO_WEEKS", "MONTHLY", "AS_DIRECTED"] as const;

/** The conditions actually imposed on a release (stored as DetentionOutcome.conditions). Money in cents. */
export type OutcomeConditions = {
  reporting: { mode: (typeof REPORTING_MODES)[number]; frequency: (typeof REPORTING_FREQUENCIES)[number] } | null;
  residenceAddress: string | null;
  bondsperson: { name: string; amountCents: number } | null;
  cashDepositCents: number | null;
  performanceBondCents: number | null;
  ccms: { program: string | null; provider: string } | null;
  curfew: string | null;
  electronicMonitoring: boolean;
  other: string | null;
};

export const NO_CONDITIONS: OutcomeConditions = {
  reporting: null,
  residenceAddress: null,
  bondsperson: null,
  cashDepositCents: null,
  performanceBondCents: null,
  ccms: null,
  curfew: null,
  electronicMonitoring: false,
  other: null,
};

/** The names of the conditions imposed (for the audit event and the display order): never their values. */
export function conditionNames(conditions: OutcomeConditions | null): string[] {
  if (!conditions) return [];
  const names: string[] = [];
  if (conditions.reporting) names.push("reporting");
  if (conditions.residenceAddress) names.push("residence");
  if (conditions.bondsperson) names.push("bondsperson");
  if (conditions.cashDepositCents !== null) names.push("cashDeposit");
  if (conditions.performanceBondCents !== null) names.push("performanceBond");
  if (conditions.ccms) names.push("ccms");
  if (conditions.curfew) names.push("curfew");
  if (conditions.electronicMonitoring) names.push("electronicMonitoring");
  if (conditions.other) names.push("other");
  return names;
}

/**
 * The ATD measures the imposed conditions amount to, for the reports ("releases on ATD" counts a release with at
 * least one). Electronic monitoring is delivered through CCMS in CBSA's program: with CCMS it is
 * CCMS_WITH_ELECTRONIC_MONITORING; alone, a curfew, or another condition in words, it counts as OTHER.
 */
export function atdMeasuresOf(conditions: OutcomeConditions | null): AtdMeasure[] {
  if (!conditions) return [];
  const measures = new Set<AtdMeasure>();
  if (conditions.reporting) measures.add(conditions.reporting.mode === "VOICE" ? "VOICE_REPORTING" : "IN_PERSON_REPORTING");
  if (conditions.residenceAddress) measures.add("RESIDENCE_CONDITION");
  if (conditions.bondsperson) measures.add("BONDSPERSON");
  if (conditions.cashDepositCents !== null) measures.add("CASH_DEPOSIT");
  if (conditions.performanceBondCents !== null) measures.add("PERFORMANCE_BOND");
  if (conditions.ccms) measures.add(conditions.electronicMonitoring ? "CCMS_WITH_ELECTRONIC_MONITORING" : "CCMS");
  if ((conditions.electronicMonitoring && !conditions.ccms) || conditions.curfew || conditions.other) measures.add("OTHER");
  return [...measures];
}

/** The detention's status once the outcome is recorded. */
export function statusForOutcome(kind: OutcomeKind): DetentionStatus {
  switch (kind) {
    case "RELEASE":
      return "RELEASED";
    case "REMOVAL":
      return "REMOVED";
    case "TRANSFER_OUT":
      return "TRANSFERRED_OUT";
    case "OTHER_END":
      return "ENDED";
  }
}

/** Who decides each kind of release, when the law names one (IRPA ss.56(1), 58, 58.1); null: the form says who. */
export function decisionMakerForRelease(releaseType: ReleaseType): DecisionMaker | null {
  switch (releaseType) {
    case "ID_ORDER_ON_CONDITIONS":
    case "ID_ORDER_WITHOUT_CONDITIONS":
      return "IMMIGRATION_DIVISION";
    case "CBSA_OFFICER_RELEASE":
      return "CBSA_OFFICER";
    case "MINISTER_RELEASE":
      return "MINISTER";
    case "OTHER":
      return null;
  }
}

/**
 * Whether a release moves the release plan to RELEASED: the plan was carried to the decision (ready, presented, or
 * release ordered on it). A plan still being drafted, not accepted or withdrawn stays as it is, and the outcome
 * records that the release happened without it.
 */
export function releasedOnPlan(planStatus: PlanStatus | null): boolean {
  return planStatus === "READY" || planStatus === "PRESENTED" || planStatus === "RELEASE_ORDERED";
}

export type OutcomeDraft = {
  kind: OutcomeKind;
  releaseType: ReleaseType | null;
  occurredAt: Date;
  /** As chosen on the form; null when not chosen (a release type that names its decision maker fills it in). */
  decidedBy: DecisionMaker | null;
  reason: string | null;
  conditions: OutcomeConditions | null;
};

export type OutcomeContext = {
  status: DetentionStatus;
  /** Whether an outcome not superseded exists for the detention (the database's one-in-force index backs this). */
  hasOutcomeInForce: boolean;
  detainedAt: Date;
  schedule: ReviewSchedule;
  /** IRPA s.56(1): whether an officer could still release at the outcome's time (computeReviewSchedule, as of then). */
  officerReleaseWindowOpen: boolean;
  now: Date;
};

export type OutcomeCheck =
  | { ok: true; decidedBy: DecisionMaker; releaseType: ReleaseType | null; conditions: OutcomeConditions | null; atdMeasures: AtdMeasure[]; status: DetentionStatus }
  | { ok: false; reason: "NOT_DETAINED" }
  | { ok: false; reason: "FIELD"; field: string; key: string };

const field = (name: string, key: string) => ({ ok: false, reason: "FIELD", field: name, key }) as const;

/**
 * Whether this outcome may be recorded on a detention in this state, and what it amounts to (the decision maker, the
 * conditions kept, the ATD measures, the new status). The first rule broken is answered, naming its field.
 */
export function checkOutcome(draft: OutcomeDraft, context: OutcomeContext): OutcomeCheck {
  if (context.status !== "DETAINED" || context.hasOutcomeInForce) return { ok: false, reason: "NOT_DETAINED" };
  if (draft.occurredAt.getTime() < context.detainedAt.getTime()) return field("date", "outcomeBeforeDetention");
  if (draft.occurredAt.getTime() > context.now.getTime() + CLOCK_TOLERANCE_MS) return field("date", "outcomeInFuture");

  if (draft.kind !== "RELEASE") {
    // Where the person went (a transfer out) or how the detention ended (another end) is the record itself.
    if ((draft.kind === "TRANSFER_OUT" || draft.kind === "OTHER_END") && !draft.reason) return field("reason", "outcomeReasonRequired");
    if (!draft.decidedBy) return field("decidedBy", "required");
    return { ok: true, decidedBy: draft.decidedBy, releaseType: null, conditions: null, atdMeasures: [], status: statusForOutcome(draft.kind) };
  }

  const releaseType = draft.releaseType;
  if (!releaseType) return field("releaseType", "required");
  const named = decisionMakerForRelease(releaseType);
  if (named && draft.decidedBy && draft.decidedBy !== named) return field("decidedBy", "decidedByMismatch");
  const decidedBy = named ?? draft.decidedBy;
  if (!decidedBy) return field("decidedBy", "required");

  const imposed = conditionNames(draft.conditions).length > 0 ? draft.conditions : null;
  switch (releaseType) {
    case "ID_ORDER_ON_CONDITIONS":
      // IRPA s.58(3): an order on conditions names at least one.
      if (!imposed) return field("conditions", "conditionsRequired");
      break;
    case "ID_ORDER_WITHOUT_CONDITIONS":
      if (imposed) return field("conditions", "conditionsNotAllowed");
      break;
    case "CBSA_OFFICER_RELEASE":
      if (context.schedule === "DESIGNATED_FOREIGN_NATIONAL" || !context.officerReleaseWindowOpen) return field("releaseType", "officerWindowClosed");
      break;
    case "MINISTER_RELEASE":
      if (context.schedule !== "DESIGNATED_FOREIGN_NATIONAL") return field("releaseType", "ministerOnlyDesignated");
      break;
    case "OTHER":
      if (!draft.reason) return field("reason", "outcomeReasonRequired");
      break;
  }
  return { ok: true, decidedBy, releaseType, conditions: imposed, atdMeasures: atdMeasuresOf(imposed), status: "RELEASED" };
}

/** Undoing or correcting acts on the outcome in force only, by a supervisor, with a reason (lib/outcomes/mutations.ts). */
export function outcomeInForce<T extends { supersededAt: Date | null }>(outcomes: readonly T[]): T | null {
  return outcomes.find((outcome) => outcome.supersededAt === null) ?? null;
}
