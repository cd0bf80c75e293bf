import "server-only";
import type { Actor } from "@/lib/authz";
import { csvRow } from "@/lib/audit/schema";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { loadReport } from "@/lib/reports/queries";
import { REPORT_TABLES, reportFilterSchema, type ReportTable } from "@/lib/reports/schema";

export type ReportExport = { ok: true; filename: string; csv: string } | { ok: false; reason: "NOT_FOUND" | "INVALID" };

const ratio = (part: number, whole: number) => (whole === 0 ? "" : (part / whole).toFixed(4));

/**
 * One of the report's tables as CSV (RFC 4180), with the same filters as the page. Grouped by CLO, the cases nobody
 * is assigned to form a group named as the page names it (`unassignedLabel`, in the reader's language), never a blank.
 */
export async function exportReportCsv(actor: Actor | null, query: Record<string, string>, unassignedLabel = "Unassigned"): Promise<ReportExport> {
  if (!actor) return { ok: false, reason: "NOT_FOUND" };
  const table = query.table as ReportTable;
  const { table: _table, ...filterQuery } = query;
  const parsed = reportFilterSchema.safeParse(filterQuery);
  if (!REPORT_TABLES.includes(table) || !parsed.success) return { ok: false, reason: "INVALID" };
  const report = await loadReport(actor, parsed.data);
  if (!report) return { ok: false, reason: "NOT_FOUND" };
  await recordAuditEvent(actor, { action: "report.export", entityType: "Report", metadata: { table, groupBy: parsed.data.groupBy } });

  let rows: (string | number | null)[][];
  switch (table) {
    case "indicators":
      rows = [
        ["group", "detentions", "median_days_to_assessment", "assessed", "share_assessed_before_7_day_review", "share_with_interview", "vulnerable", "share_vulnerable_assessed_within_early_window", "released", "released_on_atd", "overdue_reviews", "minors_affected"],
        ...report.indicators.map((row) => [row.label || unassignedLabel, row.detentions, row.medianDaysToAssessment === null ? "" : row.medianDaysToAssessment.toFixed(2), row.assessed, ratio(row.assessedBeforeSevenDay, row.assessed), ratio(row.interviewed, row.assessed), row.vulnerable, ratio(row.vulnerableAssessedIn48h, row.earlyAssessmentDue), row.released, row.releasedOnAtd, row.overdueReviews, row.minorsAffected]),
      ];
      break;
    case "lengthOfDetention":
      rows = [["band", "released"], ...report.lengthOfDetention.map((row) => [row.key, row.count])];
      break;
    case "releases":
      rows = [["kind", "value", "released"], ...report.releasesByType.map((row) => ["release_type", row.key, row.count]), ...report.releasesByMeasure.map((row) => ["atd_measure", row.key, row.count])];
      break;
    case "referrals":
      rows = [["provider_kind", "sent", "answered", "accepted", "acceptance_rate"], ...report.referrals.map((row) => [row.providerKind, row.sent, row.answered, row.accepted, ratio(row.accepted, row.answered)])];
      break;
    case "outreach":
      rows = [["group", "contacts", "follow_ups_planned", "follow_ups_done"], ...report.outreach.map((row) => [row.label, row.contacts, row.followUpsPlanned, row.followUpsDone])];
      break;
  }
  return { ok: true, filename: `liaison-${table}-${parsed.data.from}-${parsed.data.to}.csv`, csv: rows.map((row) => csvRow(row)).join("") };
}
