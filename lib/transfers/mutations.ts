import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { recomputeReviewClock } from "@/lib/reviews/mutations";
import { isHandOver, transferRefusal, type TransferRefusal } from "@/lib/transfers/rules";
import { wallClockToInstant } from "@/lib/time/facility-clock";
import type { RecordTransferInput } from "@/lib/transfers/schema";

export type TransferResult =
  | { ok: true; transferId: string; handedOver: boolean }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "FACILITY_NOT_FOUND" | "INVALID_TIME" | TransferRefusal };

/** Thrown inside the transaction to roll it back and report an expected refusal. */
class Refusal extends Error {
  constructor(readonly result: Extract<TransferResult, { ok: false }>) {
    super(result.reason);
  }
}

/** Runs the work in one transaction and returns its result (rolled back when it throws). */
export type TransactionRunner = <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;

/** Open tasks: the ones a hand-off leaves without an owner for the receiving office to give out. */
const OPEN_TASK = { status: { in: ["OPEN" as const, "IN_PROGRESS" as const] } };

/**
 * Records that a detained person was moved to another facility (a CLO or supervisor of the office responsible), in
 * one transaction: the transfer, the detention's current facility, and the review clock recomputed with each day in
 * the zone of the facility where the person was held (lib/transfers/rules.ts). The date and time are read on the
 * clock of the facility the person leaves.
 *
 * Any facility may receive the person. One of another office hands the case over to that office: the detention's
 * office becomes the receiving facility's, so access follows at once (the sending office no longer finds the case,
 * its referrals or its notes; the receiving office does), and the hand-off is recorded on the transfer and audited.
 * What moves with the case and what does not, on a hand-off:
 * - the assigned CLO is cleared: the receiving office's supervisor assigns the case;
 * - open tasks lose their owner (the sending office's people can no longer act on them) and stay open, for the
 *   receiving office to give out; done and cancelled tasks keep theirs, as history;
 * - referrals keep their status and provider: the provider sees no change, and the receiving office now answers
 *   their messages; consents are the person's and are unchanged;
 * - notes the sending office wrote for its own organisation stay its own (the receiving office cannot read them;
 *   lib/authz/notes.ts), case-team notes go with the case.
 *
 * `transaction` opens the transaction: the app's database (db()) always; the demo seed passes its own client's, so
 * the demo's transfers are made by this same function on the database it seeds.
 */
export async function recordTransfer(actor: Actor, input: RecordTransferInput, now = new Date(), transaction: TransactionRunner = (work) => db().$transaction(work)): Promise<TransferResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  try {
    return await transaction((tx) => transfer(tx, actor, input, now));
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

async function transfer(tx: Transaction, actor: Actor, input: RecordTransferInput, now: Date): Promise<TransferResult> {
  // Claim the detention at the version the form was rendered from, inside the actor's scope: the row stays locked
  // until the transaction ends, so a second transfer at once waits, then finds the version changed.
  const scoped = { AND: [detentionScope(actor), { id: input.detentionId }] };
  const { count } = await tx.detention.updateMany({ where: { AND: [scoped, { version: input.version }] }, data: { version: { increment: 1 } } });
  if (count === 0) {
    const visible = await tx.detention.count({ where: scoped });
    throw new Refusal({ ok: false, reason: visible ? "STALE_VERSION" : "NOT_FOUND" });
  }
  const detention = await tx.detention.findUniqueOrThrow({
    where: { id: input.detentionId },
    select: {
      id: true,
      status: true,
      detainedAt: true,
      officeId: true,
      facilityId: true,
      assignedCloId: true,
      facility: { select: { timeZone: true } },
      transfers: { orderBy: { transferredAt: "desc" }, take: 1, select: { transferredAt: true } },
    },
  });
  // Any facility of any office may receive the person.
  const destination = await tx.facility.findUnique({ where: { id: input.toFacilityId }, select: { id: true, officeId: true } });
  if (!destination) throw new Refusal({ ok: false, reason: "FACILITY_NOT_FOUND" });
  const transferredAt = wallClockToInstant(input.transferredOn, input.transferredAtTime, detention.facility.timeZone);
  if (!transferredAt) throw new Refusal({ ok: false, reason: "INVALID_TIME" });
  const refusal = transferRefusal({
    status: detention.status,
    detainedAt: detention.detainedAt,
    currentFacilityId: detention.facilityId,
    previousTransferAt: detention.transfers[0]?.transferredAt ?? null,
    toFacilityId: destination.id,
    transferredAt,
    now,
  });
  if (refusal) throw new Refusal({ ok: false, reason: refusal });

  const handedOver = isHandOver(detention.officeId, destination.officeId);
  const row = await tx.facilityTransfer.create({
    data: {
      detentionId: detention.id,
      fromFacilityId: detention.facilityId,
      toFacilityId: destination.id,
      transferredAt,
      recordedById: actor.userId,
      recordedAt: now,
      handedOver,
      fromOfficeId: detention.officeId,
      toOfficeId: destination.officeId,
    },
    select: { id: true },
  });
  await tx.detention.update({
    where: { id: detention.id },
    data: handedOver ? { facilityId: destination.id, officeId: destination.officeId, assignedCloId: null } : { facilityId: destination.id },
  });
  const next = await recomputeReviewClock(tx, detention.id, now);
  await recordAudit(tx, actor, {
    action: "detention.transfer",
    entityType: "FacilityTransfer",
    entityId: row.id,
    detentionId: detention.id,
    metadata: { fromFacilityId: detention.facilityId, toFacilityId: destination.id, handedOver, nextReviewKind: next?.kind ?? null },
  });
  if (handedOver) {
    const { count: tasksUnassigned } = await tx.task.updateMany({
      where: { detentionId: detention.id, ...OPEN_TASK, ownerId: { not: null } },
      data: { ownerId: null, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "detention.handOver",
      entityType: "Detention",
      entityId: detention.id,
      detentionId: detention.id,
      metadata: { transferId: row.id, fromOfficeId: detention.officeId, toOfficeId: destination.officeId, previousAssignedCloId: detention.assignedCloId, tasksUnassigned },
    });
  }
  return { ok: true, transferId: row.id, handedOver };
}
