import "server-only";
import { isUuid } from "@/lib/referrals/schema";
import { createHash } from "node:crypto";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, referralScope, type Actor } from "@/lib/authz";
import { myReferralsScope, referralAccessScope, referralSide, REVIEW_DATES_SHARED } from "@/lib/authz/referrals";
import { screeningFlagScope } from "@/lib/authz/cases";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { buildPacket, defaultPacketFields, effectivePacketFields, readPacket, type PacketSource, type ReferralPacket } from "@/lib/referrals/packet";
import type { ReferralSide } from "@/lib/referrals/rules";
import type { ConsentField, ConsentMethod, DeclineReason, ReferralStatus } from "@/lib/generated/prisma/enums";
import type { ReferralMessageWhereInput } from "@/lib/generated/prisma/models";

/**
 * Messages the actor has not read: those written on the other side of the referral. The provider side is
 * its caseworkers; the CBSA side everyone else.
 */
export function unreadFor(side: ReferralSide): ReferralMessageWhereInput {
  return side === "PROVIDER" ? { readAt: null, author: { role: { not: "NGO_CASEWORKER" } } } : { readAt: null, author: { role: "NGO_CASEWORKER" } };
}

export type InboxReferral = {
  id: string;
  /** The case reference, for the CBSA side only: a provider knows the person only through the packet. */
  reference: string | null;
  status: ReferralStatus;
  sentAt: Date | null;
  providerName: string;
  /** Only when the packet shares identity: the packet, not the case file, is what the organisation may see. */
  personName: string | null;
  /** Only when the packet shares review dates. */
  reviewDueBy: Date | null;
  reviewTimeZone: string | null;
  unread: number;
};

function packetPersonName(packet: ReferralPacket): string | null {
  return packet.identity ? `${packet.identity.givenName} ${packet.identity.familyName}` : null;
}

function packetReviewDue(packet: ReferralPacket): Date | null {
  const due = packet.reviewDates?.nextReviewDueBy;
  return due ? new Date(due) : null;
}

const inboxSelect = {
  id: true,
  status: true,
  sentAt: true,
  packet: true,
  provider: { select: { organization: { select: { name: true } } } },
  _count: { select: { messages: { where: unreadFor("PROVIDER") } } },
} as const;

/**
 * The NGO caseworker's inbox: referrals sent to their organisation whose consent is still in force. The order uses
 * only what the caseworker may know: first the referrals whose review dates are shared with them
 * (REVIEW_DATES_SHARED), the person's next detention review soonest; then every other referral by the date it was
 * sent, newest first, never by a review date they were not given. Two queries, each one part of that order, paged
 * as one list.
 */
export async function listReferralInbox(actor: Actor, page: number): Promise<Page<InboxReferral>> {
  if (!can(actor, "referrals.inbox")) return toPage([], 0, 1);
  const scope = referralAccessScope(actor);
  const shared = { AND: [scope, REVIEW_DATES_SHARED] };
  const notShared = { AND: [scope, { NOT: REVIEW_DATES_SHARED }] };
  const [sharedTotal, otherTotal] = await Promise.all([db().referral.count({ where: shared }), db().referral.count({ where: notShared })]);
  const skip = (page - 1) * PAGE_SIZE;
  const sharedTake = Math.max(0, Math.min(PAGE_SIZE, sharedTotal - skip));
  const [first, rest] = await Promise.all([
    sharedTake > 0
      ? db().referral.findMany({
          where: shared,
          orderBy: [{ detention: { nextReviewDueBy: { sort: "asc", nulls: "last" } } }, { sentAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
          skip,
          take: sharedTake,
          select: inboxSelect,
        })
      : Promise.resolve([]),
    sharedTake < PAGE_SIZE
      ? db().referral.findMany({
          where: notShared,
          orderBy: [{ sentAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
          skip: Math.max(0, skip - sharedTotal),
          take: PAGE_SIZE - sharedTake,
          select: inboxSelect,
        })
      : Promise.resolve([]),
  ]);
  return toPage(
    [...first, ...rest].map((row) => {
      const packet = readPacket(row.packet);
      return {
        id: row.id,
        reference: null,
        status: row.status,
        sentAt: row.sentAt,
        providerName: row.provider.organization.name,
        personName: packetPersonName(packet),
        reviewDueBy: packetReviewDue(packet),
        reviewTimeZone: packet.reviewDates?.timeZone ?? null,
        unread: row._count.messages,
      };
    }),
    sharedTotal + otherTotal,
    page,
  );
}

export type OfficeReferral = {
  id: string;
  detentionId: string;
  reference: string;
  personName: string;
  providerName: string;
  status: ReferralStatus;
  sentAt: Date | null;
  respondedAt: Date | null;
  updatedAt: Date;
  timeZone: string;
  unread: number;
  consentWithdrawn: boolean;
};

const officeReferralSelect = {
  id: true,
  status: true,
  sentAt: true,
  respondedAt: true,
  updatedAt: true,
  consent: { select: { withdrawnAt: true } },
  detention: { select: { id: true, reference: true, facility: { select: { timeZone: true } }, detainee: { select: { givenName: true, familyName: true } } } },
  provider: { select: { organization: { select: { name: true } } } },
  _count: { select: { messages: { where: unreadFor("CLO") } } },
} as const;

type OfficeReferralRow = {
  id: string;
  status: ReferralStatus;
  sentAt: Date | null;
  respondedAt: Date | null;
  updatedAt: Date;
  consent: { withdrawnAt: Date | null } | null;
  detention: { id: string; reference: string; facility: { timeZone: string }; detainee: { givenName: string; familyName: string } };
  provider: { organization: { name: string } };
  _count: { messages: number };
};

function toOfficeReferral(row: OfficeReferralRow): OfficeReferral {
  return {
    id: row.id,
    detentionId: row.detention.id,
    reference: row.detention.reference,
    personName: `${row.detention.detainee.givenName} ${row.detention.detainee.familyName}`,
    providerName: row.provider.organization.name,
    status: row.status,
    sentAt: row.sentAt,
    respondedAt: row.respondedAt,
    updatedAt: row.updatedAt,
    timeZone: row.detention.facility.timeZone,
    unread: row._count.messages,
    consentWithdrawn: row.consent?.withdrawnAt != null,
  };
}

/** "My referrals": a CLO's own, a supervisor's whole office; the latest change first. */
export async function listMyReferrals(actor: Actor, page: number): Promise<Page<OfficeReferral>> {
  if (!can(actor, "referrals.compose")) return toPage([], 0, 1);
  const where = myReferralsScope(actor);
  const [rows, total] = await Promise.all([
    db().referral.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: officeReferralSelect }),
    db().referral.count({ where }),
  ]);
  return toPage(rows.map(toOfficeReferral), total, page);
}

/** The referrals of one case, for the case page's section. Several may run at once. */
export async function listCaseReferrals(actor: Actor, detentionId: string): Promise<OfficeReferral[] | null> {
  if (!isUuid(detentionId)) return null;
  if (!can(actor, "referrals.compose")) return null;
  const detention = await db().detention.findFirst({ where: { AND: [detentionScope(actor), { id: detentionId }] }, select: { id: true } });
  if (!detention) return null;
  const rows = await db().referral.findMany({
    where: { AND: [referralScope(actor), { detentionId }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: officeReferralSelect,
  });
  return rows.map(toOfficeReferral);
}

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
      detention: { select: { id: true, reference: true, facility: { select: { timeZone: true } }, detainee: { select: { givenName: true, familyName: true } } } },
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

/** The case data a packet is built from, read inside the caller's transaction when sending. */
export async function loadPacketSource(client: Transaction, actor: Actor, detentionId: string): Promise<(PacketSource & { detaineeId: string; reference: string }) | null> {
  const detention = await client.detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: {
      reference: true,
      detaineeId: true,
      detainedAt: true,
      grounds: true,
      nextReviewKind: true,
      nextReviewDueBy: true,
      facility: { select: { name: true, timeZone: true } },
      detainee: { select: { givenName: true, familyName: true, dateOfBirth: true, languages: true, interpreterNeeded: true, interpreterLanguage: true } },
      // Only flags the sender may see; the packet then drops the never-shared ones whoever sends (lib/referrals/packet.ts).
      screening: { select: { flags: { where: screeningFlagScope(actor), orderBy: { flag: "asc" }, select: { flag: true, details: true } } } },
      assessment: { select: { riskOpinion: true, needs: { orderBy: { area: "asc" }, select: { area: true, notes: true } } } },
      releasePlan: { select: { measures: true, residenceAddress: true, residenceDetails: true, proposedConditions: true } },
    },
  });
  if (!detention) return null;
  return {
    reference: detention.reference,
    detaineeId: detention.detaineeId,
    detainee: detention.detainee,
    detention: {
      facilityName: detention.facility.name,
      timeZone: detention.facility.timeZone,
      detainedAt: detention.detainedAt,
      grounds: detention.grounds,
      nextReviewKind: detention.nextReviewKind,
      nextReviewDueBy: detention.nextReviewDueBy,
    },
    flags: detention.screening?.flags ?? [],
    needs: detention.assessment?.needs ?? [],
    releasePlan: detention.releasePlan,
    riskOpinion: detention.assessment?.riskOpinion ?? null,
  };
}

/** A fingerprint of a packet: sending refuses a packet that differs from the one the CLO previewed. */
export function packetDigest(packet: ReferralPacket): string {
  return createHash("sha256").update(JSON.stringify(packet)).digest("hex");
}

export type ComposeConsent = { id: string; purpose: string; fields: ConsentField[]; method: ConsentMethod; givenAt: Date };

export type ComposeView = {
  detentionId: string;
  reference: string;
  personName: string;
  timeZone: string;
  providers: { id: string; name: string }[];
  provider: { id: string; name: string; organizationId: string } | null;
  consents: ComposeConsent[];
  consent: ComposeConsent | null;
  chosenFields: ConsentField[];
  packet: ReferralPacket | null;
  digest: string | null;
};

/**
 * The compose screen: the provider, the consent in force for that provider's organisation, the fields chosen
 * (by default every field the consent covers except the risk opinion) and the packet exactly as it would be sent.
 */
export async function getComposeView(actor: Actor, detentionId: string, choice: { providerId?: string; consentId?: string; fields?: ConsentField[] }): Promise<ComposeView | null> {
  if (!isUuid(detentionId)) return null;
  if (!can(actor, "referrals.compose")) return null;
  const source = await db().$transaction((tx) => loadPacketSource(tx, actor, detentionId));
  if (!source) return null;
  const providerRows = await db().serviceProvider.findMany({
    where: { organization: { active: true } },
    orderBy: [{ organization: { name: "asc" } }],
    select: { id: true, organizationId: true, organization: { select: { name: true } } },
  });
  const providers = providerRows.map((row) => ({ id: row.id, name: row.organization.name, organizationId: row.organizationId }));
  const provider = providers.find((row) => row.id === choice.providerId) ?? null;
  const consents = provider
    ? await db().consent.findMany({
        where: { detaineeId: source.detaineeId, recipientOrgId: provider.organizationId, withdrawnAt: null },
        orderBy: [{ givenAt: "desc" }, { id: "asc" }],
        select: { id: true, purpose: true, fields: true, method: true, givenAt: true },
      })
    : [];
  const consent = consents.find((row) => row.id === choice.consentId) ?? consents[0] ?? null;
  const chosenFields = consent ? (choice.fields ? effectivePacketFields(choice.fields, consent.fields) : defaultPacketFields(consent.fields)) : [];
  const packet = consent ? buildPacket(source, chosenFields, consent.fields) : null;
  return {
    detentionId,
    reference: source.reference,
    personName: `${source.detainee.givenName} ${source.detainee.familyName}`,
    timeZone: source.detention.timeZone,
    providers: providers.map(({ id, name }) => ({ id, name })),
    provider,
    consents,
    consent,
    chosenFields,
    packet,
    digest: packet ? packetDigest(packet) : null,
  };
}
