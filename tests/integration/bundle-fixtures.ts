import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";

/**
 * A Toronto case whose file holds everything the hearing bundle must carry and everything it must never carry, each
 * with a recognisable (fictional) phrase: the assessment's concern and the CLO's risk opinion, the plan's mitigation,
 * a bondsperson, referrals (one accepted, one declined with a reason and a packet and a message), a trafficking
 * indicator with its details, a case-team note and counsel's privileged note.
 */
export const PHRASES = {
  concern: "Missed a reporting appointment in Hamilton",
  mitigation: "Lives with her aunt Ngozi and reports weekly",
  bondsperson: "Zoë Łukasiewicz-Nguyễn",
  riskOpinion: "RISKOPINION moderate flight risk",
  flagDetails: "FLAGDETAILS recruiter held her passport",
  caseNote: "CASENOTE called the sister",
  counselNote: "COUNSELNOTE privileged strategy",
  packetNote: "PACKETSECRET packet content",
  message: "MESSAGESECRET provider message",
  declineDetails: "DECLINESECRET not our mandate",
} as const;

export async function richCase(prisma: PrismaClient, people: { clo: Actor; counsel: Actor }): Promise<{ detentionId: string; reference: string; acceptedProvider: string; declinedProvider: string; declinedReferralId: string }> {
  const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
  const detention = await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { reference: true } });
  await prisma.assessment.create({
    data: {
      detentionId,
      authorId: people.clo.userId,
      interviewAt: new Date("2026-01-15T15:30:00Z"),
      interviewMode: "VIDEO",
      riskOpinion: PHRASES.riskOpinion,
      completedAt: new Date("2026-01-15T18:00:00Z"),
      grounds: { create: [{ ground: "UNLIKELY_TO_APPEAR", concern: PHRASES.concern, mitigation: "Assessment's own wording" }] },
    },
  });
  await prisma.releasePlan.create({
    data: {
      detentionId,
      version: 3,
      measures: ["BONDSPERSON", "COMMUNITY_PROGRAM"],
      residenceAddress: "44 Fictional Crescent, Toronto",
      proposedConditions: "Report every Monday.",
      mitigations: { create: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: PHRASES.mitigation }] },
      bondspersons: { create: [{ name: PHRASES.bondsperson, relationship: "Cousin", amountCents: 250_000, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true, confirmed: true, proposedById: people.counsel.userId }] },
    },
  });
  await prisma.screening.create({ data: { detentionId, recordedById: people.clo.userId, flags: { create: [{ flag: "TRAFFICKING_INDICATORS", details: PHRASES.flagDetails, consentRecordedAt: new Date() }, { flag: "MENTAL_HEALTH", details: null }] } } });
  await prisma.note.create({ data: { detentionId, authorId: people.clo.userId, authorOrgId: people.clo.organizationId, visibility: "CASE_TEAM", body: PHRASES.caseNote } });
  await prisma.note.create({ data: { detentionId, authorId: people.counsel.userId, authorOrgId: people.counsel.organizationId, visibility: "OWN_ORGANISATION", body: PHRASES.counselNote } });

  const [accepted, declined] = await Promise.all(
    ["Harbour House", "Rainbow Newcomer Network"].map((name) => prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: { startsWith: name } } }, select: { id: true, organization: { select: { name: true } } } })),
  );
  const packet = { note: PHRASES.packetNote };
  // Referrals as the office sends them: each within a consent in force for the provider's organisation.
  const { detaineeId } = await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { detaineeId: true } });
  const consentFor = async (providerId: string) => {
    const { organizationId } = await prisma.serviceProvider.findUniqueOrThrow({ where: { id: providerId }, select: { organizationId: true } });
    const consent = await prisma.consent.create({
      data: { detaineeId, recipientOrgId: organizationId, purpose: "Referral", fields: ["IDENTITY"], method: "WRITTEN", givenAt: new Date("2026-01-16T13:00:00Z"), recordedById: people.clo.userId },
      select: { id: true },
    });
    return consent.id;
  };
  await prisma.referral.create({
    data: { detentionId, providerId: accepted!.id, consentId: await consentFor(accepted!.id), status: "ACCEPTED", createdById: people.clo.userId, sentAt: new Date("2026-01-16T14:00:00Z"), respondedAt: new Date("2026-01-17T15:00:00Z"), packet, packetFields: ["IDENTITY"] },
  });
  const declinedReferral = await prisma.referral.create({
    data: {
      detentionId,
      providerId: declined!.id,
      consentId: await consentFor(declined!.id),
      status: "DECLINED",
      declineReason: "RISK_PROFILE",
      declineDetails: PHRASES.declineDetails,
      createdById: people.clo.userId,
      sentAt: new Date("2026-01-16T14:00:00Z"),
      respondedAt: new Date("2026-01-18T15:00:00Z"),
      packet,
      packetFields: ["IDENTITY"],
      messages: { create: [{ authorId: people.clo.userId, body: PHRASES.message }] },
    },
    select: { id: true },
  });
  // A draft is the CLO's unfinished work: nobody outside the office hears of it.
  await prisma.referral.create({ data: { detentionId, providerId: declined!.id, status: "DRAFT", createdById: people.clo.userId } });
  return { detentionId, reference: detention.reference, acceptedProvider: accepted!.organization.name, declinedProvider: declined!.organization.name, declinedReferralId: declinedReferral.id };
}
