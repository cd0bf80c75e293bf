import "server-only";
import type { Actor } from "@/lib/authz";
import { csvRow } from "@/lib/audit/schema";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { getTargetReport } from "@/lib/targets/queries";
import { targetReportSchema } from "@/lib/targets/schema";

export type TargetExport = { ok: true; filename: string; csv: string } | { ok: false; reason: "NOT_FOUND" | "INVALID" };

const cell = (value: number | null) => (value === null ? "" : value);

/**
 * The targets report as CSV: one row per group (the office, then each CLO) and indicator, with the target, the
 * actual, the gap, whether it was met and the previous period's actual; then each CLO's activity. Counts and
 * shares only. Unassigned cases are named as the page names them (`unassignedLabel`), never a blank.
 */
export async function exportTargetsCsv(actor: Actor | null, query: Record<string, string>, unassignedLabel: string): Promise<TargetExport> {
  if (!actor) return { ok: false, reason: "NOT_FOUND" };
  const parsed = targetReportSchema.safeParse(query);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const report = await getTargetReport(actor, parsed.data);
  if (!report) return { ok: false, reason: "NOT_FOUND" };
  await recordAuditEvent(actor, { action: "report.export", entityType: "Report", metadata: { table: "targets", period: report.period } });
  const rows: (string | number | null)[][] = [
    ["group_kind", "group", "indicator", "period", "target", "actual", "gap", "met", "previous_period", "previous_actual"],
    ...[{ kind: "office", group: report.byOffice }, ...report.byClo.map((group) => ({ kind: "clo", group }))].flatMap(({ kind, group }) =>
      group.lines.map((line) => [kind, group.label || unassignedLabel, line.indicator, report.period, cell(line.target), cell(line.actual), cell(line.gap), line.met === null ? "" : line.met ? "yes" : "no", report.previousPeriod, cell(line.previousActual)]),
    ),
    [],
    ["activity", "clo", "period", "assessments", "interviews", "plans_presented", "referrals", "outreach_contacts", "tasks_done"],
    ...report.activity.map((row) => ["activity", row.name, report.period, row.assessments, row.interviews, row.plansPresented, row.referrals, row.outreach, row.tasksDone]),
  ];
  return { ok: true, filename: `liaison-targets-${report.period}.csv`, csv: rows.map((row) => csvRow(row)).join("") };
}
