/**
 * What a calendar feed says about each review: pure, no I/O (the route handler loads, these decide).
 * Privacy by default: an event names the case reference and the person's initials only, because a
 * calendar is synchronised to phones and third-party services; full names only when the feed's owner
 * chose them. UIDs are stable, so calendar clients update an event instead of adding a duplicate.
 */

export type FeedDeadline = {
  detentionId: string;
  reference: string;
  givenName: string;
  familyName: string;
  facilityName: string;
  timeZone: string;
  kind: string;
  dueBy: Date;
  /** The review's place in this detention's chain: 1 for the first review, 2 for the second... */
  ordinal: number;
};

export type FeedHearing = {
  reviewId: string;
  reference: string;
  givenName: string;
  familyName: string;
  facilityName: string;
  timeZone: string;
  kind: string;
  scheduledFor: Date;
  location: string | null;
  byVideo: boolean;
};

export type FeedEvent = {
  uid: string;
  start: Date;
  /** Absent for a deadline: an instant, not a period. */
  end?: Date;
  summary: string;
  description: string;
  location?: string;
};

/** Text for the events, in the feed owner's language: `label(key, values)` from the `calendarEvents` catalogue. */
export type Labeller = (key: "deadlineSummary" | "hearingSummary" | "deadlineDescription" | "hearingDescription" | "byVideo" | `kind.${string}`, values?: Record<string, string>) => string;

/** A hearing's assumed length in a calendar: the ID does not fix one; an hour blocks the time without overstating it. */
export const HEARING_MINUTES = 60;

/** Initials of a person's names ("Amara Okafor-Diallo" → "A. O."): enough for counsel to recognise a client, not to identify a stranger. */
export function initials(givenName: string, familyName: string): string {
  return [givenName, familyName]
    .map((name) => name.trim())
    .filter((name) => name !== "")
    .map((name) => `${name.charAt(0).toLocaleUpperCase("en-CA")}.`)
    .join(" ");
}

function who(person: { reference: string; givenName: string; familyName: string }, includeFullNames: boolean): string {
  const name = includeFullNames ? `${person.givenName} ${person.familyName}`.trim() : initials(person.givenName, person.familyName);
  return `${person.reference} (${name})`;
}

export function deadlineUid(detentionId: string, kind: string, ordinal: number): string {
  return `review-${detentionId}-${kind}-${ordinal}@liaison`;
}

export function hearingUid(reviewId: string): string {
  return `hearing-${reviewId}@liaison`;
}

/** One event per review deadline and one per scheduled hearing, in a stable order. */
export function buildFeedEvents(
  input: { deadlines: readonly FeedDeadline[]; hearings: readonly FeedHearing[] },
  options: { includeFullNames: boolean; label: Labeller },
): FeedEvent[] {
  const { includeFullNames, label } = options;
  const deadlines = input.deadlines.map((deadline): FeedEvent => {
    const values = { kind: label(`kind.${deadline.kind}`), who: who(deadline, includeFullNames), facility: deadline.facilityName, zone: deadline.timeZone };
    return {
      uid: deadlineUid(deadline.detentionId, deadline.kind, deadline.ordinal),
      start: deadline.dueBy,
      summary: label("deadlineSummary", values),
      description: label("deadlineDescription", values),
    };
  });
  const hearings = input.hearings.map((hearing): FeedEvent => {
    const location = hearing.byVideo ? [label("byVideo"), hearing.location].filter(Boolean).join(": ") : (hearing.location ?? "");
    const values = { kind: label(`kind.${hearing.kind}`), who: who(hearing, includeFullNames), facility: hearing.facilityName, zone: hearing.timeZone };
    return {
      uid: hearingUid(hearing.reviewId),
      start: hearing.scheduledFor,
      end: new Date(hearing.scheduledFor.getTime() + HEARING_MINUTES * 60_000),
      summary: label("hearingSummary", values),
      description: label("hearingDescription", values),
      ...(location ? { location } : {}),
    };
  });
  return [...deadlines, ...hearings].sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** A feed token: 32 random bytes in base64url, 43 characters; the URL may end in ".ics" for calendar clients that want it. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function tokenFromPathSegment(segment: string): string | null {
  const token = segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
  return FEED_TOKEN_PATTERN.test(token) ? token : null;
}
