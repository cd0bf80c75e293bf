import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { reviewWatchScope } from "@/lib/authz/reviews";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { policyInForce } from "@/lib/policy/queries";
import { dashboardGroupRange, DASHBOARD_GROUPS, DUE_SOON_HOURS, type DashboardGroup } from "@/lib/reviews/rules";
import type { ReviewDashboardParams } from "@/lib/reviews/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewKind } from "@/lib/generated/prisma/enums";
import type { DetentionWhereInput } from "@/lib/generated/prisma/models";

export type DashboardRow = {
  detentionId: string;
  reference: string;
  person: { givenName: string; familyName: string };
  facility: { name: string; timeZone: string };
  officeName: string;
  kind: ReviewKind;
  dueBy: Date;
  needsCheck: boolean;
  hearingAt: Date | null;
  assignedCloName: string | null;
};

/** `dueSoonHours`: the policy's "due soon" horizon in force now, which bounds the DUE_SOON group. */
export type ReviewDashboard = Page<DashboardRow> & { counts: Record<DashboardGroup, number>; dueSoonHours: number };

function dashboardWhere(actor: Actor, params: Omit<ReviewDashboardParams, "page">, now: Date, dueSoonHours: number): DetentionWhereInput {
  return {
    AND: [
      reviewWatchScope(actor),
      params.officeId ? { officeId: params.officeId } : {},
      params.facilityId ? { facilityId: params.facilityId } : {},
      params.kind ? { nextReviewKind: params.kind } : {},
      params.group ? { nextReviewDueBy: dashboardGroupRange(params.group, now, dueSoonHours) } : {},
    ],
  };
}

/**
 * The next review of every current detention the actor follows, one page, sorted in SQL on
 * Detention.nextReviewDueBy (indexed): the earliest deadline first puts the overdue first, then those
 * due soon (the policy's horizon in force now), this week, later. The counts per group honour the
 * office/facility/kind filters.
 */
export async function listReviewDashboard(actor: Actor, params: ReviewDashboardParams, now = requestNow()): Promise<ReviewDashboard> {
  const empty = { OVERDUE: 0, DUE_SOON: 0, THIS_WEEK: 0, LATER: 0 };
  if (!can(actor, "reviews.dashboard")) return { ...toPage([], 0, 1), counts: empty, dueSoonHours: DUE_SOON_HOURS };
  const { dueSoonHours } = await policyInForce(now);
  const where = dashboardWhere(actor, params, now, dueSoonHours);
  const [rows, grouped] = await Promise.all([
    db().detention.findMany({
      where,
      orderBy: [{ nextReviewDueBy: "asc" }, { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        nextReviewKind: true,
        nextReviewDueBy: true,
        reviewNeedsCheck: true,
        detainee: { select: { givenName: true, familyName: true } },
        facility: { select: { name: true, timeZone: true } },
        office: { select: { name: true } },
        assignedClo: { select: { name: true } },
        reviews: { where: { outcome: null, scheduledFor: { not: null } }, select: { scheduledFor: true }, orderBy: { scheduledFor: "asc" }, take: 1 },
      },
    }),
    countReviewGroups(actor, params.officeId, params.facilityId, params.kind, now.getTime()),
  ]);
  const groupCounts = grouped.counts;
  // The groups split the followed detentions by due date with no gap or overlap (dashboardGroupRange), so the
  // listing's total is its group's count, or all of them: no count query of its own.
  const total = params.group ? groupCounts[params.group] : DASHBOARD_GROUPS.reduce((sum, group) => sum + groupCounts[group], 0);
  return {
    ...toPage(
      rows.map((row) => ({
        detentionId: row.id,
        reference: row.reference,
        person: row.detainee,
        facility: row.facility,
        officeName: row.office.name,
        kind: row.nextReviewKind!,
        dueBy: row.nextReviewDueBy!,
        needsCheck: row.reviewNeedsCheck,
        hearingAt: row.reviews[0]?.scheduledFor ?? null,
        assignedCloName: row.assignedClo?.name ?? null,
      })),
      total,
      params.page,
    ),
    counts: groupCounts,
    dueSoonHours,
  };
}

/** The offices and facilities the actor's followed detentions are in: the dashboard's filter choices. */
export async function dashboardFilterOptions(actor: Actor) {
  const scope = reviewWatchScope(actor);
  const [offices, facilities] = await Promise.all([
    db().organization.findMany({ where: { detentions: { some: scope } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().facility.findMany({ where: { detentions: { some: scope } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { offices, facilities };
}

/**
 * The instant a request's review clock reads as now: one per request (React's cache), so the notice on every page
 * and the dashboard under it count against the same instant and share one statement. Outside a request (tests,
 * jobs) each call is a fresh Date.
 */
export const requestNow = cache((): Date => new Date());

/**
 * reviewWatchScope (lib/authz/reviews.ts) as SQL over `"Detention" d`, for the counting statement below, which
 * Prisma cannot write (one count per FILTER). The same cases as detentionScope: a CBSA office's CLOs and supervisors,
 * their office's detentions; counsel, their clients' (the detainee's counsel of record); anyone else, none. Then
 * current (DETAINED) with a next review. tests/integration/review-counts.test.ts compares the two for every persona.
 */
function reviewWatchScopeSql(actor: Actor): Prisma.Sql {
  if (!can(actor, "reviews.dashboard")) return Prisma.sql`FALSE`;
  let scope: Prisma.Sql;
  switch (actor.role) {
    case "CLO":
    case "SUPERVISOR":
      scope = actor.organizationKind === "CBSA_OFFICE" ? Prisma.sql`d."officeId" = ${actor.organizationId}::uuid` : Prisma.sql`FALSE`;
      break;
    case "COUNSEL":
      scope = Prisma.sql`EXISTS (SELECT 1 FROM "Detainee" p WHERE p."id" = d."detaineeId" AND p."counselId" = ${actor.userId}::uuid)`;
      break;
    case "NGO_CASEWORKER":
    case "ADMIN":
      scope = Prisma.sql`FALSE`;
      break;
  }
  return Prisma.sql`(${scope}) AND d."status" = 'DETAINED' AND d."nextReviewDueBy" IS NOT NULL`;
}

/** A dashboard group's range of due dates (dashboardGroupRange) as a condition on d."nextReviewDueBy". */
function groupRangeSql(group: DashboardGroup, now: Date, dueSoonHours: number): Prisma.Sql {
  const { gte, lt } = dashboardGroupRange(group, now, dueSoonHours);
  const bounds = [
    gte ? Prisma.sql`d."nextReviewDueBy" >= ${gte}::timestamptz` : null,
    lt ? Prisma.sql`d."nextReviewDueBy" < ${lt}::timestamptz` : null,
  ].filter((bound): bound is Prisma.Sql => bound !== null);
  return bounds.length ? Prisma.join(bounds, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The followed detentions per dashboard group under the dashboard's filters, in one statement (count(*) FILTER per
 * group), at the policy's due-soon horizon in force at `at`. Cached per request by its arguments (primitives, and the
 * request's actor, itself one object per request): the notice (no filters) and an unfiltered dashboard share it.
 */
const countReviewGroups = cache(
  async (actor: Actor, officeId: string | undefined, facilityId: string | undefined, kind: ReviewKind | undefined, at: number) => {
    const now = new Date(at);
    const { dueSoonHours } = await policyInForce(now);
    const filters = [
      reviewWatchScopeSql(actor),
      officeId ? Prisma.sql`d."officeId" = ${officeId}::uuid` : null,
      facilityId ? Prisma.sql`d."facilityId" = ${facilityId}::uuid` : null,
      kind ? Prisma.sql`d."nextReviewKind" = ${kind}::"ReviewKind"` : null,
    ].filter((filter): filter is Prisma.Sql => filter !== null);
    const [row] = await db().$queryRaw<Record<DashboardGroup, number>[]>`
      SELECT
        count(*) FILTER (WHERE ${groupRangeSql("OVERDUE", now, dueSoonHours)})::int AS "OVERDUE",
        count(*) FILTER (WHERE ${groupRangeSql("DUE_SOON", now, dueSoonHours)})::int AS "DUE_SOON",
        count(*) FILTER (WHERE ${groupRangeSql("THIS_WEEK", now, dueSoonHours)})::int AS "THIS_WEEK",
        count(*) FILTER (WHERE ${groupRangeSql("LATER", now, dueSoonHours)})::int AS "LATER"
      FROM "Detention" d
      WHERE ${Prisma.join(filters, " AND ")}`;
    const counts = Object.fromEntries(DASHBOARD_GROUPS.map((group) => [group, Number(row?.[group] ?? 0)])) as Record<DashboardGroup, number>;
    return { counts, dueSoonHours };
  },
);

/** How many of the actor's current cases have a review overdue or due soon (the policy's horizon): the in-app notice. */
export async function countUrgentReviews(actor: Actor, now = requestNow()): Promise<{ overdue: number; dueSoon: number; dueSoonHours: number }> {
  if (!can(actor, "reviews.dashboard")) return { overdue: 0, dueSoon: 0, dueSoonHours: DUE_SOON_HOURS };
  const { counts, dueSoonHours } = await countReviewGroups(actor, undefined, undefined, undefined, now.getTime());
  return { overdue: counts.OVERDUE, dueSoon: counts.DUE_SOON, dueSoonHours };
}
