import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { reportScope } from "@/lib/authz/reports";
import { groupCounts, type GroupCounts } from "@/lib/reports/queries";
import { localToday } from "@/lib/time/facility-clock";
import { actualValue, assess, parsePeriod, periodDates, periodKey, previousPeriod, quarterOf, targetFor, TARGET_INDICATORS, type Assessment, type TargetIndicator, type TargetSetting } from "@/lib/targets/rules";

export type TargetLine = Assessment & { indicator: TargetIndicator; previousActual: number | null };
export type TargetGroup = { key: string; label: string; lines: TargetLine[] };

/** What a CLO did in the period, from the audit log: the baseline of time spent on the core function. */
export type ActivityRow = { userId: string; name: string; assessments: number; interviews: number; plansPresented: number; referrals: number; outreach: number; tasksDone: number };

export type TargetReport = {
  period: string;
  previousPeriod: string;
  dates: { from: string; to: string };
  office: { id: string; name: string };
  offices: { id: string; name: string }[];
  byOffice: TargetGroup;
  byClo: TargetGroup[];
  activity: ActivityRow[];
  /** The form's starting values for an administrator (policy.manage): each indicator's target and its version. */
  form: { values: Partial<Record<TargetIndicator, number>>; versions: Partial<Record<TargetIndicator, number>> } | null;
};

function lines(counts: GroupCounts | undefined, previous: GroupCounts | undefined, targets: readonly TargetSetting[], period: ReturnType<typeof previousPeriod>): TargetLine[] {
  return TARGET_INDICATORS.map((indicator) => {
    const actual = counts ? actualValue(indicator, counts) : indicator === "OVERDUE_REVIEWS" ? 0 : null;
    const previousActual = previous ? actualValue(indicator, previous) : indicator === "OVERDUE_REVIEWS" ? 0 : null;
    return { indicator, previousActual, ...assess(indicator, targetFor(targets, indicator, period), actual) };
  });
}

/**
 * The targets report: for one office and one period (default: the current quarter on the office's calendar), each
 * indicator's target, actual, gap and the previous period's actual, for the office and for each CLO (against the
 * office's target), and each CLO's activity. Supervisors see their own office, administrators any CBSA office.
 */
export async function getTargetReport(actor: Actor, query: { period?: string; officeId?: string }, now: Date = new Date()): Promise<TargetReport | null> {
  const scope = reportScope(actor);
  if (!scope || scope.offices === "NONE") return null;
  const offices =
    scope.offices === "OWN_OFFICE" ? [scope.office] : await db().organization.findMany({ where: { kind: "CBSA_OFFICE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const office = offices.find((candidate) => candidate.id === query.officeId) ?? offices[0];
  if (!office) return null;
  const zone = (await db().organization.findUnique({ where: { id: office.id }, select: { timeZone: true } }))?.timeZone ?? "America/Toronto";
  const period = (query.period ? parsePeriod(query.period) : null) ?? quarterOf(localToday(zone, now));
  const previous = previousPeriod(period);
  const dates = periodDates(period);
  const previousDates = periodDates(previous);

  const [officeNow, officeBefore, closNow, closBefore, targets] = await Promise.all([
    groupCounts(actor, office.id, dates, "office", now),
    groupCounts(actor, office.id, previousDates, "office", now),
    groupCounts(actor, office.id, dates, "clo", now),
    groupCounts(actor, office.id, previousDates, "clo", now),
    db().target.findMany({ where: { officeId: office.id, period: { in: [periodKey(period), periodKey(previous), String(period.year), String(previous.year)] } }, select: { indicator: true, period: true, value: true, version: true } }),
  ]);
  if (!officeNow || !officeBefore || !closNow || !closBefore) return null;
  const settings: TargetSetting[] = targets;
  const previousByClo = new Map(closBefore.map((row) => [row.key, row]));
  const own = targets.filter((target) => target.period === periodKey(period));

  return {
    period: periodKey(period),
    previousPeriod: periodKey(previous),
    dates,
    office,
    offices,
    byOffice: { key: office.id, label: office.name, lines: lines(officeNow[0], officeBefore[0], settings, period) },
    // Cases with no CLO assigned are a group of their own (key ""), as in the reports.
    byClo: closNow.map((row) => ({ key: row.key, label: row.label, lines: lines(row, previousByClo.get(row.key), settings, period) })),
    activity: await cloActivity(office.id, zone, dates),
    form: can(actor, "policy.manage")
      ? { values: Object.fromEntries(own.map((target) => [target.indicator, target.value])), versions: Object.fromEntries(own.map((target) => [target.indicator, target.version])) }
      : null,
  };
}

/**
 * Each CLO's (and supervisor's) recorded work in the office over the dates, counted from the audit log on the
 * office's calendar: assessments completed (and of those, with an interview), plans presented, referrals sent
 * (in the directory or outside it), outreach contacts recorded, tasks marked done. Counts only.
 */
async function cloActivity(officeId: string, zone: string, dates: { from: string; to: string }): Promise<ActivityRow[]> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT u.id, u.name,
           count(e.id) FILTER (WHERE e.action = 'assessment.complete') AS assessments,
           count(e.id) FILTER (WHERE e.action = 'assessment.complete' AND a."interviewAt" IS NOT NULL) AS interviews,
           count(e.id) FILTER (WHERE e.action = 'plan.status' AND e.metadata->>'to' = 'PRESENTED') AS plans_presented,
           count(e.id) FILTER (WHERE e.action IN ('referral.send', 'referral.outside.record')) AS referrals,
           count(e.id) FILTER (WHERE e.action = 'outreach.create') AS outreach,
           count(e.id) FILTER (WHERE e.action = 'task.update' AND e.metadata->>'status' = 'DONE') AS tasks_done
    FROM "User" u
    LEFT JOIN "AuditEvent" e ON e."actorId" = u.id
      AND e.action IN ('assessment.complete', 'plan.status', 'referral.send', 'referral.outside.record', 'outreach.create', 'task.update')
      AND e.at >= ${new Date(Date.parse(`${dates.from}T00:00:00Z`) - 86_400_000)} AND e.at < ${new Date(Date.parse(`${dates.to}T00:00:00Z`) + 2 * 86_400_000)}
      AND (e.at AT TIME ZONE ${zone})::date BETWEEN ${dates.from}::date AND ${dates.to}::date
    LEFT JOIN "Assessment" a ON e.action = 'assessment.complete' AND a.id::text = e."entityId"
    WHERE u."organizationId" = ${officeId}::uuid AND u.role IN ('CLO', 'SUPERVISOR') AND u.active
    GROUP BY u.id, u.name
    ORDER BY u.name
  `);
  const count = (value: unknown) => Number(value ?? 0);
  return rows.map((row) => ({
    userId: String(row.id),
    name: String(row.name),
    assessments: count(row.assessments),
    interviews: count(row.interviews),
    plansPresented: count(row.plans_presented),
    referrals: count(row.referrals),
    outreach: count(row.outreach),
    tasksDone: count(row.tasks_done),
  }));
}
