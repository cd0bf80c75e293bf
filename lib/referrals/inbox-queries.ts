import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { myReferralsScope, referralAccessScope, REVIEW_DATES_SHARED } from "@/lib/authz/referrals";
import { listName } from "@/lib/format";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { readPacket, type ReferralPacket } from "@/lib/referrals/packet";
import type { ReferralSide } from "@/lib/referrals/rules";
import type { DetentionStatus, ReferralStatus } from "@/lib/generated/prisma/enums";
import type { ReferralMessageWhereInput } from "@/lib/generated/prisma/models";

/**
 * Lists of referrals (/referrals): the provider caseworker's inbox, and "my referrals" on the CBSA side, with each
 * one's unread messages. The shape of a CBSA-side row (OfficeReferral) is also the case file's referrals section.
 */

/**
 * Messages the actor has not read: those written on the other side of the referral. The provider side is
 * its caseworkers; the CBSA side everyone else.
 */
export function unreadFor(side: ReferralSide): ReferralMessageWhereInput {
  return side === "PROVIDER" ? { readAt: null, author: { role: { not: "NGO_CASEWORKER" } } } : { readAt: null, author: { role: "NGO_CASEWORKER" } };
}

/**
 * What a referral's reader is told once the person is no longer detained: whether it was a release, and on which
 * date (in the facility's zone). Nothing else of the case: not why, not where to, not the facility.
 */
export type ReleaseNotice = { released: boolean; on: Date | null; timeZone: string };

/** The detention's columns a release notice reads. */
export const RELEASE_NOTICE_SELECT = { status: true, releasedAt: true, facility: { select: { timeZone: true } } } as const;

/** The release notice of a detention, or null while the person is detained. */
export function releaseNotice(detention: { status: DetentionStatus; releasedAt: Date | null; facility: { timeZone: string } }): ReleaseNotice | null {
  if (detention.status === "DETAINED") return null;
  return { released: detention.status === "RELEASED", on: detention.releasedAt, timeZone: detention.facility.timeZone };
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
  /** Set once the person is no longer detained. */
  releaseNotice: ReleaseNotice | null;
};

function packetPersonName(packet: ReferralPacket): string | null {
  return packet.identity ? listName(packet.identity) : null;
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
  detention: { select: RELEASE_NOTICE_SELECT },
  _count: { select: { messages: { where: unreadFor("PROVIDER") } } },
} as const;

/**
 * The NGO caseworker's inbox: referrals sent to their organisation whose consent is still in force. The order uses
 * only what the caseworker may know: first the referrals whose review dates are shared with them
 * (REVIEW_DATES_SHARED), the person's next detention review soonest; then every other referral by the date it was
 * sent, newest first, never by a review date they were not given. Two queries, each one part of that order, paged
 * as one list. Both are always issued (at least one row asked of each, the surplus dropped): Prisma sends no SQL for
 * `take: 0`, so skipping either made the number of queries per page depend on how many referrals share dates, and
 * with it on the size of the data (the bench counts it: the same at every size).
 */
export async function listReferralInbox(actor: Actor, page: number): Promise<Page<InboxReferral>> {
  if (!can(actor, "referrals.inbox")) return toPage([], 0, 1);
  const scope = referralAccessScope(actor);
  const shared = { AND: [scope, REVIEW_DATES_SHARED] };
  const notShared = { AND: [scope, { NOT: REVIEW_DATES_SHARED }] };
  const [sharedTotal, otherTotal] = await Promise.all([db().referral.count({ where: shared }), db().referral.count({ where: notShared })]);
  const skip = (page - 1) * PAGE_SIZE;
  const sharedTake = Math.max(0, Math.min(PAGE_SIZE, sharedTotal - skip));
  const otherTake = PAGE_SIZE - sharedTake;
  const [first, rest] = await Promise.all([
    db().referral.findMany({
      where: shared,
      orderBy: [{ detention: { nextReviewDueBy: { sort: "asc", nulls: "last" } } }, { sentAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip,
      take: Math.max(1, sharedTake),
      select: inboxSelect,
    }),
    db().referral.findMany({
      where: notShared,
      orderBy: [{ sentAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: Math.max(0, skip - sharedTotal),
      take: Math.max(1, otherTake),
      select: inboxSelect,
    }),
  ]);
  return toPage(
    [...first.slice(0, sharedTake), ...rest.slice(0, otherTake)].map((row) => {
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
        releaseNotice: releaseNotice(row.detention),
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
  /** A referral to a program outside Liaison, recorded and answered by the office (lib/outside-referrals). */
  outside: boolean;
};

export const officeReferralSelect = {
  id: true,
  status: true,
  outside: true,
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
  outside: boolean;
  sentAt: Date | null;
  respondedAt: Date | null;
  updatedAt: Date;
  consent: { withdrawnAt: Date | null } | null;
  detention: { id: string; reference: string; facility: { timeZone: string }; detainee: { givenName: string; familyName: string } };
  provider: { organization: { name: string } };
  _count: { messages: number };
};

export function toOfficeReferral(row: OfficeReferralRow): OfficeReferral {
  return {
    id: row.id,
    detentionId: row.detention.id,
    reference: row.detention.reference,
    personName: listName(row.detention.detainee),
    providerName: row.provider.organization.name,
    status: row.status,
    sentAt: row.sentAt,
    respondedAt: row.respondedAt,
    updatedAt: row.updatedAt,
    timeZone: row.detention.facility.timeZone,
    unread: row._count.messages,
    consentWithdrawn: row.consent?.withdrawnAt != null,
    outside: row.outside,
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
