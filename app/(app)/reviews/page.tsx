import type { Metadata } from "next";
import Link from "next/link";
import { CaseReference } from "@/components/case/case-reference";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { dashboardFilterOptions, listReviewDashboard, requestNow, type DashboardRow } from "@/lib/reviews/queries";
import { REVIEW_KINDS, reviewDashboardParamsSchema } from "@/lib/reviews/schema";
import { DASHBOARD_GROUPS, dashboardGroup, reviewStatus, type DashboardGroup } from "@/lib/reviews/rules";
import { formatDateTime, listName } from "@/lib/format";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { ReviewStatusBadge } from "@/components/reviews/review-status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviewsDashboard");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const GROUP_STYLES: Record<DashboardGroup, string> = {
  OVERDUE: "border-red-800 bg-red-50 text-red-900",
  DUE_SOON: "border-amber-700 bg-amber-50 text-amber-950",
  THIS_WEEK: "border-slate-400 bg-white text-slate-900",
  LATER: "border-slate-300 bg-white text-slate-800",
};

export default async function ReviewsDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "reviews.dashboard")) notFound();
  const raw = await searchParams;
  const params = reviewDashboardParamsSchema.parse({
    page: firstValue(raw.page),
    group: firstValue(raw.group),
    officeId: firstValue(raw.officeId),
    facilityId: firstValue(raw.facilityId),
    kind: firstValue(raw.kind),
  });
  // The request's instant, shared with the review notice above the page so both read one count statement.
  const now = requestNow();
  const [dashboard, options] = await Promise.all([listReviewDashboard(actor, params, now), dashboardFilterOptions(actor)]);
  const t = await getTranslations("reviewsDashboard");
  const tKind = await getTranslations("reviewKind");
  const tGroup = await getTranslations("reviewGroup");
  const tStatus = await getTranslations("reviewStatus");
  const locale = (await getLocale()) as AppLocale;
  // The "due soon" horizon in force now (the policy): the DUE_SOON group's bound and its label.
  const hours = { hours: dashboard.dueSoonHours };
  const current = { group: params.group, officeId: params.officeId, facilityId: params.facilityId, kind: params.kind };

  // Rows arrive sorted by deadline, so each urgency group is one run of rows: a header row starts each run.
  const runs: { group: DashboardGroup; rows: DashboardRow[] }[] = [];
  for (const row of dashboard.rows) {
    const group = dashboardGroup(row.dueBy, now, dashboard.dueSoonHours);
    const last = runs.at(-1);
    if (last?.group === group) last.rows.push(row);
    else runs.push({ group, rows: [row] });
  }

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>

      <nav aria-label={t("countsLabel")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {DASHBOARD_GROUPS.map((group) => (
            <li key={group}>
              <Link
                href={hrefWith("/reviews", current, { group: params.group === group ? undefined : group, page: undefined })}
                aria-current={params.group === group ? "true" : undefined}
                className={`block rounded border-2 px-3 py-2 ${GROUP_STYLES[group]} ${params.group === group ? "ring-2 ring-brand-700" : ""}`}
              >
                <span className="block text-2xl font-bold">{dashboard.counts[group]}</span>
                <span className="text-sm font-medium">{tGroup(group, hours)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/reviews" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-3">
        {options.offices.length > 1 && (
          <div>
            <label htmlFor="officeId" className="mb-1 block text-sm font-medium">{t("office")}</label>
            <select id="officeId" name="officeId" defaultValue={params.officeId ?? ""} className="rounded border border-slate-500 px-2 py-1">
              <option value="">{t("allOffices")}</option>
              {options.offices.map((office) => (
                <option key={office.id} value={office.id}>{office.name}</option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="facilityId" className="mb-1 block text-sm font-medium">{t("facility")}</label>
          <select id="facilityId" name="facilityId" defaultValue={params.facilityId ?? ""} className="rounded border border-slate-500 px-2 py-1">
            <option value="">{t("allFacilities")}</option>
            {options.facilities.map((facility) => (
              <option key={facility.id} value={facility.id}>{facility.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="mb-1 block text-sm font-medium">{t("kind")}</label>
          <select id="kind" name="kind" defaultValue={params.kind ?? ""} className="rounded border border-slate-500 px-2 py-1">
            <option value="">{t("allKinds")}</option>
            {REVIEW_KINDS.filter((kind) => kind !== "EARLY").map((kind) => (
              <option key={kind} value={kind}>{tKind(kind)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="group" className="mb-1 block text-sm font-medium">{t("group")}</label>
          <select id="group" name="group" defaultValue={params.group ?? ""} className="rounded border border-slate-500 px-2 py-1">
            <option value="">{t("allGroups")}</option>
            {DASHBOARD_GROUPS.map((group) => (
              <option key={group} value={group}>{tGroup(group, hours)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
      </form>

      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("caption", { total: dashboard.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="font-semibold">{t("columns.case")}</th>
              <th scope="col" className="font-semibold">{t("columns.person")}</th>
              <th scope="col" className="font-semibold">{t("columns.facility")}</th>
              <th scope="col" className="font-semibold">{t("columns.review")}</th>
              <th scope="col" className="font-semibold">{t("columns.dueBy")}</th>
              <th scope="col" className="font-semibold">{t("columns.hearing")}</th>
              <th scope="col" className="font-semibold">{t("columns.clo")}</th>
            </tr>
          </thead>
          {runs.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            </tbody>
          )}
          {runs.map((run) => (
            <tbody key={run.group}>
              <tr className={`border-t-2 ${GROUP_STYLES[run.group]}`}>
                <th scope="colgroup" colSpan={7} className="font-bold">
                  {tGroup(run.group, hours)}
                </th>
              </tr>
              {run.rows.map((row) => {
                const status = reviewStatus(row.dueBy, now, dashboard.dueSoonHours);
                return (
                  <tr key={row.detentionId} className={status === "OVERDUE" ? "bg-red-50" : undefined}>
                    <td>
                      <CaseReference reference={row.reference} href={`/cases/${row.detentionId}`} />
                    </td>
                    <th scope="row" className="font-medium">{listName(row.person)}</th>
                    <td>
                      {row.facility.name}
                      <span className="block text-slate-600">{row.officeName}</span>
                    </td>
                    <td>
                      {tKind(row.kind)}
                      {row.needsCheck && <span className="block font-semibold text-amber-900">{t("needsCheck")}</span>}
                    </td>
                    <td>
                      <span className="block">{formatDateTime(row.dueBy, row.facility.timeZone, locale)}</span>
                      <ReviewStatusBadge status={status} label={tStatus(status, hours)} />
                    </td>
                    <td>{row.hearingAt ? formatDateTime(row.hearingAt, row.facility.timeZone, locale) : <span className="text-slate-600">{t("noHearing")}</span>}</td>
                    <td>{row.assignedCloName ?? <span className="text-slate-600">{t("unassigned")}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <Pagination page={dashboard.page} pageCount={dashboard.pageCount} total={dashboard.total} hrefFor={(page) => hrefWith("/reviews", current, { page })} />
    </>
  );
}
