import "server-only";
import { db, type Transaction } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { mayRecordReviews } from "@/lib/authz/reviews";
import { recordAudit } from "@/lib/audit/mutations";
import { computeReviewSchedule, ministerDisclosureDue, needsMinisterDisclosure } from "@/lib/reviews/rules";
import { wallClockToInstant } from "@/lib/time/facility-clock";
import { TRANSFER_ZONES_SELECT, facilityZoneHistory, toZoneTransfer } from "@/lib/transfers/rules";
import type { EditReviewInput, RecordReviewInput, ScheduleHearingInput } from "@/lib/reviews/schema";
import type { ReviewKind } from "@/lib/generated/prisma/enums";

export type ReviewMutationResult =
  | { ok: true; reviewId: string }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "NO_NEXT_REVIEW" }
  | { ok: false; reason: "FIELD"; field: string; key: string };

/** Thrown inside a transaction to roll it back and report an expected refusal. */
class Refusal extends Error {
  constructor(readonly result: Exclude<ReviewMutationResult, { ok: true }>) {
    super(result.reason);
  }
}

/** The title of the generated Minister's disclosure task (stored data, like any task title). */
export const DISCLOSURE_TASK_TITLE = "Minister's disclosure due";

/**
 * Runs a review change for an actor who may record reviews (lib/authz/reviews.ts mayRecordReviews): counsel of record
 * have the detention in their scope but keep their own notes, never CBSA's record of the hearing. Anyone else: "not found".
 */
async function run(actor: Actor, work: (tx: Transaction) => Promise<ReviewMutationResult>): Promise<ReviewMutationResult> {
  if (!mayRecordReviews(actor)) return { ok: false, reason: "NOT_FOUND" };
  try {
    return await db().$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/**
 * Claims the detention for this change: bumps its version only if it is still the version the form was
 * rendered from, inside the actor's scope. The row stays locked until the transaction ends, so a second
 * writer waits, then finds the version changed and is refused (nothing of theirs is written).
 */
async function claimDetention(tx: Transaction, actor: Actor, detentionId: string, version: number) {
  const scoped = { AND: [{ id: detentionId }, detentionScope(actor)] };
  const { count } = await tx.detention.updateMany({ where: { AND: [scoped, { version }] }, data: { version: { increment: 1 } } });
  if (count === 0) {
    const exists = await tx.detention.count({ where: scoped });
    throw new Refusal({ ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" });
  }
  return tx.detention.findUniqueOrThrow({
    where: { id: detentionId },
    select: { id: true, status: true, nextReviewKind: true, nextReviewDueBy: true, assignedCloId: true, facility: { select: { timeZone: true } } },
  });
}

/**
 * Recomputes the detention's derived review columns from all its recorded reviews with the review
 * clock, in the caller's transaction (so they change exactly when the reviews do). A review counts
 * once it has a start and an outcome; a scheduled hearing not yet held does not move the clock.
 * Detention.status is not changed here: a release ordered at a review ends the chain (no next
 * review), and the release itself is recorded with the detention.
 */
export async function recomputeReviewClock(tx: Transaction, detentionId: string, now = new Date()) {
  const detention = await tx.detention.findUniqueOrThrow({
    where: { id: detentionId },
    select: {
      detainedAt: true,
      schedule: true,
      releasedAt: true,
      facility: { select: { timeZone: true } },
      reviews: { where: { outcome: { not: null }, startedOn: { not: null } }, select: { startedOn: true, concludedOn: true, outcome: true, early: true } },
      transfers: { select: TRANSFER_ZONES_SELECT },
    },
  });
  const { next } = computeReviewSchedule({
    detainedAt: detention.detainedAt,
    timeZone: detention.facility.timeZone,
    // Each day in the zone of the facility where the person was held that day (lib/transfers/rules.ts).
    zones: facilityZoneHistory(detention.facility.timeZone, detention.transfers.map(toZoneTransfer)),
    schedule: detention.schedule,
    reviews: detention.reviews.map((review) => ({ startedOn: review.startedOn!, concludedOn: review.concludedOn, outcome: review.outcome!, early: review.early })),
    releasedAt: detention.releasedAt,
    now,
  });
  await tx.detention.update({
    where: { id: detentionId },
    data: { nextReviewKind: next?.kind ?? null, nextReviewDueBy: next?.dueBy ?? null, reviewNeedsCheck: next?.needsCheck ?? false },
  });
  // A hearing already scheduled is the hearing of whatever review is now next (an early review may have intervened).
  if (next) {
    await tx.detentionReview.updateMany({ where: { detentionId, outcome: null }, data: { kind: next.kind, dueBy: next.dueBy } });
  }
  return next;
}

function instantOrRefuse(date: string, time: string, timeZone: string, field: string): Date {
  const instant = wallClockToInstant(date, time, timeZone);
  if (!instant) throw new Refusal({ ok: false, reason: "FIELD", field, key: "dateDoesNotExist" });
  return instant;
}

/** Schedules (or moves) the hearing of the next review; for a 7- or 30-day review, the Minister's disclosure task follows it. */
export async function scheduleHearing(actor: Actor, input: ScheduleHearingInput, now = new Date()): Promise<ReviewMutationResult> {
  return run(actor, async (tx) => {
    const detention = await claimDetention(tx, actor, input.detentionId, input.detentionVersion);
    if (detention.status !== "DETAINED" || !detention.nextReviewKind || !detention.nextReviewDueBy) throw new Refusal({ ok: false, reason: "NO_NEXT_REVIEW" });
    const zone = detention.facility.timeZone;
    const hearingAt = instantOrRefuse(input.date, input.time, zone, "date");
    if (hearingAt.getTime() < now.getTime()) throw new Refusal({ ok: false, reason: "FIELD", field: "date", key: "hearingInPast" });
    const hearing = { scheduledFor: hearingAt, location: input.location === "" ? null : input.location, byVideo: input.byVideo };
    const kind: ReviewKind = detention.nextReviewKind;

    const pending = await tx.detentionReview.findFirst({ where: { detentionId: detention.id, outcome: null }, select: { id: true } });
    const review = pending
      ? await tx.detentionReview.update({ where: { id: pending.id }, data: { ...hearing, kind, dueBy: detention.nextReviewDueBy, version: { increment: 1 } }, select: { id: true } })
      : await tx.detentionReview.create({ data: { ...hearing, detentionId: detention.id, kind, dueBy: detention.nextReviewDueBy }, select: { id: true } });
    await recordAudit(tx, actor, { action: pending ? "review.reschedule" : "review.schedule", entityType: "DetentionReview", entityId: review.id, detentionId: detention.id, metadata: { kind, byVideo: input.byVideo } });

    // ID Rule 8(2): the Minister discloses at least 3 clear days before a 7- or 30-day review hearing.
    if (needsMinisterDisclosure(kind)) {
      const dueAt = ministerDisclosureDue(hearingAt, zone);
      const task = await tx.task.findFirst({ where: { reviewId: review.id, category: "DISCLOSURE" }, select: { id: true } });
      if (task) {
        await tx.task.update({ where: { id: task.id }, data: { dueAt, version: { increment: 1 } } });
        await recordAudit(tx, actor, { action: "task.move", entityType: "Task", entityId: task.id, detentionId: detention.id, metadata: { category: "DISCLOSURE" } });
      } else {
        const created = await tx.task.create({
          data: { detentionId: detention.id, category: "DISCLOSURE", title: DISCLOSURE_TASK_TITLE, dueAt, ownerId: detention.assignedCloId, reviewId: review.id, createdById: actor.userId },
          select: { id: true },
        });
        await recordAudit(tx, actor, { action: "task.create", entityType: "Task", entityId: created.id, detentionId: detention.id, metadata: { category: "DISCLOSURE" } });
      }
    }
    return { ok: true, reviewId: review.id };
  });
}

function heldTimes(input: Pick<RecordReviewInput, "startedDate" | "startedTime" | "concludedDate" | "concludedTime">, zone: string, now: Date) {
  const startedOn = instantOrRefuse(input.startedDate, input.startedTime, zone, "startedDate");
  if (startedOn.getTime() > now.getTime()) throw new Refusal({ ok: false, reason: "FIELD", field: "startedDate", key: "startedInFuture" });
  const concludedOn = input.concludedDate === "" ? null : instantOrRefuse(input.concludedDate, input.concludedTime, zone, "concludedDate");
  if (concludedOn && concludedOn.getTime() < startedOn.getTime()) throw new Refusal({ ok: false, reason: "FIELD", field: "concludedDate", key: "concludedBeforeStarted" });
  return { startedOn, concludedOn };
}

/** Records the next review as held (or as not having taken place), then moves the clock. */
export async function recordReview(actor: Actor, input: RecordReviewInput, now = new Date()): Promise<ReviewMutationResult> {
  return run(actor, async (tx) => {
    const detention = await claimDetention(tx, actor, input.detentionId, input.detentionVersion);
    if (detention.status !== "DETAINED" || !detention.nextReviewKind || !detention.nextReviewDueBy) throw new Refusal({ ok: false, reason: "NO_NEXT_REVIEW" });
    const { startedOn, concludedOn } = heldTimes(input, detention.facility.timeZone, now);
    const held = { startedOn, concludedOn, outcome: input.outcome, early: input.early, notes: input.notes === "" ? null : input.notes };
    // ID Rule 9: an early review is a review of its own; it leaves any hearing scheduled for the regular one in place.
    const pending = input.early ? null : await tx.detentionReview.findFirst({ where: { detentionId: detention.id, outcome: null }, select: { id: true } });
    const kind: ReviewKind = input.early ? "EARLY" : detention.nextReviewKind;
    const review = pending
      ? await tx.detentionReview.update({ where: { id: pending.id }, data: { ...held, kind, version: { increment: 1 } }, select: { id: true } })
      : await tx.detentionReview.create({ data: { ...held, kind, detentionId: detention.id, dueBy: detention.nextReviewDueBy }, select: { id: true } });
    const next = await recomputeReviewClock(tx, detention.id, now);
    await recordAudit(tx, actor, {
      action: "review.record",
      entityType: "DetentionReview",
      entityId: review.id,
      detentionId: detention.id,
      metadata: { kind, outcome: input.outcome, early: input.early, nextReviewKind: next?.kind ?? null },
    });
    return { ok: true, reviewId: review.id };
  });
}

/** Corrects a recorded review (its times, outcome or notes), then recomputes the clock from the corrected chain. */
export async function editReview(actor: Actor, input: EditReviewInput, now = new Date()): Promise<ReviewMutationResult> {
  return run(actor, async (tx) => {
    const review = await tx.detentionReview.findFirst({
      where: { id: input.reviewId, detentionId: input.detentionId, outcome: { not: null }, detention: detentionScope(actor) },
      select: { id: true, detention: { select: { facility: { select: { timeZone: true } } } } },
    });
    if (!review) throw new Refusal({ ok: false, reason: "NOT_FOUND" });
    const { startedOn, concludedOn } = heldTimes(input, review.detention.facility.timeZone, now);
    const { count } = await tx.detentionReview.updateMany({
      where: { id: review.id, version: input.reviewVersion },
      data: { startedOn, concludedOn, outcome: input.outcome, notes: input.notes === "" ? null : input.notes, version: { increment: 1 } },
    });
    if (count === 0) throw new Refusal({ ok: false, reason: "STALE_VERSION" });
    await recomputeReviewClock(tx, input.detentionId, now);
    await tx.detention.update({ where: { id: input.detentionId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "review.edit", entityType: "DetentionReview", entityId: review.id, detentionId: input.detentionId, metadata: { outcome: input.outcome } });
    return { ok: true, reviewId: review.id };
  });
}
