import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import { DASHBOARD_GROUPS, dashboardGroupRange, type DashboardGroup } from "@/lib/reviews/rules";
import { reviewWatchScope } from "@/lib/authz/reviews";
import type { Actor } from "@/lib/authz";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewKind } from "@/lib/generated/prisma/enums";

// The notice and the dashboard count the followed detentions per group in one SQL statement, whose scope is
// reviewWatchScope written again in SQL. This file proves the two agree: for every persona and every filter, the
// statement's counts equal Prisma's counts under reviewWatchScope and dashboardGroupRange.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { listReviewDashboard, countUrgentReviews } = await import("@/lib/reviews/queries");
const { reviewDashboardParamsSchema } = await import("@/lib/reviews/schema");
const { policyInForce } = await import("@/lib/policy/queries");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let prisma: PrismaClient;
let personas: Record<string, Actor>;
let places: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>[];
const now = new Date(Math.floor(Date.now() / 1000) * 1000);

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  const fixtures = reviewFixtures(prisma);
  const toronto = await fixtures.office("counts-toronto");
  const vancouver = await fixtures.office("counts-vancouver", "America/Vancouver");
  places = [toronto, vancouver];
  const { counsel } = await fixtures.lawOffice("counts");
  const { counsel: otherCounsel, organization: lawOffice } = await fixtures.lawOffice("counts-other");
  const { dueSoonHours } = await policyInForce(now);
  // Every group's edges (the instant itself, one millisecond either side), both kinds, both offices, clients of
  // either counsel or none, and detentions the scope leaves out (released; no next review).
  const offsets = [-10 * DAY, -1, 0, 1, dueSoonHours * HOUR - 1, dueSoonHours * HOUR, dueSoonHours * HOUR + 1, 3 * DAY, 7 * DAY, 7 * DAY + 1, 20 * DAY];
  const kinds: ReviewKind[] = ["FORTY_EIGHT_HOUR", "SEVEN_DAY", "THIRTY_DAY"];
  const counselIds = [counsel.userId, otherCounsel.userId, undefined];
  let index = 0;
  for (const place of places) {
    for (const offset of offsets) {
      index += 1;
      await fixtures.detention(place, {
        detainedAt: new Date(now.getTime() - 40 * DAY),
        nextReviewKind: kinds[index % kinds.length],
        nextReviewDueBy: new Date(now.getTime() + offset),
        counselId: counselIds[index % counselIds.length],
      });
    }
    const released = await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 5 * DAY), counselId: counsel.userId, nextReviewDueBy: new Date(now.getTime() - HOUR) });
    await prisma.detention.update({ where: { id: released.id }, data: { status: "RELEASED", releasedAt: now } });
    await fixtures.detention(place, { detainedAt: new Date(now.getTime() - 5 * DAY), counselId: counsel.userId, nextReviewKind: null, nextReviewDueBy: null });
  }
  const ngo = await prisma.organization.create({ data: { kind: "SERVICE_PROVIDER", name: `IT provider counts ${randomUUID()}`, region: "Test region" }, select: { id: true } });
  const base = { sessionId: randomUUID(), name: "Someone" };
  personas = {
    "Toronto CLO": toronto.clo,
    "Toronto supervisor": toronto.supervisor,
    "Vancouver CLO": vancouver.clo,
    "Vancouver supervisor": vancouver.supervisor,
    counsel,
    "other counsel": otherCounsel,
    "NGO caseworker": { ...base, userId: randomUUID(), role: "NGO_CASEWORKER", organizationId: ngo.id, organizationKind: "SERVICE_PROVIDER", organizationName: "Provider" },
    admin: { ...base, userId: randomUUID(), role: "ADMIN", organizationId: toronto.organization.id, organizationKind: "CBSA_OFFICE", organizationName: "Office" },
    // A CLO-like role outside a CBSA office follows nothing (detentionScope): both forms must agree on it too.
    "CLO of a law office": { ...base, userId: randomUUID(), role: "CLO", organizationId: lawOffice.id, organizationKind: "LEGAL", organizationName: "Law office" },
  };
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

/** Prisma's counts under reviewWatchScope, one count per group: the reference the SQL statement must equal. */
async function referenceCounts(actor: Actor, filters: { officeId?: string; facilityId?: string; kind?: ReviewKind }): Promise<Record<DashboardGroup, number>> {
  const { dueSoonHours } = await policyInForce(now);
  const entries = await Promise.all(
    DASHBOARD_GROUPS.map(async (group) => {
      const count = await prisma.detention.count({
        where: {
          AND: [
            reviewWatchScope(actor),
            filters.officeId ? { officeId: filters.officeId } : {},
            filters.facilityId ? { facilityId: filters.facilityId } : {},
            filters.kind ? { nextReviewKind: filters.kind } : {},
            { nextReviewDueBy: dashboardGroupRange(group, now, dueSoonHours) },
          ],
        },
      });
      return [group, count] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DashboardGroup, number>;
}

describe("the review counts statement keeps reviewWatchScope exactly", () => {
  it("equals Prisma's counts under reviewWatchScope for every persona and every filter", async () => {
    const filterSets: { officeId?: string; facilityId?: string; kind?: ReviewKind }[] = [
      {},
      { officeId: places[0]!.organization.id },
      { officeId: places[1]!.organization.id },
      { facilityId: places[1]!.facility.id },
      { kind: "SEVEN_DAY" },
      { officeId: places[0]!.organization.id, kind: "FORTY_EIGHT_HOUR" },
    ];
    let followed = 0;
    for (const [name, actor] of Object.entries(personas)) {
      for (const filters of filterSets) {
        const expected = await referenceCounts(actor, filters);
        const dashboard = await listReviewDashboard(actor, reviewDashboardParamsSchema.parse(filters), now);
        expect({ name, filters, counts: dashboard.counts }).toEqual({ name, filters, counts: expected });
        followed += Object.values(expected).reduce((sum, count) => sum + count, 0);
      }
      const all = await referenceCounts(actor, {});
      expect({ name, notice: await countUrgentReviews(actor, now) }).toEqual({ name, notice: { overdue: all.OVERDUE, dueSoon: all.DUE_SOON, dueSoonHours: (await policyInForce(now)).dueSoonHours } });
    }
    // The comparison means something: the offices' staff and counsel follow cases in every group.
    expect(followed).toBeGreaterThan(0);
    for (const name of ["Toronto CLO", "counsel"]) {
      const counts = await referenceCounts(personas[name]!, {});
      for (const group of DASHBOARD_GROUPS) expect({ name, group, some: counts[group] > 0 }).toEqual({ name, group, some: true });
    }
    for (const name of ["NGO caseworker", "admin", "CLO of a law office"]) {
      expect(await referenceCounts(personas[name]!, {})).toEqual({ OVERDUE: 0, DUE_SOON: 0, THIS_WEEK: 0, LATER: 0 });
    }
  });
});
