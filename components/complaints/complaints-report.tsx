import { getTranslations } from "next-intl/server";
import type { ComplaintReport } from "@/lib/complaints/queries";

/** The office's complaints in numbers (a section of /reports for supervisors). Counts only: no complaint, no name. */
export async function ComplaintsReport({ report, responseDays, level = 2 }: { report: ComplaintReport; responseDays: number; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const t = await getTranslations("complaints.report");
  const tc = await getTranslations("complaints");
  const cell = "px-3 py-1";
  return (
    <section aria-labelledby="complaints-report" className="mb-8">
      <Heading id="complaints-report" className={level === 1 ? "mb-1 text-2xl font-bold" : "mb-1 text-xl font-semibold"}>{t("title")}</Heading>
      <p className="mb-3 text-slate-700">{t("intro", { days: responseDays })}</p>
      <dl className="mb-3 grid max-w-2xl grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <div><dt className="font-semibold">{t("total")}</dt><dd>{report.total}</dd></div>
        <div><dt className="font-semibold">{t("open")}</dt><dd>{report.open}</dd></div>
        <div><dt className="font-semibold">{t("overdue")}</dt><dd>{report.overdue}</dd></div>
        <div><dt className="font-semibold">{t("median")}</dt><dd>{report.medianDaysToRespond === null ? t("noResponse") : t("days", { days: report.medianDaysToRespond, responded: report.responded })}</dd></div>
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="px-3 py-2 text-left font-semibold">{t("byCategory")}</caption>
            <thead className="bg-slate-100"><tr><th scope="col" className={`${cell} text-left`}>{t("category")}</th><th scope="col" className={`${cell} text-right`}>{t("count")}</th></tr></thead>
            <tbody>
              {report.byCategory.map((row) => (
                <tr key={row.category} className="border-t border-slate-200"><th scope="row" className={`${cell} text-left font-normal`}>{tc(`category.${row.category}`)}</th><td className={`${cell} text-right`}>{row.count}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="px-3 py-2 text-left font-semibold">{t("byOutcome")}</caption>
            <thead className="bg-slate-100"><tr><th scope="col" className={`${cell} text-left`}>{t("outcome")}</th><th scope="col" className={`${cell} text-right`}>{t("count")}</th></tr></thead>
            <tbody>
              {report.byOutcome.map((row) => (
                <tr key={row.outcome} className="border-t border-slate-200"><th scope="row" className={`${cell} text-left font-normal`}>{tc(`outcome.${row.outcome}`)}</th><td className={`${cell} text-right`}>{row.count}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
