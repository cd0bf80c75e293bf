import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { reviewWatchScope } from "@/lib/authz/reviews";
import { hashFeedToken } from "@/lib/calendar/token";
import type { FeedDeadline, FeedHearing } from "@/lib/calendar/rules";
import type { AppLocale } from "@/lib/i18n/locales";

/** A feed has at most this many detentions: far above any caseload, and a bound on the work one URL can ask for. */
const FEED_DETENTION_LIMIT = 1000;

/** The actor's current (not revoked) feed, without any secret: the token exists only in the URL shown once. */
export async function currentFeed(actor: Actor): Promise<{ id: string; createdAt: Date; includeFullNames: boolean } | null> {
  if (!can(actor, "calendar.feed")) return null;
  return db().calendarFeed.findFirst({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, includeFullNames: true },
  });
}

export type FeedContent = { ownerName: string; locale: AppLocale; includeFullNames: boolean; deadlines: FeedDeadline[]; hearings: FeedHearing[] };

/**
 * The reviews a feed's owner may see now, or null for an unknown or revoked token. The owner's account
 * and organisation are re-read on every request, so a deactivated user's feed or a counsel no longer of
 * record stops showing reviews at once, whatever the token.
 */
export async function loadFeed(token: string): Promise<FeedContent | null> {
  const feed = await db().calendarFeed.findFirst({
    where: { tokenHash: hashFeedToken(token), revokedAt: null, user: { active: true } },
    select: {
      id: true,
      includeFullNames: true,
      user: { select: { id: true, name: true, role: true, locale: true, organization: { select: { id: true, kind: true, name: true, active: true } } } },
    },
  });
  if (!feed || !feed.user.organization.active) return null;
  const { user } = feed;
  const owner: Actor = {
    userId: user.id,
    sessionId: `calendar-feed:${feed.id}`,
    name: user.name,
    role: user.role,
    organizationId: user.organization.id,
    organizationKind: user.organization.kind,
    organizationName: user.organization.name,
  };
  if (!can(owner, "calendar.feed")) return null;

  const detentions = await db().detention.findMany({
    where: reviewWatchScope(owner),
    orderBy: [{ nextReviewDueBy: "asc" }, { id: "asc" }],
    take: FEED_DETENTION_LIMIT,
    select: {
      id: true,
      reference: true,
      nextReviewKind: true,
      nextReviewDueBy: true,
      detainee: { select: { givenName: true, familyName: true } },
      facility: { select: { name: true, timeZone: true } },
      _count: { select: { reviews: { where: { outcome: { in: ["CONTINUED", "ADJOURNED", "RELEASE_ORDERED"] } } } } },
      reviews: { where: { outcome: null, scheduledFor: { not: null } }, select: { id: true, kind: true, scheduledFor: true, location: true, byVideo: true } },
    },
  });
  const deadlines: FeedDeadline[] = [];
  const hearings: FeedHearing[] = [];
  for (const detention of detentions) {
    const person = { reference: detention.reference, givenName: detention.detainee.givenName, familyName: detention.detainee.familyName, facilityName: detention.facility.name, timeZone: detention.facility.timeZone };
    if (detention.nextReviewKind && detention.nextReviewDueBy) {
      deadlines.push({ ...person, detentionId: detention.id, kind: detention.nextReviewKind, dueBy: detention.nextReviewDueBy, ordinal: detention._count.reviews + 1 });
    }
    for (const review of detention.reviews) {
      hearings.push({ ...person, reviewId: review.id, kind: review.kind, scheduledFor: review.scheduledFor!, location: review.location, byVideo: review.byVideo });
    }
  }
  return { ownerName: user.name, locale: user.locale, includeFullNames: feed.includeFullNames, deadlines, hearings };
}
