import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildFeedEvents, initials, tokenFromPathSegment, type FeedDeadline, type FeedHearing, type Labeller } from "@/lib/calendar/rules";
import { renderCalendar } from "@/lib/calendar/ics";
import { hashFeedToken, newFeedToken } from "@/lib/calendar/token";

const label: Labeller = (key, values) => (key.startsWith("kind.") ? key.slice(5) : `${key}|${values?.kind ?? ""}|${values?.who ?? ""}`);

const deadline: FeedDeadline = {
  detentionId: "0190a000-0000-7000-8000-000000000001",
  reference: "TOR-26-0042",
  givenName: "Amara",
  familyName: "Okafor-Diallo",
  facilityName: "Toronto Immigration Holding Centre",
  timeZone: "America/Toronto",
  kind: "SEVEN_DAY",
  dueBy: new Date("2026-06-10T03:59:59.999Z"),
  ordinal: 2,
};
const hearing: FeedHearing = {
  reviewId: "0190a000-0000-7000-8000-0000000000aa",
  reference: "TOR-26-0042",
  givenName: "Amara",
  familyName: "Okafor-Diallo",
  facilityName: "Toronto Immigration Holding Centre",
  timeZone: "America/Toronto",
  kind: "SEVEN_DAY",
  scheduledFor: new Date("2026-06-08T13:30:00Z"),
  location: "Room 3",
  byVideo: true,
};

describe("calendar feed events", () => {
  it("name only the case reference and the person's initials by default", () => {
    const events = buildFeedEvents({ deadlines: [deadline], hearings: [hearing] }, { includeFullNames: false, label });
    for (const event of events) {
      expect(event.summary).toContain("TOR-26-0042 (A. O.)");
      expect(event.summary).not.toContain("Amara");
      expect(event.summary).not.toContain("Okafor");
      expect(event.description).not.toContain("Amara");
    }
  });

  it("name the person in full only when the feed's owner chose it", () => {
    const events = buildFeedEvents({ deadlines: [deadline], hearings: [] }, { includeFullNames: true, label });
    expect(events[0]!.summary).toContain("TOR-26-0042 (Amara Okafor-Diallo)");
  });

  it("give each review a stable UID built from the detention, the kind and its place in the chain", () => {
    const first = buildFeedEvents({ deadlines: [deadline], hearings: [hearing] }, { includeFullNames: false, label });
    const second = buildFeedEvents({ deadlines: [{ ...deadline }], hearings: [{ ...hearing }] }, { includeFullNames: false, label });
    expect(first.map((event) => event.uid)).toEqual(second.map((event) => event.uid));
    expect(first.map((event) => event.uid).sort()).toEqual([`hearing-${hearing.reviewId}@liaison`, `review-${deadline.detentionId}-SEVEN_DAY-2@liaison`].sort());
  });

  it("put a deadline at its dueBy instant and a hearing at its scheduled time, for an hour", () => {
    const events = buildFeedEvents({ deadlines: [deadline], hearings: [hearing] }, { includeFullNames: false, label });
    const deadlineEvent = events.find((event) => event.uid.startsWith("review-"))!;
    const hearingEvent = events.find((event) => event.uid.startsWith("hearing-"))!;
    expect(deadlineEvent.start).toEqual(deadline.dueBy);
    expect(deadlineEvent.end).toBeUndefined();
    expect(hearingEvent.start).toEqual(hearing.scheduledFor);
    expect(hearingEvent.end).toEqual(new Date("2026-06-08T14:30:00Z"));
    expect(hearingEvent.location).toBe("byVideo||: Room 3");
  });

  it("render as RFC 5545 that an independent parser reads back event by event", () => {
    const events = buildFeedEvents({ deadlines: [deadline], hearings: [hearing] }, { includeFullNames: false, label });
    const text = renderCalendar("Reviews", events);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const parsed = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(parsed.map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());
    const parsedHearing = parsed.find((event) => event.uid.startsWith("hearing-"))!;
    expect(parsedHearing.startDate.toJSDate().toISOString()).toBe("2026-06-08T13:30:00.000Z");
    expect(parsedHearing.summary).not.toContain("Amara");
  });
});

describe("people's initials", () => {
  it.each([
    ["Amara", "Okafor-Diallo", "A. O."],
    ["élodie", "Tremblay", "É. T."],
    ["  Li ", " Wei", "L. W."],
    ["", "Haddad", "H."],
  ])("%s %s → %s", (given, family, expected) => {
    expect(initials(given, family)).toBe(expected);
  });
});

describe("feed tokens", () => {
  it("are 32 random bytes in base64url, stored only as a SHA-256 hash", () => {
    const { token, tokenHash } = newFeedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(hashFeedToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(newFeedToken().token).not.toBe(token);
  });

  it.each([
    ["a bare token", "a".repeat(43), "a".repeat(43)],
    ["a token with .ics", `${"b".repeat(43)}.ics`, "b".repeat(43)],
    ["too short", "a".repeat(42), null],
    ["with a slash", `${"a".repeat(42)}/`, null],
    ["with a dot inside", `${"a".repeat(20)}.${"a".repeat(22)}`, null],
  ])("read from the URL: %s", (_name, segment, expected) => {
    expect(tokenFromPathSegment(segment)).toBe(expected);
  });
});
