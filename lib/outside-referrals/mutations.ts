import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { referralAccessScope, referralSide } from "@/lib/authz/referrals";
import { recordAudit } from "@/lib/audit/mutations";
import { buildPacket } from "@/lib/referrals/packet";
import { loadPacketSource } from "@/lib/referrals/packet-queries";
import { answerDateProblem, canRecordOutsideAnswer } from "@/lib/outside-referrals/rules";
import type { RecordOutsideAnswerInput, RecordOutsideReferralInput } from "@/lib/outside-referrals/schema";
import { localToday } from "@/lib/time/facility-clock";

export type OutsideReferralResult =
  | { ok: true; referralId: string }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "INVALID_TRANSITION" | "PROVIDER_HAS_USERS" | "PROGRAM_IN_DIRECTORY" | "EVIDENCE_NOT_FOUND" }
  | { ok: false; reason: "ANSWER_DATE"; problem: "dateInFuture" | "answerBeforeSent" };

/**
 * The program an outside referral goes to, as an organisation the consent can name: a directory provider with no
 * users, or (a name) an unlisted provider with no users, created on first use and reused by name after that. A
 * program whose organisation has users is answered in Liaison by them: that is an ordinary referral.
 */
async function resolveProgram(
  tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0],
  input: RecordOutsideReferralInput,
  office: { region: string; timeZone: string },
): Promise<{ ok: true; providerId: string; organizationId: string } | { ok: false; reason: "NOT_FOUND" | "PROVIDER_HAS_USERS" | "PROGRAM_IN_DIRECTORY" }> {
  const select = { id: true, organizationId: true, listed: true, organization: { select: { _count: { select: { users: { where: { active: true } } } } } } } as const;
  if (input.providerId) {
    const provider = await tx.serviceProvider.findFirst({ where: { id: input.providerId, listed: true, organization: { active: true } }, select });
    if (!provider) return { ok: false, reason: "NOT_FOUND" };
    if (provider.organization._count.users > 0) return { ok: false, reason: "PROVIDER_HAS_USERS" };
    return { ok: true, providerId: provider.id, organizationId: provider.organizationId };
  }
  const name = input.programName!;
  const existing = await tx.organization.findFirst({
    where: { kind: "SERVICE_PROVIDER", name: { equals: name, mode: "insensitive" } },
    select: { id: true, active: true, serviceProvider: { select } },
  });
  if (existing) {
    const provider = existing.serviceProvider;
    if (!provider || !existing.active || provider.listed || provider.organization._count.users > 0) return { ok: false, reason: "PROGRAM_IN_DIRECTORY" };
    return { ok: true, providerId: provider.id, organizationId: existing.id };
  }
  const organization = await tx.organization.create({
    data: {
      kind: "SERVICE_PROVIDER",
      name,
      region: office.region,
      timeZone: office.timeZone,
      serviceProvider: { create: { kind: "COMMUNITY", region: office.region, listed: false, contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone } },
    },
    select: { id: true, serviceProvider: { select: { id: true } } },
  });
  return { ok: true, providerId: organization.serviceProvider!.id, organizationId: organization.id };
}

/**
 * Records a referral the CLO sent, as the referring agency, to a program outside Liaison: the program, its contact,
 * the packet sections sent (the packet is built here from the case as it is now, and kept as sent), and the person's
 * consent to send them to this program — a Consent naming the program's organisation, recorded in the same
 * transaction, so withdrawing it later works as for any referral. Audited (the consent and the referral).
 */
export async function recordOutsideReferral(actor: Actor, input: RecordOutsideReferralInput): Promise<OutsideReferralResult> {
  if (!can(actor, "referrals.compose") || referralSide(actor) !== "CLO") return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const source = await loadPacketSource(tx, actor, input.detentionId);
    if (!source) return { ok: false, reason: "NOT_FOUND" } as const;
    const office = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { region: true } });
    const program = await resolveProgram(tx, input, { region: office.region, timeZone: source.detention.timeZone });
    if (!program.ok) return program;
    const now = new Date();
    const consent = await tx.consent.create({
      data: {
        detaineeId: source.detaineeId,
        recipientOrgId: program.organizationId,
        purpose: "Outside referral",
        fields: input.fields,
        method: input.consentMethod,
        interpreterLanguage: input.consentMethod === "VERBAL_WITH_INTERPRETER" ? input.interpreterLanguage : null,
        givenAt: now,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "consent.record", entityType: "Consent", entityId: consent.id, detentionId: input.detentionId, metadata: { recipientOrgId: program.organizationId, fields: input.fields } });
    const packet = buildPacket(source, input.fields, input.fields);
    const referral = await tx.referral.create({
      data: {
        detentionId: input.detentionId,
        providerId: program.providerId,
        consentId: consent.id,
        status: "SENT",
        outside: true,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        packetFields: input.fields,
        packet,
        createdById: actor.userId,
        sentAt: now,
        messages: input.note ? { create: [{ authorId: actor.userId, body: input.note }] } : undefined,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "referral.outside.record", entityType: "Referral", entityId: referral.id, detentionId: input.detentionId, metadata: { providerId: program.providerId, fields: input.fields } });
    return { ok: true, referralId: referral.id } as const;
  });
}

/**
 * Records an outside program's answer: its status (through the provider's column of the transition table), its
 * date on the facility's calendar (not in the future, not before the referral), and its letter — a document on this
 * case added by the actor's organisation, linked to the referral here. Version-checked; audited.
 */
export async function recordOutsideAnswer(actor: Actor, input: RecordOutsideAnswerInput): Promise<OutsideReferralResult> {
  if (referralSide(actor) !== "CLO") return { ok: false, reason: "NOT_FOUND" };
  const scope = referralAccessScope(actor);
  return db().$transaction(async (tx) => {
    const current = await tx.referral.findFirst({
      where: { AND: [scope, { id: input.referralId, outside: true }] },
      select: { status: true, version: true, detentionId: true, sentAt: true, createdAt: true, detention: { select: { facility: { select: { timeZone: true } } } } },
    });
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    if (current.version !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    if (!canRecordOutsideAnswer(current.status, input.status)) return { ok: false, reason: "INVALID_TRANSITION" } as const;
    const zone = current.detention.facility.timeZone;
    const problem = answerDateProblem(input.answeredOn, localToday(zone), localToday(zone, current.sentAt ?? current.createdAt));
    if (problem) return { ok: false, reason: "ANSWER_DATE", problem } as const;
    if (input.documentId) {
      const linked = await tx.document.updateMany({
        where: { id: input.documentId, detentionId: current.detentionId, authorOrgId: actor.organizationId, OR: [{ referralId: null }, { referralId: input.referralId }] },
        data: { referralId: input.referralId },
      });
      if (linked.count === 0) return { ok: false, reason: "EVIDENCE_NOT_FOUND" } as const;
    }
    const declined = input.status === "DECLINED";
    const { count } = await tx.referral.updateMany({
      where: { AND: [scope, { id: input.referralId, outside: true, version: input.version, status: current.status }] },
      data: {
        status: input.status,
        answeredOn: new Date(`${input.answeredOn}T00:00:00.000Z`),
        respondedAt: new Date(),
        declineReason: declined ? input.declineReason : null,
        declineDetails: declined ? input.declineDetails : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, {
      action: "referral.outside.answer",
      entityType: "Referral",
      entityId: input.referralId,
      detentionId: current.detentionId,
      metadata: { from: current.status, to: input.status, answeredOn: input.answeredOn, ...(input.documentId ? { documentId: input.documentId } : {}) },
    });
    return { ok: true, referralId: input.referralId } as const;
  });
}
