import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { reportScope } from "@/lib/authz/reports";
import { reportFlagSql } from "@/lib/authz/sql";
import { LENGTH_BANDS, type ReportFilters } from "@/lib/reports/schema";
import { loadPolicyVersions } from "@/lib/policy/queries";
import { policySegments } from "@/lib/policy/rules";
import type { IndicatorCounts } from "@/lib/targets/rules";

/**
 * Supervisors' indicators (docs/domain.md, Reporting), each computed in PostgreSQL with aggregates over
 * the detentions in scope: nothing is loaded row by row into Node. Definitions are written on the page
 * (lib/i18n/messages/<locale>/common.json, namespace "reports.definitions") and mirrored in comments here.
 *
 * Scope: a supervisor sees their own office; an admin every office (or the one chosen). A detention is in
 * the report when its detention began within the date range (calendar dates on the office's calendar, inclusive).
 * Releases are the exception: they are counted from the recorded outcomes in force (lib/outcomes: an undone release
 * is not counted, a corrected one once, as corrected), in the date range and the month of RELEASE, whenever the
 * detention began; length of detention is from detention to that release.
 */

export type OfficeOption = { id: string; name: string };

export type IndicatorRow = {
  key: string;
  label: string;
  detentions: number;
  /** Median days from detention to completed assessment, over completed assessments; null when none. */
  medianDaysToAssessment: number | null;
  assessed: number;
  /** Completed assessments finished by the 7-day review's deadline. */
  assessedBeforeSevenDay: number;
  /** Completed assessments that record an interview. */
  interviewed: number;
  /** Detentions with at least one vulnerability flag. */
  vulnerable: number;
  /**
   * Detentions with a flag that brings the assessment forward (policy: earlyAssessmentFlags, every flag by default),
   * under the policy in force when the detention began.
   */
  earlyAssessmentDue: number;
  /** Of those, assessed within the early window (policy: earlyAssessmentHours, 48 by default) then in force. */
  vulnerableAssessedIn48h: number;
  /** Releases recorded (outcome in force) within the dates, in the group of the release (its month, for months). */
  released: number;
  /** Of those, releases whose conditions amount to at least one ATD measure (DetentionOutcome.atdMeasures). */
  releasedOnAtd: number;
  /** Reviews held after their deadline, plus next reviews past their deadline now. */
  overdueReviews: number;
  /** Detentions with a minor detained, housed or separated from a detained parent. */
  minorsAffected: number;
};

export type CountRow = { key: string; count: number };
export type ReferralRow = { providerKind: string; sent: number; answered: number; accepted: number };
/** Outreach contacts made within the dates (their day of contact), in the report's groups; follow-ups planned and done. */
export type OutreachReportRow = { key: string; label: string; contacts: number; followUpsPlanned: number; followUpsDone: number };

export type Report = {
  filters: ReportFilters;
  offices: OfficeOption[];
  indicators: IndicatorRow[];
  lengthOfDetention: CountRow[];
  medianReleasedDays: number | null;
  releasesByType: CountRow[];
  releasesByMeasure: CountRow[];
  referrals: ReferralRow[];
  outreach: OutreachReportRow[];
};

/** Offices the actor may report on (lib/authz/reports): null when the actor may not see reports at all. */
async function officesInScope(actor: Actor): Promise<OfficeOption[] | null> {
  const scope = reportScope(actor);
  switch (scope?.offices) {
    case undefined:
      return null;
    case "ALL_CBSA_OFFICES":
      return db().organization.findMany({ where: { kind: "CBSA_OFFICE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
    case "OWN_OFFICE":
      return [scope.office];
    case "NONE":
      return [];
  }
}

const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const toNullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const DAY_MS = 86_400_000;

/**
 * The detentions in scope, as a CTE every query starts from. The window's dates are days on each office's own
 * calendar (a detention at 22:30 on 31 March in Toronto is a March detention, though it is 1 April in UTC). The
 * UTC range, a day wider on each side (no zone is more than 14 hours from UTC), keeps the detainedAt index usable.
 */
function scopedDetentions(officeIds: string[], filters: ReportFilters): Prisma.Sql {
  const from = new Date(Date.parse(`${filters.from}T00:00:00Z`) - DAY_MS);
  const toExclusive = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 2 * DAY_MS);
  return Prisma.sql`
    scoped AS (
      SELECT d.id, d."officeId", d."assignedCloId", d."detaineeId", d."detainedAt", d."releasedAt", d.status, d."releaseType", d."nextReviewDueBy",
             o.name AS office_name, o."timeZone" AS office_zone
      FROM "Detention" d
      JOIN "Organization" o ON o.id = d."officeId"
      WHERE d."officeId" = ANY(${officeIds}::uuid[])
        AND d."detainedAt" >= ${from} AND d."detainedAt" < ${toExclusive}
        AND (d."detainedAt" AT TIME ZONE o."timeZone")::date BETWEEN ${filters.from}::date AND ${filters.to}::date
    )`;
}

/**
 * The releases in scope: outcomes in force of kind RELEASE whose release falls within the dates on the office's
 * calendar (the month of release, not of detention), with the detention's facts the groups and the bands need.
 */
function scopedReleases(officeIds: string[], filters: ReportFilters): Prisma.Sql {
  const from = new Date(Date.parse(`${filters.from}T00:00:00Z`) - DAY_MS);
  const toExclusive = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 2 * DAY_MS);
  return Prisma.sql`
    releases AS (
      SELECT d.id, d."officeId", d."assignedCloId", d."detainedAt", oc."occurredAt" AS "releasedAt", oc."releaseType", oc."atdMeasures",
             o.name AS office_name, o."timeZone" AS office_zone
      FROM "DetentionOutcome" oc
      JOIN "Detention" d ON d.id = oc."detentionId"
      JOIN "Organization" o ON o.id = d."officeId"
      WHERE oc.kind = 'RELEASE' AND oc."supersededAt" IS NULL
        AND d."officeId" = ANY(${officeIds}::uuid[])
        AND oc."occurredAt" >= ${from} AND oc."occurredAt" < ${toExclusive}
        AND (oc."occurredAt" AT TIME ZONE o."timeZone")::date BETWEEN ${filters.from}::date AND ${filters.to}::date
    )`;
}

function groupColumns(groupBy: ReportFilters["groupBy"]): { key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql } {
  switch (groupBy) {
    case "office":
      return { key: Prisma.sql`s."officeId"::text`, label: Prisma.sql`s.office_name`, join: Prisma.empty };
    case "clo":
      return { key: Prisma.sql`COALESCE(s."assignedCloId"::text, '')`, label: Prisma.sql`COALESCE(u.name, '')`, join: Prisma.sql`LEFT JOIN "User" u ON u.id = s."assignedCloId"` };
    case "month":
      // The month of detention in the office's own time zone.
      return { key: Prisma.sql`to_char(s."detainedAt" AT TIME ZONE s.office_zone, 'YYYY-MM')`, label: Prisma.sql`to_char(s."detainedAt" AT TIME ZONE s.office_zone, 'YYYY-MM')`, join: Prisma.empty };
  }
}

/** The same groups for releases (alias s over `releases`), except that a month is the month of release. */
function releaseGroupColumns(groupBy: ReportFilters["groupBy"]): { key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql } {
  if (groupBy !== "month") return groupColumns(groupBy);
  const month = Prisma.sql`to_char(s."releasedAt" AT TIME ZONE s.office_zone, 'YYYY-MM')`;
  return { key: month, label: month, join: Prisma.empty };
}

/** Releases and releases on ATD per group, from the outcomes in force. */
async function releaseRows(officeIds: string[], filters: ReportFilters): Promise<{ key: string; label: string; released: number; releasedOnAtd: number }[]> {
  const group = releaseGroupColumns(filters.groupBy);
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH ${scopedReleases(officeIds, filters)}
    SELECT ${group.key} AS key, ${group.label} AS label,
           count(*) AS released,
           count(*) FILTER (WHERE cardinality(s."atdMeasures") > 0) AS released_on_atd
    FROM releases s
    ${group.join}
    GROUP BY 1, 2
  `);
  return rows.map((row) => ({ key: String(row.key), label: String(row.label), released: toNumber(row.released), releasedOnAtd: toNumber(row.released_on_atd) }));
}

const EMPTY_ROW = { detentions: 0, medianDaysToAssessment: null, assessed: 0, assessedBeforeSevenDay: 0, interviewed: 0, vulnerable: 0, earlyAssessmentDue: 0, vulnerableAssessedIn48h: 0, overdueReviews: 0, minorsAffected: 0 };

/**
 * The detention indicators with the release counts put in their group. A group with releases but no detention
 * beginning in the dates (a month with releases only) gets a row of its own, in order.
 */
function withReleases(indicators: IndicatorRow[], releases: Awaited<ReturnType<typeof releaseRows>>): IndicatorRow[] {
  const byKey = new Map(releases.map((row) => [row.key, row]));
  const merged = indicators.map((row) => {
    const counted = byKey.get(row.key);
    byKey.delete(row.key);
    return { ...row, released: counted?.released ?? 0, releasedOnAtd: counted?.releasedOnAtd ?? 0 };
  });
  if (byKey.size === 0) return merged;
  const extra = [...byKey.values()].map((row) => ({ key: row.key, label: row.label, ...EMPTY_ROW, released: row.released, releasedOnAtd: row.releasedOnAtd }));
  return [...merged, ...extra].sort((a, b) => (a.label === b.label ? (a.key < b.key ? -1 : 1) : a.label < b.label ? -1 : 1));
}

/**
 * The release-first policy's history as a table (lib/policy/rules.ts policySegments): each detention is counted
 * under the policy in force when it began, so a change of the early window is never applied retroactively.
 */
async function policySegmentsSql(): Promise<Prisma.Sql> {
  const segments = policySegments(await loadPolicyVersions());
  const rows = segments.map(
    (segment) =>
      Prisma.sql`(${segment.from ?? new Date(0)}::timestamptz, ${segment.to ?? new Date(Date.UTC(9999, 0, 1))}::timestamptz, ${segment.policy.earlyAssessmentHours}::int, ${[...segment.policy.earlyAssessmentFlags]}::text[])`,
  );
  return Prisma.sql`policy (starts, ends, early_hours, early_flags) AS (VALUES ${Prisma.join(rows)})`;
}

async function indicatorRows(actor: Actor, officeIds: string[], filters: ReportFilters, now: Date): Promise<IndicatorRow[]> {
  const group = groupColumns(filters.groupBy);
  const policy = await policySegmentsSql();
  // Only flags the reader may count (lib/authz/cases.ts): a vulnerable count per CLO or per month, narrowed to
  // one case by the date range, must not reveal a trafficking indicator to an admin.
  // The person's counsel is read (one lookup) only where the actor's rule names it (lib/authz/sql.ts).
  const flagCounted = reportFlagSql(actor, {
    flag: Prisma.sql`f.flag`,
    assignedCloId: Prisma.sql`s."assignedCloId"`,
    counselId: Prisma.sql`(SELECT dt."counselId" FROM "Detainee" dt WHERE dt.id = s."detaineeId")`,
  });
  // One pass over the detentions in scope, each one's assessment, reviews and flags looked up by its detentionId
  // (each table read once, only for the period's detentions). The former shape (an aggregate CTE per table, each
  // filtered by `IN (SELECT id FROM scoped)`, and the flags re-joined to Detention and Detainee) looked every
  // detention up seven times: 2.9 s at 500,000 detentions (42,000 in the Toronto office's year), 1.0 s now.
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH ${scopedDetentions(officeIds, filters)},
    ${policy},
    per_detention AS (
      SELECT s.*, a."completedAt", a."interviewAt",
             EXTRACT(EPOCH FROM (a."completedAt" - s."detainedAt")) / 86400.0 AS days_to_assessment,
             -- The 7-day review's deadline as recorded by the review clock; for a person released before it,
             -- the latest lawful one (first review at 48 hours, then the end of the 7th day: about 9 days).
             COALESCE(rv.seven_day_due, s."detainedAt" + interval '9 days') AS seven_day_due,
             rv.late, fl.flagged, fl.minors, fl.early, fl.early_hours
      FROM scoped s
      LEFT JOIN "Assessment" a ON a."detentionId" = s.id AND a."completedAt" IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT min(r."dueBy") FILTER (WHERE r.kind = 'SEVEN_DAY') AS seven_day_due,
               -- Reviews held after their deadline.
               count(*) FILTER (WHERE r."startedOn" IS NOT NULL AND r."startedOn" > r."dueBy" AND r.outcome IS DISTINCT FROM 'WITHDRAWN') AS late
        FROM "DetentionReview" r
        WHERE r."detentionId" = s.id
      ) rv ON TRUE
      -- The flags the reader may count, under the policy in force when the detention began; no row without one.
      LEFT JOIN LATERAL (
        SELECT TRUE AS flagged,
               bool_or(f.flag IN ('MINOR_DETAINED', 'MINOR_HOUSED', 'SEPARATED_FROM_CHILD')) AS minors,
               bool_or(f.flag::text = ANY(p.early_flags)) AS early,
               min(p.early_hours) AS early_hours
        FROM "Screening" sc JOIN "ScreeningFlag" f ON f."screeningId" = sc.id
        JOIN policy p ON s."detainedAt" >= p.starts AND s."detainedAt" < p.ends
        WHERE sc."detentionId" = s.id AND ${flagCounted}
        HAVING count(*) > 0
      ) fl ON TRUE
    )
    SELECT ${group.key} AS key, ${group.label} AS label,
           count(*) AS detentions,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.days_to_assessment) AS median_days,
           count(s."completedAt") AS assessed,
           count(s."completedAt") FILTER (WHERE s."completedAt" <= s.seven_day_due) AS assessed_before_seven_day,
           count(s."completedAt") FILTER (WHERE s."interviewAt" IS NOT NULL) AS interviewed,
           count(s.flagged) AS vulnerable,
           count(s.flagged) FILTER (WHERE s.early) AS early_due,
           count(s.flagged) FILTER (WHERE s.early AND s."completedAt" <= s."detainedAt" + make_interval(hours => s.early_hours)) AS vulnerable_assessed_48h,
           COALESCE(sum(s.late), 0) + count(*) FILTER (WHERE s.status = 'DETAINED' AND s."nextReviewDueBy" < ${now}) AS overdue_reviews,
           count(s.flagged) FILTER (WHERE s.minors) AS minors_affected
    FROM per_detention s
    ${group.join}
    GROUP BY 1, 2
    ORDER BY 2, 1
  `);
  return rows.map((row) => ({
    key: String(row.key),
    label: String(row.label),
    detentions: toNumber(row.detentions),
    medianDaysToAssessment: toNullableNumber(row.median_days),
    assessed: toNumber(row.assessed),
    assessedBeforeSevenDay: toNumber(row.assessed_before_seven_day),
    interviewed: toNumber(row.interviewed),
    vulnerable: toNumber(row.vulnerable),
    earlyAssessmentDue: toNumber(row.early_due),
    vulnerableAssessedIn48h: toNumber(row.vulnerable_assessed_48h),
    // Counted from the outcomes, in the group of the release: withReleases.
    released: 0,
    releasedOnAtd: 0,
    overdueReviews: toNumber(row.overdue_reviews),
    minorsAffected: toNumber(row.minors_affected),
  }));
}

export async function loadReport(actor: Actor, filters: ReportFilters, now: Date = new Date()): Promise<Report | null> {
  const allowedOffices = await officesInScope(actor);
  if (!allowedOffices) return null;
  // An office outside the actor's scope is simply not in scope: the report is empty, never another office's.
  const officeIds = (filters.officeId ? allowedOffices.filter((office) => office.id === filters.officeId) : allowedOffices).map((office) => office.id);
  const scoped = scopedDetentions(officeIds, filters);
  const releases = scopedReleases(officeIds, filters);

  const [detentionIndicators, releaseCounts, releaseParts, referrals, outreach] = await Promise.all([
    indicatorRows(actor, officeIds, filters, now),
    releaseRows(officeIds, filters),
    // Three views of the same releases in one statement (the CTE is read once, not three times): the length of
    // detention of people released within the dates (detention to release) in CBSA's bands (same boundaries as
    // lengthBand()) and its median; releases by type; and the ATD measures the conditions imposed amount to
    // (DetentionOutcome.atdMeasures), not the plan's proposal.
    db().$queryRaw<{ part: string; key: string; value: unknown }[]>(Prisma.sql`
      WITH ${releases},
      released AS (SELECT EXTRACT(EPOCH FROM (s."releasedAt" - s."detainedAt")) / 3600.0 AS hours FROM releases s)
      (SELECT 'band' AS part,
             CASE
               WHEN hours <= 24 THEN 'UP_TO_24_HOURS'
               WHEN hours <= 48 THEN '25_TO_48_HOURS'
               WHEN hours < 10 * 24 THEN '3_TO_9_DAYS'
               WHEN hours < 40 * 24 THEN '10_TO_39_DAYS'
               WHEN hours < 100 * 24 THEN '40_TO_99_DAYS'
               ELSE 'OVER_99_DAYS'
             END AS key,
             count(*)::float8 AS value
      FROM released GROUP BY 2)
      UNION ALL
      SELECT 'band', 'MEDIAN_DAYS', percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) / 24.0 FROM released
      UNION ALL
      (SELECT 'type', COALESCE(s."releaseType"::text, 'UNRECORDED'), count(*)::float8 FROM releases s GROUP BY 2)
      UNION ALL
      (SELECT 'measure', measure::text, count(*)::float8 FROM releases s, unnest(s."atdMeasures") AS measure GROUP BY 2)
    `),
    // Referrals sent (drafts excluded) by provider kind; acceptance over those answered.
    db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      WITH ${scoped}
      SELECT sp.kind::text AS provider_kind,
             count(*) AS sent,
             count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'WAITLISTED', 'DECLINED', 'INTAKE_COMPLETE')) AS answered,
             count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'INTAKE_COMPLETE')) AS accepted
      FROM scoped s JOIN "Referral" r ON r."detentionId" = s.id JOIN "ServiceProvider" sp ON sp.id = r."providerId"
      WHERE r.status <> 'DRAFT'
      GROUP BY 1 ORDER BY 1
    `),
    outreachRows(officeIds, filters),
  ]);

  const bands = releaseParts.filter((row) => row.part === "band");
  // Most first, then by key (the order the separate queries had: ORDER BY count DESC, key).
  const counted = (part: string) =>
    releaseParts
      .filter((row) => row.part === part)
      .map((row) => ({ key: String(row.key), count: toNumber(row.value) }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const medianRow = bands.find((row) => row.key === "MEDIAN_DAYS");
  const bandCounts = new Map(bands.filter((row) => row.key !== "MEDIAN_DAYS").map((row) => [String(row.key), toNumber(row.value)]));
  const medianReleasedDays = toNullableNumber(medianRow?.value);

  const indicators = withReleases(detentionIndicators, releaseCounts);
  return {
    filters,
    offices: allowedOffices,
    indicators,
    // Every band, in CBSA's order, zero where none.
    lengthOfDetention: LENGTH_BANDS.map((key) => ({ key, count: bandCounts.get(key) ?? 0 })),
    medianReleasedDays,
    releasesByType: counted("type"),
    releasesByMeasure: counted("measure"),
    referrals: referrals.map((row) => ({ providerKind: String(row.provider_kind), sent: toNumber(row.sent), answered: toNumber(row.answered), accepted: toNumber(row.accepted) })),
    outreach,
  };
}

/**
 * Outreach per office, per CLO (who recorded the contact: the office's point of contact with that organisation) or
 * per month of contact, over contacts made within the dates (a day, no zone: the date the CLO recorded).
 */
async function outreachRows(officeIds: string[], filters: ReportFilters): Promise<OutreachReportRow[]> {
  const group =
    filters.groupBy === "office"
      ? { key: Prisma.sql`c."officeId"::text`, label: Prisma.sql`o.name` }
      : filters.groupBy === "clo"
        ? { key: Prisma.sql`c."cloId"::text`, label: Prisma.sql`u.name` }
        : { key: Prisma.sql`to_char(c."contactedOn", 'YYYY-MM')`, label: Prisma.sql`to_char(c."contactedOn", 'YYYY-MM')` };
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT ${group.key} AS key, ${group.label} AS label,
           count(*) AS contacts,
           count(*) FILTER (WHERE c."nextStep" IS NOT NULL) AS planned,
           count(*) FILTER (WHERE c."nextStepDoneAt" IS NOT NULL) AS done
    FROM "OutreachContact" c
    JOIN "Organization" o ON o.id = c."officeId"
    JOIN "User" u ON u.id = c."cloId"
    WHERE c."officeId" = ANY(${officeIds}::uuid[])
      AND c."contactedOn" BETWEEN ${filters.from}::date AND ${filters.to}::date
    GROUP BY 1, 2
    ORDER BY 2, 1
  `);
  return rows.map((row) => ({ key: String(row.key), label: String(row.label), contacts: toNumber(row.contacts), followUpsPlanned: toNumber(row.planned), followUpsDone: toNumber(row.done) }));
}

/** The counts behind the targets (lib/targets/rules.ts IndicatorCounts), for one group of a report. */
export type GroupCounts = { key: string; label: string } & IndicatorCounts;

/**
 * The indicators of one office's dates grouped by office or by CLO, with referrals sent (and those to community,
 * non-contracted, providers) in the same groups: what targets are measured against (lib/targets/queries.ts). The
 * office must be in the actor's report scope; otherwise null.
 */
export async function groupCounts(actor: Actor, officeId: string, range: { from: string; to: string }, groupBy: "office" | "clo", now: Date): Promise<GroupCounts[] | null> {
  const allowed = await officesInScope(actor);
  if (!allowed?.some((office) => office.id === officeId)) return null;
  const filters: ReportFilters = { from: range.from, to: range.to, groupBy, officeId };
  const group = groupColumns(groupBy);
  const [indicators, releases, referrals] = await Promise.all([
    indicatorRows(actor, [officeId], filters, now),
    releaseRows([officeId], filters),
    db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      WITH ${scopedDetentions([officeId], filters)}
      SELECT ${group.key} AS key, ${group.label} AS label,
             count(*) AS sent,
             count(*) FILTER (WHERE sp.kind = 'COMMUNITY') AS community
      FROM scoped s JOIN "Referral" r ON r."detentionId" = s.id JOIN "ServiceProvider" sp ON sp.id = r."providerId"
      ${group.join}
      WHERE r.status <> 'DRAFT'
      GROUP BY 1, 2
    `),
  ]);
  const referralsByKey = new Map(referrals.map((row) => [String(row.key), { sent: toNumber(row.sent), community: toNumber(row.community) }]));
  const rows = withReleases(indicators, releases).map((row) => ({
    key: row.key,
    label: row.label,
    assessed: row.assessed,
    assessedBeforeSevenDay: row.assessedBeforeSevenDay,
    interviewed: row.interviewed,
    vulnerable: row.earlyAssessmentDue,
    vulnerableAssessedInWindow: row.vulnerableAssessedIn48h,
    medianDaysToAssessment: row.medianDaysToAssessment,
    released: row.released,
    releasedOnAtd: row.releasedOnAtd,
    referralsSent: referralsByKey.get(row.key)?.sent ?? 0,
    communityReferralsSent: referralsByKey.get(row.key)?.community ?? 0,
    overdueReviews: row.overdueReviews,
  }));
  return rows;
}
