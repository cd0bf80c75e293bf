import "server-only";
import { db, type Transaction } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { canConfirmBondsperson, canEditPlan, canProposeBondsperson } from "@/lib/authz/plans";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditAction } from "@/lib/audit/events";
import { isUniqueViolation } from "@/lib/assessments/mutations";
import { loadReadiness } from "@/lib/release-plans/queries";
import { checkTransition, emptyPlanSnapshot, planChanges, planSnapshotOf, type PlanSnapshot } from "@/lib/release-plans/rules";
import type { BondspersonForm, PlanForm, PlanStatusForm, RemoveBondspersonForm } from "@/lib/release-plans/schema";
import type { DetentionGround } from "@/lib/generated/prisma/enums";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type PlanMutationResult =
  | { ok: true; version: number; changes: string[] }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "NOT_ALLOWED" | "NOT_READY" | "CONFIRM_REQUIRES_CHECKS" };

const notFound = { ok: false, reason: "NOT_FOUND" } as const;
const stale = { ok: false, reason: "STALE_VERSION" } as const;

export const SNAPSHOT_SELECT = {
  id: true,
  version: true,
  status: true,
  measures: true,
  residenceAddress: true,
  residenceDetails: true,
  proposedConditions: true,
  mitigations: { select: { ground: true, mitigation: true } },
  bondspersons: {
    select: { id: true, name: true, relationship: true, phone: true, email: true, amountCents: true, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true, confirmed: true },
  },
} as const;

/** The plan of a detention the actor may see, as it is inside this transaction. */
async function scopedPlan(tx: Transaction, actor: Actor, detentionId: string) {
  const detention = await tx.detention.findFirst({
    where: { AND: [{ id: detentionId }, detentionScope(actor)] },
    select: { id: true, grounds: true, releasePlan: { select: SNAPSHOT_SELECT } },
  });
  return detention;
}

/**
 * Records a substantive change: the plan's version goes up only if it is still the version the user
 * worked from (a concurrent change is refused, nothing overwritten), and the new version is kept with
 * its snapshot and the names of the changed fields.
 */
async function commitVersion(
  tx: Transaction,
  planId: string,
  fromVersion: number,
  data: { status?: PlanSnapshot["status"]; statusChangedAt?: Date; measures?: PlanSnapshot["measures"]; residenceAddress?: string | null; residenceDetails?: string | null; proposedConditions?: string | null },
): Promise<boolean> {
  const { count } = await tx.releasePlan.updateMany({ where: { id: planId, version: fromVersion }, data: { ...data, version: { increment: 1 } } });
  return count === 1;
}

/**
 * `after`, when the caller knows the plan as it now stands (it wrote every field of the snapshot in this transaction),
 * spares reading the plan back; otherwise it is read.
 */
export async function recordVersion(
  tx: Transaction,
  actor: Actor,
  input: { planId: string; detentionId: string; version: number; before: PlanSnapshot; after?: PlanSnapshot; action: AuditAction; extra?: Record<string, string> },
) {
  const after = input.after ?? planSnapshotOf(await tx.releasePlan.findUniqueOrThrow({ where: { id: input.planId }, select: SNAPSHOT_SELECT }));
  const changes = planChanges(input.before, after);
  await tx.releasePlanVersion.create({
    data: { planId: input.planId, version: input.version, snapshot: after as unknown as InputJsonValue, changes, changedById: actor.userId },
  });
  // The audit event names fields, never their values.
  await recordAudit(tx, actor, { action: input.action, entityType: "ReleasePlan", entityId: input.planId, detentionId: input.detentionId, metadata: { version: input.version, changes, ...input.extra } });
  return changes;
}

/**
 * Starts the release plan of a detention, prefilled from the assessment: its recommended measures and,
 * for each ground of detention, the mitigation the assessment proposed. Idempotent: an existing plan is kept.
 */
export async function createPlan(actor: Actor, input: { detentionId: string }): Promise<PlanMutationResult> {
  if (!canEditPlan(actor)) return notFound;
  try {
    return await db().$transaction(async (tx) => {
      const detention = await tx.detention.findFirst({
        where: { AND: [{ id: input.detentionId }, detentionScope(actor)] },
        select: { id: true, grounds: true, releasePlan: { select: { version: true } }, assessment: { select: { recommendedMeasures: true, grounds: { select: { ground: true, mitigation: true } } } } },
      });
      if (!detention) return notFound;
      if (detention.releasePlan) return { ok: true, version: detention.releasePlan.version, changes: [] } as const;
      const mitigations = (detention.assessment?.grounds ?? [])
        .filter((entry): entry is { ground: DetentionGround; mitigation: string } => detention.grounds.includes(entry.ground) && (entry.mitigation ?? "").trim() !== "")
        .map((entry) => ({ ground: entry.ground, mitigation: entry.mitigation }));
      const plan = await tx.releasePlan.create({
        data: { detentionId: detention.id, measures: detention.assessment?.recommendedMeasures ?? [], mitigations: { create: mitigations } },
        select: { id: true, version: true },
      });
      const changes = await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: plan.version, before: emptyPlanSnapshot(), action: "plan.create" });
      return { ok: true, version: plan.version, changes } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return stale;
    throw error;
  }
}

/** Saves measures, residence, conditions and the mitigation per ground. An unchanged form makes no new version. */
export async function savePlan(actor: Actor, form: PlanForm): Promise<PlanMutationResult> {
  if (!canEditPlan(actor)) return notFound;
  return db().$transaction(async (tx) => {
    const detention = await scopedPlan(tx, actor, form.detentionId);
    if (!detention?.releasePlan) return notFound;
    const plan = detention.releasePlan;
    if (plan.version !== form.version) return stale;
    const before = planSnapshotOf(plan);
    const mitigations: Partial<Record<DetentionGround, string>> = {};
    for (const ground of detention.grounds) {
      const text = form[`mitigation_${ground}`];
      if (text) mitigations[ground] = text;
    }
    const after: PlanSnapshot = {
      ...before,
      measures: [...new Set(form.measures)],
      residenceAddress: form.residenceAddress,
      residenceDetails: form.residenceDetails,
      proposedConditions: form.proposedConditions,
      mitigations,
    };
    if (planChanges(before, after).length === 0) return { ok: true, version: plan.version, changes: [] } as const;

    const written = {
      measures: after.measures,
      residenceAddress: after.residenceAddress,
      residenceDetails: after.residenceDetails,
      proposedConditions: after.proposedConditions,
    };
    const committed = await commitVersion(tx, plan.id, form.version, written);
    if (!committed) return stale;
    const rows = Object.entries(mitigations).map(([ground, mitigation]) => ({ planId: plan.id, ground: ground as DetentionGround, mitigation: mitigation! }));
    // The mitigations are rewritten only when they changed (as stored, untrimmed): most saves change other fields.
    const stored = new Map(plan.mitigations.map((entry) => [entry.ground, entry.mitigation]));
    if (stored.size !== rows.length || rows.some((row) => stored.get(row.ground) !== row.mitigation)) {
      await tx.planMitigation.deleteMany({ where: { planId: plan.id } });
      if (rows.length > 0) await tx.planMitigation.createMany({ data: rows });
    }
    // Everything the snapshot holds is known here (what was read, with what was just written): no read back.
    const now = planSnapshotOf({ ...plan, ...written, mitigations: rows });
    const changes = await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: form.version + 1, before, after: now, action: "plan.update" });
    return { ok: true, version: form.version + 1, changes } as const;
  });
}

/**
 * Adds a bondsperson or updates one. The case team adds, vets and confirms; counsel of record may only
 * propose a new one (never confirmed by them, and they change no existing guarantor).
 */
export async function saveBondsperson(actor: Actor, form: BondspersonForm): Promise<PlanMutationResult> {
  const confirmer = canConfirmBondsperson(actor);
  if (!(form.bondspersonId ? canEditPlan(actor) : canProposeBondsperson(actor))) return notFound;
  // IRPR s.47: checked here as well as in the form schema; a confirmed guarantor has passed all three checks.
  const confirmed = confirmer && form.confirmed;
  if (confirmed && !(form.citizenOrPermanentResident && form.residesInCanada && form.noGuaranteeInDefault)) return { ok: false, reason: "CONFIRM_REQUIRES_CHECKS" };
  return db().$transaction(async (tx) => {
    const detention = await scopedPlan(tx, actor, form.detentionId);
    if (!detention?.releasePlan) return notFound;
    const plan = detention.releasePlan;
    if (form.bondspersonId && !plan.bondspersons.some((bondsperson) => bondsperson.id === form.bondspersonId)) return notFound;
    const before = planSnapshotOf(plan);
    if (!(await commitVersion(tx, plan.id, form.planVersion, {}))) return stale;
    const fields = {
      name: form.name,
      relationship: form.relationship,
      phone: form.phone,
      email: form.email,
      amountCents: form.amount,
      citizenOrPermanentResident: form.citizenOrPermanentResident,
      residesInCanada: form.residesInCanada,
      noGuaranteeInDefault: form.noGuaranteeInDefault,
      confirmed,
    };
    if (form.bondspersonId) await tx.bondsperson.update({ where: { id: form.bondspersonId }, data: fields });
    else await tx.bondsperson.create({ data: { ...fields, planId: plan.id, proposedById: actor.userId } });
    const action = form.bondspersonId ? "plan.bondsperson.update" : confirmer ? "plan.bondsperson.add" : "plan.bondsperson.propose";
    const changes = await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: form.planVersion + 1, before, action });
    return { ok: true, version: form.planVersion + 1, changes } as const;
  });
}

export async function removeBondsperson(actor: Actor, form: RemoveBondspersonForm): Promise<PlanMutationResult> {
  if (!canEditPlan(actor)) return notFound;
  return db().$transaction(async (tx) => {
    const detention = await scopedPlan(tx, actor, form.detentionId);
    if (!detention?.releasePlan) return notFound;
    const plan = detention.releasePlan;
    if (!plan.bondspersons.some((bondsperson) => bondsperson.id === form.bondspersonId)) return notFound;
    const before = planSnapshotOf(plan);
    if (!(await commitVersion(tx, plan.id, form.planVersion, {}))) return stale;
    await tx.bondsperson.delete({ where: { id: form.bondspersonId } });
    const changes = await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: form.planVersion + 1, before, action: "plan.bondsperson.remove" });
    return { ok: true, version: form.planVersion + 1, changes } as const;
  });
}

/**
 * Moves the plan to another status. The transition rules run here, on the server, against the
 * checklist recomputed from the database inside this transaction: what the browser showed or sent
 * about readiness is never trusted (DRAFTING → READY only with the checklist complete).
 */
export async function changePlanStatus(actor: Actor, form: PlanStatusForm): Promise<PlanMutationResult> {
  if (!canEditPlan(actor)) return notFound;
  return db().$transaction(async (tx) => {
    const detention = await scopedPlan(tx, actor, form.detentionId);
    if (!detention?.releasePlan) return notFound;
    const plan = detention.releasePlan;
    if (plan.version !== form.version) return stale;
    const loaded = await loadReadiness(tx, detention.id);
    if (!loaded) return notFound;
    const check = checkTransition(plan.status, form.to, loaded.readiness);
    if (!check.ok) return { ok: false, reason: check.reason } as const;
    const before = planSnapshotOf(plan);
    if (!(await commitVersion(tx, plan.id, form.version, { status: form.to, statusChangedAt: new Date() }))) return stale;
    const changes = await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: form.version + 1, before, action: "plan.status", extra: { from: plan.status, to: form.to } });
    return { ok: true, version: form.version + 1, changes } as const;
  });
}
