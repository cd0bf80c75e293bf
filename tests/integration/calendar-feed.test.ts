import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { createPrismaClient } from "@/prisma/client";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// A database of this file's own (see ownDatabase), set before the data layer's first query.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { createFeed, revokeFeed } = await import("@/lib/calendar/mutations");
const { currentFeed } = await import("@/lib/calendar/queries");
const { hashFeedToken } = await import("@/lib/calendar/token");
const { scheduleHearing } = await import("@/lib/reviews/mutations");
const { GET } = await import("@/app/api/calendar/[token]/route");

const HOUR = 3_600_000;
let prisma: PrismaClient;
let fixtures: ReturnType<typeof reviewFixtures>;
let counsel: Actor;
let otherCounsel: Actor;
let clo: Actor;
let client: { id: string; reference: string };
let secondClient: { id: string; reference: string };
let hearingReviewId: string;

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  fixtures = reviewFixtures(prisma);
  const place = await fixtures.office("calendar");
  clo = place.clo;
  ({ counsel } = await fixtures.lawOffice("calendar"));
  ({ counsel: otherCounsel } = await fixtures.lawOffice("calendar-other"));
  client = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * HOUR), counselId: counsel.userId, givenName: "Mariam", familyName: "Quenneville" });
  secondClient = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 20 * HOUR), counselId: counsel.userId, givenName: "Tomas", familyName: "Brightwater" });
  await fixtures.detention(place, { detainedAt: new Date(Date.now() - 5 * HOUR), counselId: otherCounsel.userId });
  // A hearing for the first client's 48-hour review: it appears as a timed event of its own.
  const at = new Date(Date.now() + 20 * HOUR);
  const local = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => local.find((p) => p.type === type)!.value;
  const scheduled = await scheduleHearing(clo, { detentionId: client.id, detentionVersion: 1, date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}`, byVideo: true, location: "" });
  if (!scheduled.ok) throw new Error("could not schedule the hearing");
  hearingReviewId = scheduled.reviewId;
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

async function fetchFeed(segment: string) {
  return GET(new Request(`http://localhost/api/calendar/${segment}`), { params: Promise.resolve({ token: segment }) });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

async function newToken(actor: Actor, includeFullNames = false): Promise<string> {
  const result = await createFeed(actor, { includeFullNames });
  if (!result.ok || !result.token) throw new Error("feed not created");
  return result.token;
}

describe("the personal calendar feed", () => {
  it("serves valid RFC 5545 with one event per review deadline and hearing, stable UIDs, and initials only", async () => {
    const token = await newToken(counsel);
    const response = await fetchFeed(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const events = parse(text);
    const uids = events.map((event) => event.uid).sort();
    expect(uids).toEqual([`hearing-${hearingReviewId}@liaison`, `review-${client.id}-FORTY_EIGHT_HOUR-1@liaison`, `review-${secondClient.id}-FORTY_EIGHT_HOUR-1@liaison`].sort());

    const detentions = await prisma.detention.findMany({ where: { id: { in: [client.id, secondClient.id] } }, select: { id: true, nextReviewDueBy: true } });
    for (const detention of detentions) {
      const event = events.find((candidate) => candidate.uid === `review-${detention.id}-FORTY_EIGHT_HOUR-1@liaison`)!;
      // iCalendar times have whole seconds.
      expect(event.startDate.toJSDate().getTime()).toBe(Math.floor(detention.nextReviewDueBy!.getTime() / 1000) * 1000);
    }
    const hearing = await prisma.detentionReview.findUniqueOrThrow({ where: { id: hearingReviewId } });
    const hearingEvent = events.find((event) => event.uid === `hearing-${hearingReviewId}@liaison`)!;
    expect(hearingEvent.startDate.toJSDate().getTime()).toBe(hearing.scheduledFor!.getTime());
    for (const event of events) {
      expect(event.summary).toMatch(/^(Deadline|Hearing): /);
      expect(event.summary).not.toMatch(/Mariam|Quenneville|Tomas|Brightwater/);
      expect(event.description).not.toMatch(/Mariam|Quenneville|Tomas|Brightwater/);
    }
    expect(events.find((event) => event.uid.includes(client.id))!.summary).toContain(`${client.reference} (M. Q.)`);

    const again = parse(await (await fetchFeed(`${token}.ics`)).text());
    expect(again.map((event) => event.uid).sort()).toEqual(uids);
  });

  it("names people in full only when the owner chose it", async () => {
    const token = await newToken(counsel, true);
    const events = parse(await (await fetchFeed(token)).text());
    expect(events.find((event) => event.uid === `review-${client.id}-FORTY_EIGHT_HOUR-1@liaison`)!.summary).toContain("Mariam Quenneville");
  });

  it("stops the old address at once when a new one is generated", async () => {
    const oldToken = await newToken(counsel);
    expect((await fetchFeed(oldToken)).status).toBe(200);
    const newTokenValue = await newToken(counsel);
    expect((await fetchFeed(oldToken)).status).toBe(404);
    expect((await fetchFeed(newTokenValue)).status).toBe(200);
    expect(await prisma.calendarFeed.count({ where: { userId: counsel.userId, revokedAt: null } })).toBe(1);
  });

  it("answers 404 with no detail once revoked, and for unknown or malformed tokens", async () => {
    const token = await newToken(counsel);
    expect((await revokeFeed(counsel)).ok).toBe(true);
    const revoked = await fetchFeed(token);
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe("Not found");
    expect(await currentFeed(counsel)).toBeNull();
    expect((await fetchFeed("A".repeat(43))).status).toBe(404);
    expect((await fetchFeed("not-a-token")).status).toBe(404);
    expect((await fetchFeed(`${"A".repeat(43)}/../x`)).status).toBe(404);
  });

  it("stores only the token's SHA-256 hash and audits create, regenerate and revoke without the token", async () => {
    const token = await newToken(otherCounsel);
    const stored = await prisma.calendarFeed.findFirstOrThrow({ where: { userId: otherCounsel.userId, revokedAt: null } });
    expect(stored.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    await newToken(otherCounsel);
    await revokeFeed(otherCounsel);
    const events = await prisma.auditEvent.findMany({ where: { actorId: otherCounsel.userId, entityType: "CalendarFeed" }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["calendarFeed.create", "calendarFeed.regenerate", "calendarFeed.revoke"]);
    expect(JSON.stringify(events.map((event) => event.metadata))).not.toContain(token);
  });

  it("never shows another counsel's client, and follows the owner's access at request time", async () => {
    const token = await newToken(otherCounsel);
    const events = parse(await (await fetchFeed(token)).text());
    expect(events).toHaveLength(1);
    expect(events.some((event) => event.uid.includes(client.id) || event.uid.includes(secondClient.id) || event.uid.includes(hearingReviewId))).toBe(false);

    // Counsel of record changes: the review leaves the first counsel's feed on the next fetch.
    const mine = await newToken(counsel);
    await prisma.detainee.updateMany({ where: { detentions: { some: { id: secondClient.id } } }, data: { counselId: otherCounsel.userId } });
    const afterChange = parse(await (await fetchFeed(mine)).text());
    expect(afterChange.some((event) => event.uid.includes(secondClient.id))).toBe(false);
    const theirs = parse(await (await fetchFeed(token)).text());
    expect(theirs.some((event) => event.uid.includes(secondClient.id))).toBe(true);

    // A deactivated account's feed answers 404.
    await prisma.user.update({ where: { id: counsel.userId }, data: { active: false } });
    expect((await fetchFeed(mine)).status).toBe(404);
    await prisma.user.update({ where: { id: counsel.userId }, data: { active: true } });
  });
});
