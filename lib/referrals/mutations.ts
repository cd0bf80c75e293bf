import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { referralAccessScope, referralSide } from "@/lib/authz/referrals";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditAction } from "@/lib/audit/events";
import { buildPacket, effectivePacketFields } from "@/lib/referrals/packet";
import { loadPacketSource, packetDigest } from "@/lib/referrals/packet-queries";
import { canTransition } from "@/lib/referrals/rules";
import type { AnswerReferralInput, SendReferralInput } from "@/lib/referrals/schema";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

export type ReferralMutationResult =
  | { ok: true; referralId: string }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "INVALID_TRANSITION" | "CONSENT_NOT_IN_FORCE" | "FIELDS_OUTSIDE_CONSENT" | "PACKET_CHANGED" | "MESSAGES_CLOSED" };

/**
 * Sends a referral. The packet is built here, from the case as it is now and the fields chosen within the
 * consent, and stored as the snapshot the provider will read; it must be the packet the CLO previewed.
 */
export async function sendReferral(actor: Actor, input: SendReferralInput): Promise<ReferralMutationResult> {
  if (!can(actor, "referrals.compose")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const source = await loadPacketSource(tx, actor, input.detentionId);
    if (!source) return { ok: false, reason: "NOT_FOUND" } as const;
    const provider = await tx.serviceProvider.findFirst({ where: { id: input.providerId, listed: true, organization: { active: true } }, select: { id: true, organizationId: true } });
    if (!provider) return { ok: false, reason: "NOT_FOUND" } as const;
    const consent = await tx.consent.findFirst({
      where: { id: input.consentId, detaineeId: source.detaineeId, recipientOrgId: provider.organizationId, withdrawnAt: null },
      select: { id: true, fields: true },
    });
    if (!consent) return { ok: false, reason: "CONSENT_NOT_IN_FORCE" } as const;
    const fields = effectivePacketFields(input.fields, consent.fields);
    if (fields.length !== new Set(input.fields).size) return { ok: false, reason: "FIELDS_OUTSIDE_CONSENT" } as const;
    const packet = buildPacket(source, fields, consent.fields);
    if (packetDigest(packet) !== input.previewDigest) return { ok: false, reason: "PACKET_CHANGED" } as const;
    const now = new Date();
    const referral = await tx.referral.create({
      data: {
        detentionId: input.detentionId,
        providerId: provider.id,
        consentId: consent.id,
        status: "SENT",
        packetFields: fields,
        packet,
        createdById: actor.userId,
        sentAt: now,
        messages: input.message ? { create: [{ authorId: actor.userId, body: input.message }] } : undefined,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "referral.send", entityType: "Referral", entityId: referral.id, detentionId: input.detentionId, metadata: { providerId: provider.id, fields } });
    return { ok: true, referralId: referral.id } as const;
  });
}

/** Moves a referral to a new status if the table allows this side to, at the version the actor saw. */
async function transition(
  tx: Transaction,
  actor: Actor,
  input: { referralId: string; version: number; to: ReferralStatus; data?: { declineReason?: AnswerReferralInput["declineReason"] | null; declineDetails?: string | null; respondedAt?: Date } },
  action: AuditAction,
): Promise<ReferralMutationResult> {
  const side = referralSide(actor);
  if (!side) return { ok: false, reason: "NOT_FOUND" };
  const scope = referralAccessScope(actor);
  const current = await tx.referral.findFirst({ where: { AND: [scope, { id: input.referralId }] }, select: { status: true, version: true, detentionId: true } });
  if (!current) return { ok: false, reason: "NOT_FOUND" };
  if (current.version !== input.version) return { ok: false, reason: "STALE_VERSION" };
  if (!canTransition(current.status, input.to, side)) return { ok: false, reason: "INVALID_TRANSITION" };
  // The version and status in the where clause make a concurrent answer fail instead of overwriting this one.
  const { count } = await tx.referral.updateMany({
    where: { AND: [scope, { id: input.referralId, version: input.version, status: current.status }] },
    data: { status: input.to, ...input.data, version: { increment: 1 } },
  });
  if (count === 0) return { ok: false, reason: "STALE_VERSION" };
  await recordAudit(tx, actor, {
    action,
    entityType: "Referral",
    entityId: input.referralId,
    detentionId: current.detentionId,
    metadata: { from: current.status, to: input.to, ...(input.data?.declineReason ? { declineReason: input.data.declineReason } : {}) },
  });
  return { ok: true, referralId: input.referralId };
}

/** A provider's answer: accept, waitlist, decline with a reason, or record that intake is complete. */
export async function answerReferral(actor: Actor, input: AnswerReferralInput): Promise<ReferralMutationResult> {
  if (referralSide(actor) !== "PROVIDER") return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const declined = input.status === "DECLINED";
    const result = await transition(
      tx,
      actor,
      {
        referralId: input.referralId,
        version: input.version,
        to: input.status,
        data: { declineReason: declined ? input.declineReason : null, declineDetails: declined ? input.declineDetails : null, respondedAt: new Date() },
      },
      "referral.answer",
    );
    if (result.ok && input.message) {
      await tx.referralMessage.create({ data: { referralId: input.referralId, authorId: actor.userId, body: input.message } });
      await recordAudit(tx, actor, { action: "referral.message", entityType: "Referral", entityId: input.referralId });
    }
    return result;
  });
}

/**
 * The provider's caseworker starts reviewing a sent referral: SENT → UNDER_REVIEW through the transition table, at
 * the version they saw, audited. An explicit step (the "Start review" button), never a side effect of opening the
 * packet: a read must not write, and the case team should learn that someone is working on it only when they are.
 */
export async function startReferralReview(actor: Actor, input: { referralId: string; version: number }): Promise<ReferralMutationResult> {
  if (referralSide(actor) !== "PROVIDER") return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction((tx) => transition(tx, actor, { ...input, to: "UNDER_REVIEW" }, "referral.review.start"));
}

/** The CLO withdraws a referral that is still open. */
export async function withdrawReferral(actor: Actor, input: { referralId: string; version: number }): Promise<ReferralMutationResult> {
  if (referralSide(actor) !== "CLO") return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction((tx) => transition(tx, actor, { ...input, to: "WITHDRAWN" }, "referral.withdraw"));
}

export async function postReferralMessage(actor: Actor, input: { referralId: string; body: string }): Promise<ReferralMutationResult> {
  if (!referralSide(actor)) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({
      where: { AND: [referralAccessScope(actor), { id: input.referralId }] },
      select: { id: true, detentionId: true, consent: { select: { withdrawnAt: true } } },
    });
    if (!referral) return { ok: false, reason: "NOT_FOUND" } as const;
    // Messaging needs the consent in force on both sides: once withdrawn the provider can read nothing, so the
    // case team cannot write to it either. (The provider's side already finds no referral.)
    if (referral.consent?.withdrawnAt) return { ok: false, reason: "MESSAGES_CLOSED" } as const;
    await tx.referralMessage.create({ data: { referralId: referral.id, authorId: actor.userId, body: input.body } });
    // The event names the referral, never the message's words.
    await recordAudit(tx, actor, { action: "referral.message", entityType: "Referral", entityId: referral.id, detentionId: referral.detentionId });
    return { ok: true, referralId: referral.id } as const;
  });
}
