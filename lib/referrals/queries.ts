import "server-only";
import { isUuid } from "@/lib/referrals/schema";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { referralAccessScope, referralSide } from "@/lib/authz/referrals";
import { readPacket, type ReferralPacket } from "@/lib/referrals/packet";
import { RELEASE_NOTICE_SELECT, releaseNotice, type ReleaseNotice } from "@/lib/referrals/inbox-queries";
import type { ReferralSide } from "@/lib/referrals/rules";
import type { ConsentField, DeclineReason, ReferralStatus } from "@/lib/generated/prisma/enums";

/**
 * One referral as its page shows it (/referrals/[id]): the packet, the conversation and, for the CBSA side, the
 * case behind it. A read only: what opening it records is in lib/referrals/reading.ts.
 */

export type ReferralMessageView = { id: string; authorName: string; authorOrganization: string; fromProvider: boolean; body: string; createdAt: Date; readAt: Date | null };

export type ReferralView = {
  id: string;
  side: ReferralSide;
  status: ReferralStatus;
  version: number;
  sentAt: Date | null;
  respondedAt: Date | null;
  declineReason: DeclineReason | null;
  declineDetails: string | null;
  packetFields: ConsentField[];
  packet: ReferralPacket;
  providerId: string;
  providerName: string;
  /** Shown in the provider's own zone to the provider, in the facility's to the CBSA side. */
  timeZone: string;
  messages: ReferralMessageView[];
  /** Set once the person is no longer detained: release status and date only. */
  releaseNotice: ReleaseNotice | null;
  /** The CBSA side only: the case behind the referral and the consent's state. */
  caseInfo: { detentionId: string; reference: string; personName: string; consentWithdrawnAt: Date | null; createdByName: string } | null;
};

/**
 * One referral as the actor may see it. A provider's caseworker gets the packet and nothing of the case
 * file; once consent is withdrawn they get nothing at all (null: the page answers "not found").
 */
export async function getReferral(actor: Actor, referralId: string): Promise<ReferralView | null> {
  if (!isUuid(referralId)) return null;
  const side = referralSide(actor);
  if (!side) return null;
  const row = await db().referral.findFirst({
    where: { AND: [referralAccessScope(actor), { id: referralId }] },
    select: {
      id: true,
      status: true,
      version: true,
      sentAt: true,
      respondedAt: true,
      declineReason: true,
      declineDetails: true,
      packetFields: true,
      packet: true,
      providerId: true,
      provider: { select: { organization: { select: { name: true, timeZone: true } } } },
      consent: { select: { withdrawnAt: true } },
      createdBy: { select: { name: true } },
      detention: { select: { ...RELEASE_NOTICE_SELECT, id: true, reference: true, facility: { select: { timeZone: true } }, detainee: { select: { givenName: true, familyName: true } } } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, readAt: true, author: { select: { name: true, role: true, organization: { select: { name: true } } } } },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    side,
    status: row.status,
    version: row.version,
    sentAt: row.sentAt,
    respondedAt: row.respondedAt,
    declineReason: row.declineReason,
    declineDetails: row.declineDetails,
    packetFields: row.packetFields,
    packet: readPacket(row.packet),
    providerId: row.providerId,
    providerName: row.provider.organization.name,
    timeZone: side === "PROVIDER" ? row.provider.organization.timeZone : row.detention.facility.timeZone,
    messages: row.messages.map((message) => ({
      id: message.id,
      authorName: message.author.name,
      authorOrganization: message.author.organization.name,
      fromProvider: message.author.role === "NGO_CASEWORKER",
      body: message.body,
      createdAt: message.createdAt,
      readAt: message.readAt,
    })),
    releaseNotice: releaseNotice(row.detention),
    caseInfo:
      side === "CLO"
        ? {
            detentionId: row.detention.id,
            reference: row.detention.reference,
            personName: `${row.detention.detainee.givenName} ${row.detention.detainee.familyName}`,
            consentWithdrawnAt: row.consent?.withdrawnAt ?? null,
            createdByName: row.createdBy.name,
          }
        : null,
  };
}
