import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { consentScope } from "@/lib/authz/referrals";
import { recordAudit } from "@/lib/audit/mutations";
import { givenAtIsPlausible } from "@/lib/consent/rules";
import { dateTimeLocalToInstant } from "@/lib/time/facility-clock";
import type { RecordConsentInput } from "@/lib/consent/schema";

export type ConsentMutationResult = { ok: true; consentId: string } | { ok: false; reason: "NOT_FOUND" | "RECIPIENT_NOT_FOUND" | "GIVEN_AT_INVALID" };

export async function recordConsent(actor: Actor, input: RecordConsentInput, now = new Date()): Promise<ConsentMutationResult> {
  if (!can(actor, "consent.record")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const detention = await tx.detention.findFirst({
      where: { AND: [detentionScope(actor), { id: input.detentionId }] },
      select: { id: true, detaineeId: true, facility: { select: { timeZone: true } } },
    });
    if (!detention) return { ok: false, reason: "NOT_FOUND" } as const;
    const recipient = await tx.organization.findFirst({ where: { id: input.recipientOrgId, active: true, kind: { in: ["SERVICE_PROVIDER", "OTHER_NGO"] } }, select: { id: true } });
    if (!recipient) return { ok: false, reason: "RECIPIENT_NOT_FOUND" } as const;
    const givenAt = dateTimeLocalToInstant(input.givenAt, detention.facility.timeZone);
    if (!givenAt || !givenAtIsPlausible(givenAt, now)) return { ok: false, reason: "GIVEN_AT_INVALID" } as const;
    const consent = await tx.consent.create({
      data: {
        detaineeId: detention.detaineeId,
        recipientOrgId: recipient.id,
        purpose: input.purpose,
        fields: input.fields,
        method: input.method,
        interpreterLanguage: input.method === "VERBAL_WITH_INTERPRETER" ? input.interpreterLanguage : null,
        givenAt,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "consent.record",
      entityType: "Consent",
      entityId: consent.id,
      detentionId: detention.id,
      metadata: { recipientOrgId: recipient.id, fields: input.fields, method: input.method },
    });
    return { ok: true, consentId: consent.id } as const;
  });
}

/**
 * Withdrawal takes effect at once: every read of a packet by the recipient names the consent in its where
 * clause (lib/authz/referrals.ts), so the next request after this commit finds nothing.
 */
export async function withdrawConsent(actor: Actor, input: { consentId: string; detentionId: string }): Promise<ConsentMutationResult> {
  if (!can(actor, "consent.record")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, detaineeId: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" } as const;
    const { count } = await tx.consent.updateMany({
      where: { AND: [consentScope(actor), { id: input.consentId, detaineeId: detention.detaineeId, withdrawnAt: null }] },
      data: { withdrawnAt: new Date(), withdrawnById: actor.userId },
    });
    if (count === 0) return { ok: false, reason: "NOT_FOUND" } as const;
    await recordAudit(tx, actor, { action: "consent.withdraw", entityType: "Consent", entityId: input.consentId, detentionId: detention.id });
    return { ok: true, consentId: input.consentId } as const;
  });
}
