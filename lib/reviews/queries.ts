import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { reviewWatchScope } from "@/lib/authz/reviews";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { policyInForce } from "@/lib/policy/queries";
import { dashboardGroupRange, DASHBOARD_GROUPS, DUE_SOON_HOURS, type DashboardGroup } from "@/lib/reviews/rules";
import type { ReviewDashboardParams } from "@/lib/reviews/schema";
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
export async function listReviewDashboard(actor: Actor, params: ReviewDashboardParams, now = new Date()): Promise<ReviewDashboard> {
  const empty = { OVERDUE: 0, DUE_SOON: 0, THIS_WEEK: 0, LATER: 0 };
  if (!can(actor, "reviews.dashboard")) return { ...toPage([], 0, 1), counts: empty, dueSoonHours: DUE_SOON_HOURS };
  const { dueSoonHours } = await policyInForce(now);
  const where = dashboardWhere(actor, params, now, dueSoonHours);
  const filtersOnly = { ...params, group: undefined };
  const [rows, ...counts] = await Promise.all([
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
    ...DASHBOARD_GROUPS.map((group) => db().detention.count({ where: dashboardWhere(actor, { ...filtersOnly, group }, now, dueSoonHours) })),
  ]);
  const groupCounts = Object.fromEntries(DASHBOARD_GROUPS.map((group, index) => [group, counts[index] ?? 0])) as Record<DashboardGroup, number>;
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

/** How many of the actor's current cases have a review overdue or due soon (the policy's horizon): the in-app notice. */
export async function countUrgentReviews(actor: Actor, now = new Date()): Promise<{ overdue: number; dueSoon: number; dueSoonHours: number }> {
  if (!can(actor, "reviews.dashboard")) return { overdue: 0, dueSoon: 0, dueSoonHours: DUE_SOON_HOURS };
  const scope = reviewWatchScope(actor);
  const { dueSoonHours } = await policyInForce(now);
  const [overdue, dueSoon] = await Promise.all([
    db().detention.count({ where: { AND: [scope, { nextReviewDueBy: dashboardGroupRange("OVERDUE", now) }] } }),
    db().detention.count({ where: { AND: [scope, { nextReviewDueBy: dashboardGroupRange("DUE_SOON", now, dueSoonHours) }] } }),
  ]);
  return { overdue, dueSoon, dueSoonHours };
}
