import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { loadReport } from "@/lib/reports/queries";
import { REPORT_GROUPINGS, reportFilterSchema, reportQuery } from "@/lib/reports/schema";
import { hrefWith } from "@/lib/query-string";
import { BarChart, LineChart } from "@/components/charts/bar-chart";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

const INDICATORS = ["detentions", "medianDaysToAssessment", "assessedBeforeSevenDay", "interviewed", "vulnerableAssessedIn48h", "releasedOnAtd", "overdueReviews", "minorsAffected"] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "reports.view")) notFound();
  const query = reportQuery(await searchParams);
  const parsed = reportFilterSchema.safeParse(query);
  const filters = parsed.success ? parsed.data : reportFilterSchema.parse({});
  const report = await loadReport(actor, filters);
  if (!report) notFound();
  const t = await getTranslations("reports");
  const tBands = await getTranslations("reports.bands");
  const tKinds = await getTranslations("reports.providerKinds");
  const locale = await getLocale();
  const percent = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "percent", maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 });
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const showShare = (part: number, whole: number) => {
    const value = share(part, whole);
    return value === null ? "—" : `${percent.format(value)} (${part}/${whole})`;
  };
  const exportHref = (table: string) => hrefWith("/reports/export", { from: filters.from, to: filters.to, officeId: filters.officeId, groupBy: filters.groupBy }, { table });
  const groupLabel = (label: string) => label || t("unassigned");

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <p className="mb-4">
        <Link href="/reports/targets" className="text-brand-800 underline">
          {t("targetsLink")}
        </Link>
      </p>

      <form method="get" action="/reports" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-3" noValidate>
        {!parsed.success && (
          <p role="alert" className="w-full rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {t("badFilters")}
          </p>
        )}
        <div>
          <label htmlFor="report-from" className="mb-1 block text-sm font-medium">{t("filters.from")}</label>
          <input id="report-from" name="from" type="date" defaultValue={filters.from} className="rounded border border-slate-500 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="report-to" className="mb-1 block text-sm font-medium">{t("filters.to")}</label>
          <input id="report-to" name="to" type="date" defaultValue={filters.to} className="rounded border border-slate-500 px-2 py-1" />
        </div>
        {report.offices.length > 1 && (
          <div>
            <label htmlFor="report-office" className="mb-1 block text-sm font-medium">{t("filters.office")}</label>
            <select id="report-office" name="officeId" defaultValue={filters.officeId ?? ""} className="rounded border border-slate-500 px-2 py-1">
              <option value="">{t("filters.allOffices")}</option>
              {report.offices.map((office) => (
                <option key={office.id} value={office.id}>{office.name}</option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="report-group" className="mb-1 block text-sm font-medium">{t("filters.groupBy")}</label>
          <select id="report-group" name="groupBy" defaultValue={filters.groupBy} className="rounded border border-slate-500 px-2 py-1">
            {REPORT_GROUPINGS.map((grouping) => (
              <option key={grouping} value={grouping}>{t(`groupings.${grouping}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
      </form>

      <section aria-labelledby="indicators-heading" className="mb-8">
        <h2 id="indicators-heading" className="mb-2 text-xl font-semibold">{t("indicatorsTitle")}</h2>
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("indicatorsTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t(`groupings.${filters.groupBy}`)}</th>
                {INDICATORS.map((indicator, index) => (
                  <th key={indicator} scope="col" className="px-3 py-2 text-right font-semibold">
                    {t(`columns.${indicator}`)}
                    <sup><a href={`#definition-${indicator}`} aria-label={t("seeDefinition", { number: index + 1 })}>{index + 1}</a></sup>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.indicators.length === 0 && (
                <tr><td colSpan={INDICATORS.length + 1} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td></tr>
              )}
              {report.indicators.map((row) => (
                <tr key={row.key} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{groupLabel(row.label)}</th>
                  <td className="px-3 py-2 text-right">{row.detentions}</td>
                  <td className="px-3 py-2 text-right">{row.medianDaysToAssessment === null ? "—" : decimal.format(row.medianDaysToAssessment)}</td>
                  <td className="px-3 py-2 text-right">{showShare(row.assessedBeforeSevenDay, row.assessed)}</td>
                  <td className="px-3 py-2 text-right">{showShare(row.interviewed, row.assessed)}</td>
                  <td className="px-3 py-2 text-right">{showShare(row.vulnerableAssessedIn48h, row.earlyAssessmentDue)}</td>
                  <td className="px-3 py-2 text-right">{showShare(row.releasedOnAtd, row.released)}</td>
                  <td className={`px-3 py-2 text-right ${row.overdueReviews > 0 ? "font-bold text-red-800" : ""}`}>{row.overdueReviews}</td>
                  <td className="px-3 py-2 text-right">{row.minorsAffected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2"><a href={exportHref("indicators")} className="font-semibold text-brand-700 underline">{t("downloadCsv", { table: t("indicatorsTitle") })}</a></p>
        {filters.groupBy === "month" ? (
          <LineChart title={t("charts.trend")} points={report.indicators.map((row) => ({ label: row.label, value: share(row.assessedBeforeSevenDay, row.assessed) }))} format={(value) => percent.format(value)} />
        ) : (
          <BarChart title={t("charts.bars", { grouping: t(`groupings.${filters.groupBy}`) })} max={1} bars={report.indicators.map((row) => ({ label: groupLabel(row.label), value: share(row.assessedBeforeSevenDay, row.assessed) }))} format={(value) => percent.format(value)} />
        )}
        <h3 className="mt-4 font-semibold">{t("definitionsTitle")}</h3>
        <ol className="list-decimal pl-6 text-sm text-slate-800">
          {INDICATORS.map((indicator) => (
            <li key={indicator} id={`definition-${indicator}`}>{t(`definitions.${indicator}`)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="length-heading" className="mb-8">
        <h2 id="length-heading" className="mb-2 text-xl font-semibold">{t("lengthTitle")}</h2>
        <p className="mb-2 text-sm">{report.medianReleasedDays === null ? t("noReleases") : t("medianLength", { days: decimal.format(report.medianReleasedDays) })}</p>
        <div tabIndex={0} className="table-scroll max-w-xl">
          <table className="w-full rounded border border-slate-300 bg-white text-sm">
            <caption className="sr-only">{t("lengthTitle")}</caption>
            <thead className="bg-slate-100"><tr><th scope="col" className="px-3 py-2 text-left">{t("band")}</th><th scope="col" className="px-3 py-2 text-right">{t("releasedCount")}</th></tr></thead>
            <tbody>
              {report.lengthOfDetention.map((row) => (
                <tr key={row.key} className="border-t border-slate-200"><th scope="row" className="px-3 py-2 text-left font-normal">{tBands(row.key)}</th><td className="px-3 py-2 text-right">{row.count}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <BarChart title={t("lengthTitle")} bars={report.lengthOfDetention.map((row) => ({ label: tBands(row.key), value: row.count }))} format={(value) => String(value)} />
        <p><a href={exportHref("lengthOfDetention")} className="font-semibold text-brand-700 underline">{t("downloadCsv", { table: t("lengthTitle") })}</a></p>
      </section>

      <section aria-labelledby="releases-heading" className="mb-8">
        <h2 id="releases-heading" className="mb-2 text-xl font-semibold">{t("releasesTitle")}</h2>
        <div className="grid gap-6 md:grid-cols-2">
          <div tabIndex={0} className="table-scroll">
            <table className="w-full rounded border border-slate-300 bg-white text-sm">
              <caption className="mb-1 text-left font-semibold">{t("byReleaseType")}</caption>
              <thead className="bg-slate-100"><tr><th scope="col" className="px-3 py-2 text-left">{t("releaseType")}</th><th scope="col" className="px-3 py-2 text-right">{t("releasedCount")}</th></tr></thead>
              <tbody>
                {report.releasesByType.length === 0 && <tr><td colSpan={2} className="px-3 py-3 text-slate-600">{t("noReleases")}</td></tr>}
                {report.releasesByType.map((row) => (
                  <tr key={row.key} className="border-t border-slate-200"><th scope="row" className="px-3 py-2 text-left font-normal">{t(`releaseTypes.${row.key}`)}</th><td className="px-3 py-2 text-right">{row.count}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div tabIndex={0} className="table-scroll">
            <table className="w-full rounded border border-slate-300 bg-white text-sm">
              <caption className="mb-1 text-left font-semibold">{t("byMeasure")}</caption>
              <thead className="bg-slate-100"><tr><th scope="col" className="px-3 py-2 text-left">{t("measure")}</th><th scope="col" className="px-3 py-2 text-right">{t("releasedCount")}</th></tr></thead>
              <tbody>
                {report.releasesByMeasure.length === 0 && <tr><td colSpan={2} className="px-3 py-3 text-slate-600">{t("noReleases")}</td></tr>}
                {report.releasesByMeasure.map((row) => (
                  <tr key={row.key} className="border-t border-slate-200"><th scope="row" className="px-3 py-2 text-left font-normal">{t(`measures.${row.key}`)}</th><td className="px-3 py-2 text-right">{row.count}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <p className="mt-2"><a href={exportHref("releases")} className="font-semibold text-brand-700 underline">{t("downloadCsv", { table: t("releasesTitle") })}</a></p>
      </section>

      <section aria-labelledby="referrals-heading" className="mb-8">
        <h2 id="referrals-heading" className="mb-2 text-xl font-semibold">{t("referralsTitle")}</h2>
        <p className="mb-2 text-sm">{t("referralsDefinition")}</p>
        <div tabIndex={0} className="table-scroll max-w-2xl">
          <table className="w-full rounded border border-slate-300 bg-white text-sm">
            <caption className="sr-only">{t("referralsTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{t("providerKind")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("sent")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("answered")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("acceptance")}</th>
              </tr>
            </thead>
            <tbody>
              {report.referrals.length === 0 && <tr><td colSpan={4} className="px-3 py-3 text-slate-600">{t("empty")}</td></tr>}
              {report.referrals.map((row) => (
                <tr key={row.providerKind} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{tKinds(row.providerKind)}</th>
                  <td className="px-3 py-2 text-right">{row.sent}</td>
                  <td className="px-3 py-2 text-right">{row.answered}</td>
                  <td className="px-3 py-2 text-right">{showShare(row.accepted, row.answered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2"><a href={exportHref("referrals")} className="font-semibold text-brand-700 underline">{t("downloadCsv", { table: t("referralsTitle") })}</a></p>
      </section>

      <section aria-labelledby="outreach-heading" className="mb-8">
        <h2 id="outreach-heading" className="mb-2 text-xl font-semibold">{t("outreachTitle")}</h2>
        <p className="mb-2 text-sm">{t("outreachDefinition")}</p>
        <div tabIndex={0} className="table-scroll max-w-2xl">
          <table className="w-full rounded border border-slate-300 bg-white text-sm">
            <caption className="sr-only">{t("outreachTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{t(`groupings.${report.filters.groupBy}`)}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("outreachContacts")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("outreachPlanned")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("outreachDone")}</th>
              </tr>
            </thead>
            <tbody>
              {report.outreach.length === 0 && <tr><td colSpan={4} className="px-3 py-3 text-slate-600">{t("empty")}</td></tr>}
              {report.outreach.map((row) => (
                <tr key={row.key} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{row.label}</th>
                  <td className="px-3 py-2 text-right">{row.contacts}</td>
                  <td className="px-3 py-2 text-right">{row.followUpsPlanned}</td>
                  <td className="px-3 py-2 text-right">{row.followUpsDone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2"><a href={exportHref("outreach")} className="font-semibold text-brand-700 underline">{t("downloadCsv", { table: t("outreachTitle") })}</a></p>
      </section>
    </>
  );
}
