import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { mayListOfficeQueue, officeQueueSql, screeningFlagSql } from "@/lib/authz/sql";
import { policyInForce } from "@/lib/policy/queries";
import { THIS_WEEK_HOURS } from "@/lib/reviews/rules";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { MINOR_FLAGS, NEARLY_READY_PLAN_STATUSES, NO_PROSPECT_TIER, NOT_DETAINED_TIER } from "@/lib/detentions/rules";
import { ENDED_STATUSES, FLAG_FILTERS, PLAN_FILTERS, REVIEW_DUE_FILTERS, type DetentionListParams, type FlagFilter, type PlanFilter, type ReviewDueFilter } from "@/lib/detentions/schema";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/**
 * The caseload queue of a CBSA office (the CLO and supervisor home, /cases): one page of the office's detentions,
 * filtered, prioritised and sorted in SQL, and the count behind every filter option.
 */

export type DetentionRow = {
  id: string;
  reference: string;
  detainee: { givenName: string; familyName: string };
  facility: { name: string; timeZone: string };
  detainedAt: Date;
  status: string;
  nextReviewKind: string | null;
  nextReviewDueBy: Date | null;
  assignedClo: { name: string } | null;
  planStatus: string | null;
  flags: VulnerabilityFlag[];
  noProspect: boolean;
  priorityTier: number;
};

export type QueueCounts = {
  total: number;
  assigned: Record<"me" | "office", number>;
  flag: Record<FlagFilter, number>;
  plan: Record<PlanFilter, number>;
  reviewDue: Record<ReviewDueFilter, number>;
};

const HOUR_MS = 3_600_000;
/** The review clock's windows as instants: "due soon" (48 hours) and "this week", from the review rules. */
const dueSoonUntil = (now: Date, dueSoonHours: number) => new Date(now.getTime() + dueSoonHours * HOUR_MS);
const thisWeekUntil = (now: Date) => new Date(now.getTime() + THIS_WEEK_HOURS * HOUR_MS);

/**
 * The caseload queue in SQL.
 *
 * Why a CASE expression computed per query rather than a stored priority column: two of the inputs move
 * with the clock, not with writes. A review becomes imminent and then overdue, and a "no current
 * prospect" marker lapses on its revisit date, without anyone saving the case; a stored column would be
 * wrong until some job rewrote it. The expression is a handful of comparisons on the office's rows
 * (already narrowed by the (officeId, status, nextReviewDueBy) index) and PostgreSQL sorts 50,000 such
 * rows for a LIMIT 20 page with a top-N heap sort, never sending them to Node. It returns the same tier as
 * priorityTier() in lib/detentions/rules.ts: tests/integration/queue.test.ts checks that they agree.
 */
function queueBase(actor: Actor, params: Pick<DetentionListParams, "status">, now: Date): Prisma.Sql {
  // Only the flags the viewer may see (lib/authz/cases.ts) enter the tier, the flag filter and its counts, so
  // a queue's order, position and counts reveal nothing the case page would hide.
  const flagVisible = screeningFlagSql(actor, { flag: Prisma.sql`sf.flag`, assignedCloId: Prisma.sql`d."assignedCloId"`, counselId: Prisma.sql`dt."counselId"` });
  // Compared as the enum, not as text: a cast column cannot use the (officeId, status, ...) index, and the office's
  // whole history (15,000 rows at 50,000 detentions) was read to find its 300 detained people.
  const status =
    params.status === "ALL"
      ? Prisma.sql`TRUE`
      : params.status === "RELEASED_OR_ENDED"
        ? Prisma.sql`d.status IN (${Prisma.join(ENDED_STATUSES.map((value) => Prisma.sql`${value}::"DetentionStatus"`), ", ")})`
        : Prisma.sql`d.status = ${params.status}::"DetentionStatus"`;
  const nearlyReady = Prisma.join(
    NEARLY_READY_PLAN_STATUSES.map((value) => Prisma.sql`${value}`),
    ", ",
  );
  return Prisma.sql`
    SELECT d.id, d.reference, d."detainedAt", d."nextReviewDueBy", d.status::text AS status, d."assignedCloId",
      dt."familyName", dt."givenName", rp.status::text AS plan_status,
      COALESCE(fl.flags, ARRAY[]::text[]) AS flags,
      COALESCE(rp.status::text IN (${nearlyReady}) OR (
        rp.status = 'DRAFTING'
        AND (a."interviewAt" IS NOT NULL OR btrim(COALESCE(a."noInterviewReason", '')) <> '')
        AND cardinality(d.grounds) > 0
        AND NOT EXISTS (
          SELECT 1 FROM unnest(d.grounds) AS g(ground)
          WHERE NOT EXISTS (SELECT 1 FROM "PlanMitigation" pm WHERE pm."planId" = rp.id AND pm.ground = g.ground AND btrim(pm.mitigation) <> ''))
      ), FALSE) AS plan_nearly_ready,
      (d."noProspectReason" IS NOT NULL AND (d."noProspectRevisitOn" IS NULL OR (d."noProspectRevisitOn"::timestamp AT TIME ZONE 'UTC') > ${now}::timestamptz)) AS no_prospect
    FROM "Detention" d
    JOIN "Detainee" dt ON dt.id = d."detaineeId"
    -- One plan and one assessment per detention, looked up by their unique detentionId for the office's rows only:
    -- as plain joins (or an EXISTS inside the expression) PostgreSQL chose to read every plan and assessment of
    -- every office, work that grows with the whole history instead of the office's caseload. (LIMIT 1 keeps the
    -- planner from flattening the lookups back into joins.)
    LEFT JOIN LATERAL (SELECT p.id, p.status FROM "ReleasePlan" p WHERE p."detentionId" = d.id LIMIT 1) rp ON TRUE
    LEFT JOIN LATERAL (SELECT x."interviewAt", x."noInterviewReason" FROM "Assessment" x WHERE x."detentionId" = d.id LIMIT 1) a ON TRUE
    LEFT JOIN LATERAL (
      SELECT array_agg(sf.flag::text) AS flags
      FROM "Screening" s JOIN "ScreeningFlag" sf ON sf."screeningId" = s.id
      WHERE s."detentionId" = d.id AND ${flagVisible}
    ) fl ON TRUE
    WHERE ${officeQueueSql(actor, { officeId: Prisma.sql`d."officeId"` })} AND ${status}`;
}

function tierSql(now: Date, dueSoonHours: number): Prisma.Sql {
  const minors = Prisma.join(
    MINOR_FLAGS.map((flag) => Prisma.sql`${flag}`),
    ", ",
  );
  return Prisma.sql`CASE
    WHEN q.status <> 'DETAINED' THEN ${NOT_DETAINED_TIER}
    WHEN q.no_prospect THEN ${NO_PROSPECT_TIER}
    ELSE
      (CASE WHEN q."nextReviewDueBy" IS NULL THEN 2 WHEN q."nextReviewDueBy" < ${now}::timestamptz THEN 0 WHEN q."nextReviewDueBy" <= ${dueSoonUntil(now, dueSoonHours)}::timestamptz THEN 1 ELSE 2 END) * 6
      + (CASE WHEN q.flags && ARRAY[${minors}]::text[] THEN 0 WHEN cardinality(q.flags) > 0 THEN 1 ELSE 2 END) * 2
      + (CASE WHEN q.plan_nearly_ready THEN 0 ELSE 1 END)
  END`;
}

function assignedCondition(actor: Actor, assigned: "me" | "office"): Prisma.Sql {
  return assigned === "me" ? Prisma.sql`q."assignedCloId" = ${actor.userId}::uuid` : Prisma.sql`TRUE`;
}

function flagCondition(flag: FlagFilter): Prisma.Sql {
  if (flag === "ALL") return Prisma.sql`TRUE`;
  if (flag === "ANY") return Prisma.sql`cardinality(q.flags) > 0`;
  return Prisma.sql`${flag} = ANY(q.flags)`;
}

function planCondition(plan: PlanFilter): Prisma.Sql {
  if (plan === "ALL") return Prisma.sql`TRUE`;
  if (plan === "NONE") return Prisma.sql`q.plan_status IS NULL`;
  return Prisma.sql`q.plan_status = ${plan}`;
}

function reviewDueCondition(reviewDue: ReviewDueFilter, now: Date, dueSoonHours: number): Prisma.Sql {
  switch (reviewDue) {
    case "ALL":
      return Prisma.sql`TRUE`;
    case "OVERDUE":
      return Prisma.sql`q."nextReviewDueBy" < ${now}::timestamptz`;
    case "DUE_SOON":
      return Prisma.sql`q."nextReviewDueBy" >= ${now}::timestamptz AND q."nextReviewDueBy" <= ${dueSoonUntil(now, dueSoonHours)}::timestamptz`;
    case "THIS_WEEK":
      return Prisma.sql`q."nextReviewDueBy" >= ${now}::timestamptz AND q."nextReviewDueBy" <= ${thisWeekUntil(now)}::timestamptz`;
  }
}

function orderSql(params: DetentionListParams): Prisma.Sql {
  // The direction comes from a Zod enum, never from raw input.
  const dir = Prisma.raw(params.dir === "desc" ? "DESC" : "ASC");
  switch (params.sort) {
    case "priority":
      // Within a tier the longest detained first: ascending detainedAt.
      return Prisma.sql`tier ${dir}, q."detainedAt" ${dir}, q.id ${dir}`;
    case "nextReviewDueBy":
      // Cases with no next review (released) go last whichever way the table is sorted.
      return Prisma.sql`q."nextReviewDueBy" ${dir} NULLS LAST, q.id ASC`;
    case "familyName":
      return Prisma.sql`q."familyName" ${dir}, q."givenName" ${dir}, q.id ASC`;
    case "detainedAt":
      return Prisma.sql`q."detainedAt" ${dir}, q.id ASC`;
    case "reference":
      return Prisma.sql`q.reference ${dir}, q.id ASC`;
  }
}

/** The office's detentions for the CLO and supervisor home: one page, filtered, prioritised and sorted in SQL. */
export async function listOfficeDetentions(actor: Actor, params: DetentionListParams, now = new Date()): Promise<Page<DetentionRow>> {
  if (!mayListOfficeQueue(actor)) return toPage([], 0, 1);
  // "Due soon" (priority and filter) is the policy's horizon in force now.
  const { dueSoonHours } = await policyInForce(now);
  const where = Prisma.join(
    [assignedCondition(actor, params.assigned), flagCondition(params.flag), planCondition(params.plan), reviewDueCondition(params.reviewDue, now, dueSoonHours)],
    " AND ",
  );
  const filtered = Prisma.sql`SELECT q.*, ${tierSql(now, dueSoonHours)} AS tier FROM (${queueBase(actor, params, now)}) q WHERE ${where}`;
  // The page and the number of matching rows in one pass (the window count is taken before LIMIT applies).
  const ranked = await db().$queryRaw<{ id: string; tier: number; flags: string[]; no_prospect: boolean; total: number }[]>`
    SELECT q.id, q.tier, q.flags, q.no_prospect, count(*) OVER ()::int AS total FROM (${filtered}) q
    ORDER BY ${orderSql(params)} LIMIT ${PAGE_SIZE} OFFSET ${(params.page - 1) * PAGE_SIZE}`;
  // A page past the end has no row to carry the count: ask for it separately (rare: a stale link).
  const total =
    ranked[0]?.total ?? (params.page > 1 ? ((await db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${filtered}) q`)[0]?.total ?? 0) : 0);
  const details = await db().detention.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    select: {
      id: true,
      reference: true,
      detainedAt: true,
      status: true,
      nextReviewKind: true,
      nextReviewDueBy: true,
      detainee: { select: { givenName: true, familyName: true } },
      facility: { select: { name: true, timeZone: true } },
      assignedClo: { select: { name: true } },
      releasePlan: { select: { status: true } },
    },
  });
  const byId = new Map(details.map((row) => [row.id, row]));
  const rows = ranked.flatMap((rank) => {
    const row = byId.get(rank.id);
    if (!row) return [];
    const { releasePlan, ...rest } = row;
    return [{ ...rest, planStatus: releasePlan?.status ?? null, flags: rank.flags as VulnerabilityFlag[], noProspect: rank.no_prospect, priorityTier: Number(rank.tier) }];
  });
  return toPage(rows, total, params.page);
}

/**
 * How many cases each filter option would show, in one SQL pass: each facet's counts apply the other
 * facets' current choices (so "Overdue (3)" is what choosing Overdue would list), not its own.
 */
export async function queueFilterCounts(actor: Actor, params: DetentionListParams, now = new Date()): Promise<QueueCounts> {
  const empty = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  if (!mayListOfficeQueue(actor)) {
    return { total: 0, assigned: { me: 0, office: 0 }, flag: empty(FLAG_FILTERS), plan: empty(PLAN_FILTERS), reviewDue: empty(REVIEW_DUE_FILTERS) };
  }
  const { dueSoonHours } = await policyInForce(now);
  const facets = {
    assigned: assignedCondition(actor, params.assigned),
    flag: flagCondition(params.flag),
    plan: planCondition(params.plan),
    reviewDue: reviewDueCondition(params.reviewDue, now, dueSoonHours),
  };
  const others = (facet: keyof typeof facets) =>
    Prisma.join(
      Object.entries(facets)
        .filter(([name]) => name !== facet)
        .map(([, condition]) => condition),
      " AND ",
    );
  const columns: Prisma.Sql[] = [Prisma.sql`count(*) FILTER (WHERE ${Prisma.join(Object.values(facets), " AND ")})::int AS c0`];
  const keys: string[] = ["total"];
  const add = (facet: keyof typeof facets, option: string, condition: Prisma.Sql) => {
    // Column aliases are generated names (c1, c2...), never input.
    columns.push(Prisma.sql`count(*) FILTER (WHERE ${condition} AND ${others(facet)})::int AS ${Prisma.raw(`c${keys.length}`)}`);
    keys.push(`${facet}.${option}`);
  };
  for (const option of ["me", "office"] as const) add("assigned", option, assignedCondition(actor, option));
  for (const option of FLAG_FILTERS) add("flag", option, flagCondition(option));
  for (const option of PLAN_FILTERS) add("plan", option, planCondition(option));
  for (const option of REVIEW_DUE_FILTERS) add("reviewDue", option, reviewDueCondition(option, now, dueSoonHours));
  const [row] = await db().$queryRaw<Record<string, number>[]>`SELECT ${Prisma.join(columns, ", ")} FROM (${queueBase(actor, params, now)}) q`;
  const counts: QueueCounts = { total: 0, assigned: { me: 0, office: 0 }, flag: empty(FLAG_FILTERS), plan: empty(PLAN_FILTERS), reviewDue: empty(REVIEW_DUE_FILTERS) };
  keys.forEach((key, index) => {
    const value = Number(row?.[`c${index}`] ?? 0);
    if (key === "total") counts.total = value;
    else {
      const [facet, option] = key.split(".") as [Exclude<keyof QueueCounts, "total">, string];
      (counts[facet] as Record<string, number>)[option] = value;
    }
  });
  return counts;
}
