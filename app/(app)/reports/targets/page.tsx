import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getTargetReport, type TargetLine } from "@/lib/targets/queries";
import { targetReportSchema } from "@/lib/targets/schema";
import { INDICATOR_DEFINITIONS, periodKey, previousPeriod, parsePeriod, TARGET_INDICATORS, type TargetIndicator } from "@/lib/targets/rules";
import { SetTargetsForm } from "@/components/policy/set-targets-form";
import { withClientMessages } from "@/components/ui/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("targets");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The periods offered: this quarter and the four before and one after, this year and the last. */
function periodChoices(current: string): string[] {
  const period = parsePeriod(current)!;
  const quarter = period.kind === "QUARTER" ? period : { kind: "QUARTER" as const, year: period.year, quarter: 4 as const };
  const quarters = [{ ...quarter, quarter: quarter.quarter === 4 ? 1 : quarter.quarter + 1, year: quarter.quarter === 4 ? quarter.year + 1 : quarter.year } as typeof quarter, quarter];
  for (let index = 0; index < 4; index += 1) quarters.push(previousPeriod(quarters[quarters.length - 1]!) as typeof quarter);
  return [...new Set([...quarters.map(periodKey), String(quarter.year), String(quarter.year - 1), current])];
}

/**
 * Targets against actuals (issue 16): for one office and one quarter or year, each indicator's target, what was
 * achieved, the gap and the previous period, for the office and for each CLO against the office's target, and each
 * CLO's recorded work. Supervisors see their office; administrators choose the office and set its targets here.
 */
export default withClientMessages(["form", "targets"], async function TargetsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const text = (key: string) => (typeof raw[key] === "string" && raw[key] !== "" ? (raw[key] as string) : undefined);
  const parsed = targetReportSchema.safeParse({ period: text("period"), officeId: text("officeId") });
  const report = await getTargetReport(actor, parsed.success ? parsed.data : {});
  if (!report) notFound();
  const t = await getTranslations("targets");
  const tReports = await getTranslations("reports");
  const locale = await getLocale();
  const number = (value: number) => value.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 });
  const show = (indicator: TargetIndicator, value: number | null) => (value === null ? t("none") : t(`values.${INDICATOR_DEFINITIONS[indicator].unit}`, { value: number(value) }));
  const gap = (indicator: TargetIndicator, line: TargetLine) =>
    line.gap === null ? t("none") : t(`gaps.${INDICATOR_DEFINITIONS[indicator].unit}`, { value: `${line.gap > 0 ? "+" : line.gap < 0 ? "−" : "±"}${number(Math.abs(line.gap))}` });
  const verdict = (line: TargetLine) => (line.met === null ? t("noVerdict") : line.met ? t("met") : t("missed"));
  const csv = `/reports/targets/export?${new URLSearchParams({ period: report.period, officeId: report.office.id }).toString()}`;

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="mb-4 flex flex-wrap gap-x-4">
        <Link href="/reports" className="text-brand-800 underline">
          {t("reportsLink")}
        </Link>
        <Link href="/policy" className="text-brand-800 underline">
          {t("policyLink")}
        </Link>
      </p>

      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
        <div>
          <label htmlFor="targets-period" className="mb-1 block text-sm font-medium">
            {t("period")}
          </label>
          <select id="targets-period" name="period" defaultValue={report.period} className="rounded border border-slate-500 px-2 py-1">
            {periodChoices(report.period).map((period) => (
              <option key={period} value={period}>
                {period}
              </option>
            ))}
          </select>
        </div>
        {report.offices.length > 1 && (
          <div>
            <label htmlFor="targets-office" className="mb-1 block text-sm font-medium">
              {t("office")}
            </label>
            <select id="targets-office" name="officeId" defaultValue={report.office.id} className="rounded border border-slate-500 px-2 py-1">
              {report.offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">
          {t("show")}
        </button>
      </form>

      <section aria-labelledby="targets-office-title" className="mb-6">
        <h2 id="targets-office-title" className="mb-1 text-xl font-semibold">
          {t("officeTitle", { office: report.office.name, period: report.period })}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("datesNote", { from: report.dates.from, to: report.dates.to, previous: report.previousPeriod })}</p>
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("officeTitle", { office: report.office.name, period: report.period })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.indicator")}</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">{t("columns.target")}</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">{t("columns.actual")}</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">{t("columns.gap")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.verdict")}</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">{t("columns.previous", { period: report.previousPeriod })}</th>
              </tr>
            </thead>
            <tbody>
              {report.byOffice.lines.map((line) => (
                <tr key={line.indicator} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {t(`indicators.${line.indicator}.label`)}
                    <span className="block text-xs font-normal text-slate-700">{t(`indicators.${line.indicator}.definition`)}</span>
                  </th>
                  <td className="px-3 py-2 text-right">{show(line.indicator, line.target)}</td>
                  <td className="px-3 py-2 text-right">{show(line.indicator, line.actual)}</td>
                  <td className="px-3 py-2 text-right">{gap(line.indicator, line)}</td>
                  <td className="px-3 py-2">{verdict(line)}</td>
                  <td className="px-3 py-2 text-right">{show(line.indicator, line.previousActual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2">
          <a href={csv} className="text-brand-800 underline">
            {t("csv")}
          </a>
        </p>
      </section>

      <section aria-labelledby="targets-clo-title" className="mb-6">
        <h2 id="targets-clo-title" className="mb-1 text-xl font-semibold">
          {t("cloTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("cloNote")}</p>
        {report.byClo.length === 0 ? (
          <p>{t("cloEmpty")}</p>
        ) : (
          <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("cloTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.clo")}</th>
                  {TARGET_INDICATORS.map((indicator) => (
                    <th key={indicator} scope="col" className="px-3 py-2 text-right font-semibold">
                      {t(`indicators.${indicator}.short`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.byClo.map((group) => (
                  <tr key={group.key} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-medium">{group.label || tReports("unassigned")}</th>
                    {group.lines.map((line) => (
                      <td key={line.indicator} className="px-3 py-2 text-right">
                        {show(line.indicator, line.actual)}
                        {line.met !== null && <span className="block text-xs">{verdict(line)}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="targets-activity-title" className="mb-6">
        <h2 id="targets-activity-title" className="mb-1 text-xl font-semibold">
          {t("activityTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("activityNote")}</p>
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("activityTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.clo")}</th>
                {(["assessments", "interviews", "plansPresented", "referrals", "outreach", "tasksDone"] as const).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-right font-semibold">
                    {t(`activity.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.activity.map((row) => (
                <tr key={row.userId} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{row.name}</th>
                  <td className="px-3 py-2 text-right">{row.assessments}</td>
                  <td className="px-3 py-2 text-right">{row.interviews}</td>
                  <td className="px-3 py-2 text-right">{row.plansPresented}</td>
                  <td className="px-3 py-2 text-right">{row.referrals}</td>
                  <td className="px-3 py-2 text-right">{row.outreach}</td>
                  <td className="px-3 py-2 text-right">{row.tasksDone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {report.form && (
        <SetTargetsForm
          key={`${report.office.id}-${report.period}-${JSON.stringify(report.form.versions)}`}
          officeId={report.office.id}
          officeName={report.office.name}
          period={report.period}
          values={report.form.values}
          versions={report.form.versions}
        />
      )}
    </>
  );
});
