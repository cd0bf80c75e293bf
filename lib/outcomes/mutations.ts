import "server-only";
import { db, type Transaction } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { mayRecordOutcome, maySupersedeOutcome } from "@/lib/authz/outcomes";
import { recordAudit } from "@/lib/audit/mutations";
import { isUniqueViolation } from "@/lib/assessments/mutations";
import { recomputeReviewClock } from "@/lib/reviews/mutations";
import { recordVersion, SNAPSHOT_SELECT } from "@/lib/release-plans/mutations";
import { planSnapshotOf } from "@/lib/release-plans/rules";
import { computeReviewSchedule } from "@/lib/reviews/rules";
import { checkOutcome, conditionNames, releasedOnPlan } from "@/lib/outcomes/rules";
import { wallClockToInstant } from "@/lib/time/facility-clock";
import type { CorrectOutcomeInput, RecordOutcomeInput, UndoOutcomeInput } from "@/lib/outcomes/schema";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

/**
 * Recording how a detention ended, and a supervisor setting a recorded outcome aside (lib/outcomes/rules.ts has the
 * rules). Each is one transaction, version-checked, with its audit events:
 * - recordOutcome: the outcome row; the detention's status, end time (releasedAt, for every kind of end: the review
 *   chain ends with it) and release type; the review clock recomputed (no next review: the reviews dashboard and the
 *   calendar feeds follow DETAINED detentions only, so a hearing still scheduled drops out of them and stays on the
 *   record, ready again if the outcome is undone); the plan to RELEASED when the release was on it (a new plan
 *   version); the open tasks cancelled as "Case closed". What changed is kept on the outcome (planStatusBefore,
 *   closedTaskIds) so an undo restores exactly that.
 * - undoOutcome: the outcome in force superseded without a replacement; the person DETAINED again as before.
 * - correctOutcome: the outcome in force superseded by a new one (replacedById), as if undone then recorded again.
 */

export type OutcomeMutationResult =
  | { ok: true; outcomeId: string | null }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "NOT_DETAINED" }
  | { ok: false; reason: "FIELD"; field: string; key: string };

/** The outcome written on the tasks an outcome closes (stored data, like a task's title). */
export const CASE_CLOSED = "Case closed";

class Refusal extends Error {
  constructor(readonly result: Exclude<OutcomeMutationResult, { ok: true }>) {
    super(result.reason);
  }
}

/** Runs work in one transaction: the app's database client's, or (the demo seed only) another client's. */
export type TransactionRunner = (work: (tx: Transaction) => Promise<OutcomeMutationResult>) => Promise<OutcomeMutationResult>;

async function run(work: (tx: Transaction) => Promise<OutcomeMutationResult>, transact: TransactionRunner = (inner) => db().$transaction(inner)) {
  try {
    return await transact(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    // Two people recording an outcome at once: the one-in-force index refuses the second.
    if (isUniqueViolation(error)) return { ok: false, reason: "STALE_VERSION" } as const;
    throw error;
  }
}

const DETENTION_SELECT = {
  id: true,
  status: true,
  detainedAt: true,
  schedule: true,
  facility: { select: { timeZone: true } },
  reviews: { where: { outcome: { not: null }, startedOn: { not: null } }, select: { startedOn: true, concludedOn: true, outcome: true, early: true } },
  releasePlan: { select: SNAPSHOT_SELECT },
  outcomes: { where: { supersededAt: null }, select: { id: true } },
} as const;

/** Bumps the detention's version if it is still the one the form was rendered from, inside the actor's scope. */
async function claimDetention(tx: Transaction, actor: Actor, detentionId: string, version: number | null) {
  const scoped = { AND: [{ id: detentionId }, detentionScope(actor)] };
  const { count } = await tx.detention.updateMany({ where: { AND: [scoped, version === null ? {} : { version }] }, data: { version: { increment: 1 } } });
  if (count === 0) {
    const exists = await tx.detention.count({ where: scoped });
    throw new Refusal({ ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" });
  }
  return tx.detention.findUniqueOrThrow({ where: { id: detentionId }, select: DETENTION_SELECT });
}

type ClaimedDetention = Awaited<ReturnType<typeof claimDetention>>;
type OutcomeFields = Pick<RecordOutcomeInput, "kind" | "releaseType" | "date" | "time" | "decidedBy" | "decisionMakerName" | "reason" | "conditions">;

/** Writes an outcome and its effects on a detention known to be DETAINED with no outcome in force. */
async function applyOutcome(tx: Transaction, actor: Actor, detention: ClaimedDetention, input: OutcomeFields, now: Date) {
  const zone = detention.facility.timeZone;
  const occurredAt = wallClockToInstant(input.date, input.time, zone);
  if (!occurredAt) throw new Refusal({ ok: false, reason: "FIELD", field: "date", key: "dateDoesNotExist" });
  // IRPA s.56(1): whether an officer could still release at that moment, from the reviews held before it.
  const { officerReleaseWindowOpen } = computeReviewSchedule({
    detainedAt: detention.detainedAt,
    timeZone: zone,
    schedule: detention.schedule,
    reviews: detention.reviews
      .filter((review) => review.startedOn!.getTime() < occurredAt.getTime())
      .map((review) => ({ startedOn: review.startedOn!, concludedOn: review.concludedOn, outcome: review.outcome!, early: review.early })),
    now: occurredAt.getTime() < detention.detainedAt.getTime() ? detention.detainedAt : occurredAt,
  });
  const check = checkOutcome(
    { kind: input.kind, releaseType: input.releaseType, occurredAt, decidedBy: input.decidedBy, reason: input.reason, conditions: input.conditions },
    { status: detention.status, hasOutcomeInForce: detention.outcomes.length > 0, detainedAt: detention.detainedAt, schedule: detention.schedule, officerReleaseWindowOpen, now },
  );
  if (!check.ok) throw new Refusal(check);

  // The release plan carried to the decision becomes RELEASED, as a new version of the plan.
  const plan = detention.releasePlan;
  const onPlan = input.kind === "RELEASE" && plan !== null && releasedOnPlan(plan.status);
  if (onPlan && plan) {
    const { count } = await tx.releasePlan.updateMany({ where: { id: plan.id, version: plan.version }, data: { status: "RELEASED", statusChangedAt: now, version: { increment: 1 } } });
    if (count === 0) throw new Refusal({ ok: false, reason: "STALE_VERSION" });
    await recordVersion(tx, actor, { planId: plan.id, detentionId: detention.id, version: plan.version + 1, before: planSnapshotOf(plan), action: "plan.status", extra: { from: plan.status, to: "RELEASED" } });
  }

  // Open tasks close: the case is closed. Which ones is kept, so an undo reopens exactly those.
  const open = await tx.task.findMany({ where: { detentionId: detention.id, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true } });
  const closedTaskIds = open.map((task) => task.id);
  if (closedTaskIds.length > 0) {
    await tx.task.updateMany({ where: { id: { in: closedTaskIds } }, data: { status: "CANCELLED", outcome: CASE_CLOSED, completedAt: now, version: { increment: 1 } } });
  }

  const outcome = await tx.detentionOutcome.create({
    data: {
      detentionId: detention.id,
      kind: input.kind,
      releaseType: check.releaseType,
      occurredAt,
      decidedBy: check.decidedBy,
      decisionMakerName: input.decisionMakerName,
      reason: input.reason,
      conditions: (check.conditions ?? undefined) as InputJsonValue | undefined,
      atdMeasures: check.atdMeasures,
      onPlan,
      planStatusBefore: onPlan ? plan!.status : null,
      closedTaskIds,
      recordedById: actor.userId,
      recordedAt: now,
    },
    select: { id: true },
  });
  await tx.detention.update({ where: { id: detention.id }, data: { status: check.status, releasedAt: occurredAt, releaseType: check.releaseType } });
  await recomputeReviewClock(tx, detention.id, now);
  return {
    outcomeId: outcome.id,
    // Codes and field names only: which conditions, never their values.
    metadata: { kind: input.kind, releaseType: check.releaseType, decidedBy: check.decidedBy, status: check.status, onPlan, conditions: conditionNames(check.conditions), closedTasks: closedTaskIds.length },
  };
}

/**
 * Records how a detention ended. `transact` is for the demo seed, which runs outside the app with a database client of
 * its own; the app always uses the one client (lib/db.ts).
 */
export async function recordOutcome(actor: Actor, input: RecordOutcomeInput, now = new Date(), transact?: TransactionRunner): Promise<OutcomeMutationResult> {
  if (!mayRecordOutcome(actor)) return { ok: false, reason: "NOT_FOUND" };
  return run(async (tx) => {
    const detention = await claimDetention(tx, actor, input.detentionId, input.detentionVersion);
    const { outcomeId, metadata } = await applyOutcome(tx, actor, detention, input, now);
    await recordAudit(tx, actor, { action: "detention.outcome.record", entityType: "DetentionOutcome", entityId: outcomeId, detentionId: detention.id, metadata });
    return { ok: true, outcomeId };
  }, transact);
}

/**
 * Sets the outcome in force aside (version-checked on the outcome) and restores what recording it changed: the
 * detention DETAINED with no end time, the plan's status before the release, the tasks it closed reopened, and the
 * review clock recomputed (a hearing still scheduled is the next review's again).
 */
async function supersede(tx: Transaction, actor: Actor, input: { detentionId: string; outcomeId: string; outcomeVersion: number }, reason: string, now: Date) {
  const scoped = { id: input.outcomeId, detentionId: input.detentionId, supersededAt: null, detention: detentionScope(actor) };
  const { count } = await tx.detentionOutcome.updateMany({
    where: { ...scoped, version: input.outcomeVersion },
    data: { supersededAt: now, supersededById: actor.userId, supersedeReason: reason, version: { increment: 1 } },
  });
  if (count === 0) {
    const exists = await tx.detentionOutcome.count({ where: scoped });
    throw new Refusal({ ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" });
  }
  const outcome = await tx.detentionOutcome.findUniqueOrThrow({ where: { id: input.outcomeId }, select: { id: true, kind: true, onPlan: true, planStatusBefore: true, closedTaskIds: true } });
  await claimDetention(tx, actor, input.detentionId, null);
  await tx.detention.update({ where: { id: input.detentionId }, data: { status: "DETAINED", releasedAt: null, releaseType: null } });

  const plan = await tx.releasePlan.findUnique({ where: { detentionId: input.detentionId }, select: SNAPSHOT_SELECT });
  if (outcome.onPlan && outcome.planStatusBefore && plan?.status === "RELEASED") {
    await tx.releasePlan.update({ where: { id: plan.id }, data: { status: outcome.planStatusBefore, statusChangedAt: now, version: { increment: 1 } } });
    await recordVersion(tx, actor, { planId: plan.id, detentionId: input.detentionId, version: plan.version + 1, before: planSnapshotOf(plan), action: "plan.status", extra: { from: "RELEASED", to: outcome.planStatusBefore } });
  }
  // Reopened as open: whether one was in progress was not kept. A task someone changed since is left as it is.
  const { count: reopened } = await tx.task.updateMany({
    where: { id: { in: outcome.closedTaskIds }, status: "CANCELLED", outcome: CASE_CLOSED },
    data: { status: "OPEN", outcome: null, completedAt: null, version: { increment: 1 } },
  });
  await recomputeReviewClock(tx, input.detentionId, now);
  return { outcome, reopened };
}

/** A supervisor undoes an outcome recorded by mistake: the person is detained again, as before it was recorded. */
export async function undoOutcome(actor: Actor, input: UndoOutcomeInput, now = new Date()): Promise<OutcomeMutationResult> {
  if (!maySupersedeOutcome(actor)) return { ok: false, reason: "NOT_FOUND" };
  return run(async (tx) => {
    const { outcome, reopened } = await supersede(tx, actor, input, input.undoReason, now);
    await recordAudit(tx, actor, { action: "detention.outcome.undo", entityType: "DetentionOutcome", entityId: outcome.id, detentionId: input.detentionId, metadata: { kind: outcome.kind, reopenedTasks: reopened } });
    return { ok: true, outcomeId: null };
  });
}

/** A supervisor corrects an outcome: the one in force is superseded by the corrected one, which the rules check afresh. */
export async function correctOutcome(actor: Actor, input: CorrectOutcomeInput, now = new Date()): Promise<OutcomeMutationResult> {
  if (!maySupersedeOutcome(actor)) return { ok: false, reason: "NOT_FOUND" };
  return run(async (tx) => {
    const { outcome } = await supersede(tx, actor, input, input.correctionReason, now);
    const detention = await tx.detention.findUniqueOrThrow({ where: { id: input.detentionId }, select: DETENTION_SELECT });
    const applied = await applyOutcome(tx, actor, detention, input, now);
    await tx.detentionOutcome.update({ where: { id: outcome.id }, data: { replacedById: applied.outcomeId } });
    await recordAudit(tx, actor, {
      action: "detention.outcome.correct",
      entityType: "DetentionOutcome",
      entityId: applied.outcomeId,
      detentionId: input.detentionId,
      metadata: { ...applied.metadata, replaces: outcome.id, previousKind: outcome.kind },
    });
    return { ok: true, outcomeId: applied.outcomeId };
  });
}
