import type { AtdMeasure, DetentionGround, PlanStatus, ReferralStatus } from "@/lib/generated/prisma/enums";

/**
 * What makes a release plan ready for a hearing (docs/domain.md, Release-first rules). Computed,
 * never stored: the checklist always reflects the assessment, the plan and the referrals as they are.
 */

export type ReadinessInput = {
  grounds: readonly DetentionGround[];
  assessment: { interviewAt: Date | null; noInterviewReason: string | null } | null;
  plan: {
    measures: readonly AtdMeasure[];
    mitigations: readonly { ground: DetentionGround; mitigation: string }[];
    bondspersons: readonly { confirmed: boolean; citizenOrPermanentResident: boolean; residesInCanada: boolean; noGuaranteeInDefault: boolean }[];
    /**
     * The proposed residence. Optional so callers that do not load it keep the checklist they had;
     * when given, a plan relying on a residence condition needs an address (RESIDENCE_ADDRESS).
     */
    residenceAddress?: string | null;
  };
  referrals: readonly { status: ReferralStatus }[];
};

export type ReadinessItemKey = "GROUNDS_RECORDED" | "INTERVIEW_OR_REASON" | "MITIGATION_PER_GROUND" | "ACCEPTED_REFERRAL" | "CONFIRMED_BONDSPERSON" | "RESIDENCE_ADDRESS";

export type ReadinessItem = { key: ReadinessItemKey; required: boolean; met: boolean; missingGrounds?: DetentionGround[] };

export type Readiness = { ready: boolean; items: ReadinessItem[]; metCount: number; requiredCount: number };

/** Measures delivered by a provider: the plan relies on that provider accepting the person. */
export const PROVIDER_MEASURES: readonly AtdMeasure[] = ["CCMS", "CCMS_WITH_ELECTRONIC_MONITORING", "TREATMENT_PROGRAM", "COMMUNITY_PROGRAM"];
/** Measures that rely on a guarantor (IRPA s.58(3), IRPR s.47). */
export const GUARANTOR_MEASURES: readonly AtdMeasure[] = ["BONDSPERSON", "PERFORMANCE_BOND"];

/** IRPR s.47: a guarantor is a citizen or permanent resident, residing in Canada, not in default of another guarantee. */
export function bondspersonEligible(bondsperson: { citizenOrPermanentResident: boolean; residesInCanada: boolean; noGuaranteeInDefault: boolean }): boolean {
  return bondsperson.citizenOrPermanentResident && bondsperson.residesInCanada && bondsperson.noGuaranteeInDefault;
}

export function planReadiness(input: ReadinessInput): Readiness {
  const { grounds, assessment, plan, referrals } = input;
  const mitigated = new Set(plan.mitigations.filter((entry) => entry.mitigation.trim() !== "").map((entry) => entry.ground));
  const missingGrounds = grounds.filter((ground) => !mitigated.has(ground));
  const reliesOnProvider = plan.measures.some((measure) => PROVIDER_MEASURES.includes(measure));
  const reliesOnGuarantor = plan.measures.some((measure) => GUARANTOR_MEASURES.includes(measure));

  const items: ReadinessItem[] = [
    // A plan answers the grounds of detention: with none recorded there is nothing to answer yet.
    { key: "GROUNDS_RECORDED", required: true, met: grounds.length > 0 },
    { key: "INTERVIEW_OR_REASON", required: true, met: !!assessment && (assessment.interviewAt !== null || (assessment.noInterviewReason ?? "").trim() !== "") },
    { key: "MITIGATION_PER_GROUND", required: true, met: grounds.length > 0 && missingGrounds.length === 0, missingGrounds },
    { key: "ACCEPTED_REFERRAL", required: reliesOnProvider, met: referrals.some((referral) => referral.status === "ACCEPTED" || referral.status === "INTAKE_COMPLETE") },
    { key: "CONFIRMED_BONDSPERSON", required: reliesOnGuarantor, met: plan.bondspersons.some((bondsperson) => bondsperson.confirmed && bondspersonEligible(bondsperson)) },
  ];
  // A residence condition (IRPA s.58(3)) names an address the Division can order the person to live at.
  if (plan.residenceAddress !== undefined) {
    items.push({ key: "RESIDENCE_ADDRESS", required: plan.measures.includes("RESIDENCE_CONDITION"), met: (plan.residenceAddress ?? "").trim() !== "" });
  }
  const required = items.filter((item) => item.required);
  const metCount = required.filter((item) => item.met).length;
  return { ready: metCount === required.length, items, metCount, requiredCount: required.length };
}

/**
 * The plan's life: DRAFTING → READY → PRESENTED (at a review) → RELEASE_ORDERED / NOT_ACCEPTED → RELEASED.
 * A plan can go back to drafting to be revised (after NOT_ACCEPTED, for the next review), be withdrawn,
 * and a withdrawn plan can be reopened. RELEASED is final.
 */
const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  DRAFTING: ["READY", "WITHDRAWN"],
  READY: ["DRAFTING", "PRESENTED", "WITHDRAWN"],
  PRESENTED: ["RELEASE_ORDERED", "NOT_ACCEPTED", "WITHDRAWN"],
  RELEASE_ORDERED: ["RELEASED", "NOT_ACCEPTED"],
  NOT_ACCEPTED: ["DRAFTING", "WITHDRAWN"],
  RELEASED: [],
  WITHDRAWN: ["DRAFTING"],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: "NOT_ALLOWED" | "NOT_READY" };

/** Whether the plan may move from `from` to `to`. Marking READY needs the checklist complete. */
export function checkTransition(from: PlanStatus, to: PlanStatus, readiness: Pick<Readiness, "ready">): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) return { ok: false, reason: "NOT_ALLOWED" };
  if (to === "READY" && !readiness.ready) return { ok: false, reason: "NOT_READY" };
  return { ok: true };
}

/** The statuses a plan may move to now: READY is offered only when the checklist is complete. */
export function nextStatuses(from: PlanStatus, readiness: Pick<Readiness, "ready">): PlanStatus[] {
  return TRANSITIONS[from].filter((to) => checkTransition(from, to, readiness).ok);
}

// ------------------------------------------------------------------ bondspersons (IRPR s.47)

export type BondspersonVetting = { citizenOrPermanentResident: boolean; residesInCanada: boolean; noGuaranteeInDefault: boolean; confirmed: boolean };

/**
 * Whether a CLO may record the guarantor as confirmed: only once all three s.47 checks are ticked.
 * Returns the checks still missing (empty when the vetting is consistent).
 */
export function bondspersonVettingProblems(vetting: BondspersonVetting): ("citizenOrPermanentResident" | "residesInCanada" | "noGuaranteeInDefault")[] {
  if (!vetting.confirmed) return [];
  const missing: ("citizenOrPermanentResident" | "residesInCanada" | "noGuaranteeInDefault")[] = [];
  if (!vetting.citizenOrPermanentResident) missing.push("citizenOrPermanentResident");
  if (!vetting.residesInCanada) missing.push("residesInCanada");
  if (!vetting.noGuaranteeInDefault) missing.push("noGuaranteeInDefault");
  return missing;
}

/**
 * Dollars typed in a form to cents; null when blank, NaN when not an amount. Both official languages'
 * habits are read: "5,000.50" and "$5000" (English), "5 000,50 $" (French: comma as the decimal mark when
 * one or two digits follow it and there is no point).
 */
export function dollarsToCents(text: string): number | null {
  let cleaned = text.replace(/[\s\u00a0\u202f$]/g, "");
  if (cleaned === "") return null;
  if (!cleaned.includes(".") && /,\d{1,2}$/.test(cleaned)) cleaned = cleaned.replace(",", ".");
  cleaned = cleaned.replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

// ------------------------------------------------------------------ versions

/** What a ReleasePlanVersion keeps of the plan: enough to show the plan as it was at that version. */
export type PlanSnapshot = {
  status: PlanStatus;
  measures: AtdMeasure[];
  residenceAddress: string | null;
  residenceDetails: string | null;
  proposedConditions: string | null;
  mitigations: Partial<Record<DetentionGround, string>>;
  bondspersons: {
    id: string;
    name: string;
    relationship: string;
    phone: string | null;
    email: string | null;
    amountCents: number | null;
    citizenOrPermanentResident: boolean;
    residesInCanada: boolean;
    noGuaranteeInDefault: boolean;
    confirmed: boolean;
  }[];
};

export function emptyPlanSnapshot(): PlanSnapshot {
  return { status: "DRAFTING", measures: [], residenceAddress: null, residenceDetails: null, proposedConditions: null, mitigations: {}, bondspersons: [] };
}

/** The snapshot in a canonical order, so the same plan always compares equal. */
export function normalisedSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  const mitigations: Partial<Record<DetentionGround, string>> = {};
  for (const ground of Object.keys(snapshot.mitigations).sort() as DetentionGround[]) {
    const text = snapshot.mitigations[ground]?.trim();
    if (text) mitigations[ground] = text;
  }
  return {
    ...snapshot,
    measures: [...new Set(snapshot.measures)].sort(),
    mitigations,
    bondspersons: [...snapshot.bondspersons].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const BONDSPERSON_FIELDS = ["name", "relationship", "phone", "email", "amountCents", "citizenOrPermanentResident", "residesInCanada", "noGuaranteeInDefault", "confirmed"] as const;

/**
 * The names of what changed between two versions of a plan, never the values: the version history
 * and the audit trail show who changed what and when without copying personal data into them.
 * Mitigations are named per ground ("mitigations.UNLIKELY_TO_APPEAR"), bondsperson edits per field
 * ("bondspersons.confirmed"), additions and removals as "bondspersons.added" / "bondspersons.removed".
 */
export function planChanges(before: PlanSnapshot, after: PlanSnapshot): string[] {
  const a = normalisedSnapshot(before);
  const b = normalisedSnapshot(after);
  const changes = new Set<string>();
  if (a.status !== b.status) changes.add("status");
  if (a.measures.join() !== b.measures.join()) changes.add("measures");
  for (const field of ["residenceAddress", "residenceDetails", "proposedConditions"] as const) {
    if ((a[field] ?? "").trim() !== (b[field] ?? "").trim()) changes.add(field);
  }
  for (const ground of new Set([...Object.keys(a.mitigations), ...Object.keys(b.mitigations)]) as Set<DetentionGround>) {
    if ((a.mitigations[ground] ?? "") !== (b.mitigations[ground] ?? "")) changes.add(`mitigations.${ground}`);
  }
  const beforeById = new Map(a.bondspersons.map((bondsperson) => [bondsperson.id, bondsperson]));
  const afterIds = new Set(b.bondspersons.map((bondsperson) => bondsperson.id));
  for (const bondsperson of b.bondspersons) {
    const previous = beforeById.get(bondsperson.id);
    if (!previous) {
      changes.add("bondspersons.added");
      continue;
    }
    for (const field of BONDSPERSON_FIELDS) if (previous[field] !== bondsperson[field]) changes.add(`bondspersons.${field}`);
  }
  if (a.bondspersons.some((bondsperson) => !afterIds.has(bondsperson.id))) changes.add("bondspersons.removed");
  return [...changes].sort();
}

/** The snapshot of a plan as loaded from the database. */
export function planSnapshotOf(plan: {
  status: PlanStatus;
  measures: readonly AtdMeasure[];
  residenceAddress: string | null;
  residenceDetails: string | null;
  proposedConditions: string | null;
  mitigations: readonly { ground: DetentionGround; mitigation: string }[];
  bondspersons: readonly PlanSnapshot["bondspersons"][number][];
}): PlanSnapshot {
  return normalisedSnapshot({
    status: plan.status,
    measures: [...plan.measures],
    residenceAddress: plan.residenceAddress,
    residenceDetails: plan.residenceDetails,
    proposedConditions: plan.proposedConditions,
    mitigations: Object.fromEntries(plan.mitigations.map((entry) => [entry.ground, entry.mitigation])),
    bondspersons: plan.bondspersons.map((bondsperson) => ({
      id: bondsperson.id,
      name: bondsperson.name,
      relationship: bondsperson.relationship,
      phone: bondsperson.phone,
      email: bondsperson.email,
      amountCents: bondsperson.amountCents,
      citizenOrPermanentResident: bondsperson.citizenOrPermanentResident,
      residesInCanada: bondsperson.residesInCanada,
      noGuaranteeInDefault: bondsperson.noGuaranteeInDefault,
      confirmed: bondsperson.confirmed,
    })),
  });
}
