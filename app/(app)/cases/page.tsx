import type { Metadata } from "next";
import Link from "next/link";
import { CaseReference } from "@/components/case/case-reference";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listOfficeDetentions, queueFilterCounts } from "@/lib/detentions/queue-queries";
import { policyInForce } from "@/lib/policy/queries";
import { DETENTION_STATUS_FILTERS, FLAG_FILTERS, PLAN_FILTERS, REVIEW_DUE_FILTERS, detentionListParamsSchema } from "@/lib/detentions/schema";
import { priorityReasons } from "@/lib/detentions/rules";
import { daysDetained, formatDateTime, listName } from "@/lib/format";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { SortableHeader } from "@/components/ui/sortable-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "detentions.list")) notFound();
  const raw = await searchParams;
  const params = detentionListParamsSchema.parse({
    sort: firstValue(raw.sort),
    dir: firstValue(raw.dir),
    page: firstValue(raw.page),
    status: firstValue(raw.status),
    assigned: firstValue(raw.assigned),
    flag: firstValue(raw.flag),
    plan: firstValue(raw.plan),
    reviewDue: firstValue(raw.reviewDue),
  });
  const now = new Date();
  // The policy's "due soon" horizon in force now, as the queue's priority and filter use it (one read per request).
  const [result, counts, { dueSoonHours }] = await Promise.all([listOfficeDetentions(actor, params, now), queueFilterCounts(actor, params, now), policyInForce(now)]);
  const t = await getTranslations("cases");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const tPlan = await getTranslations("planStatus");
  const tEnums = await getTranslations("caseEnums");
  const locale = (await getLocale()) as AppLocale;
  const current = { sort: params.sort, dir: params.dir, status: params.status, assigned: params.assigned, flag: params.flag, plan: params.plan, reviewDue: params.reviewDue };
  const withCount = (label: string, count: number) => t("withCount", { label, count });
  const sortHref = (sort: string, dir: "asc" | "desc") => hrefWith("/cases", current, { sort, dir, page: undefined });

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro", { office: actor.organizationName })}</p>
      {firstValue(raw.handedOver) === "1" && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {(await getTranslations("caseTransfer"))("handedOverNotice")}
        </p>
      )}
      {can(actor, "cases.create") && (
        <p className="mb-4">
          <Link href="/cases/new" className="inline-block rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
            {t("newCase")}
          </Link>
        </p>
      )}

      <form method="get" action="/cases" className="mb-4 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-3">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium">
            {t("statusFilter")}
          </label>
          <select id="status" name="status" defaultValue={params.status} className="rounded border border-slate-500 px-2 py-1">
            {DETENTION_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {status === "ALL" ? t("allStatuses") : status === "RELEASED_OR_ENDED" ? t("releasedOrEnded") : tStatus(status)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="assigned" className="mb-1 block text-sm font-medium">
            {t("assignedFilter")}
          </label>
          <select id="assigned" name="assigned" defaultValue={params.assigned} className="rounded border border-slate-500 px-2 py-1">
            <option value="office">{withCount(t("wholeOffice"), counts.assigned.office)}</option>
            <option value="me">{withCount(t("assignedToMe"), counts.assigned.me)}</option>
          </select>
        </div>
        <div>
          <label htmlFor="flag" className="mb-1 block text-sm font-medium">
            {t("flagFilter")}
          </label>
          <select id="flag" name="flag" defaultValue={params.flag} className="rounded border border-slate-500 px-2 py-1">
            {FLAG_FILTERS.map((flag) => (
              <option key={flag} value={flag}>
                {withCount(flag === "ALL" ? t("allFlags") : flag === "ANY" ? t("anyFlag") : tEnums(`flag.${flag}`), counts.flag[flag])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="plan" className="mb-1 block text-sm font-medium">
            {t("planFilter")}
          </label>
          <select id="plan" name="plan" defaultValue={params.plan} className="rounded border border-slate-500 px-2 py-1">
            {PLAN_FILTERS.map((plan) => (
              <option key={plan} value={plan}>
                {withCount(plan === "ALL" ? t("allPlans") : plan === "NONE" ? t("noPlanFilter") : tPlan(plan), counts.plan[plan])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reviewDue" className="mb-1 block text-sm font-medium">
            {t("reviewDueFilter")}
          </label>
          <select id="reviewDue" name="reviewDue" defaultValue={params.reviewDue} className="rounded border border-slate-500 px-2 py-1">
            {REVIEW_DUE_FILTERS.map((reviewDue) => (
              <option key={reviewDue} value={reviewDue}>
                {withCount(t(`reviewDue.${reviewDue}`, { hours: dueSoonHours }), counts.reviewDue[reviewDue])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
          {t("apply")}
        </button>
      </form>

      {params.sort === "priority" && <p className="mb-2 text-sm text-slate-700">{t("sortedByPriority")}</p>}
      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <SortableHeader label={t("columns.priority")} column="priority" currentSort={params.sort} currentDir={params.dir} hrefFor={sortHref} />
              <SortableHeader label={t("columns.reference")} column="reference" currentSort={params.sort} currentDir={params.dir} hrefFor={sortHref} />
              <SortableHeader label={t("columns.person")} column="familyName" currentSort={params.sort} currentDir={params.dir} hrefFor={sortHref} />
              <th scope="col" className="font-semibold">
                {t("columns.facility")}
              </th>
              <SortableHeader label={t("columns.detainedAt")} column="detainedAt" currentSort={params.sort} currentDir={params.dir} hrefFor={sortHref} />
              <SortableHeader label={t("columns.nextReview")} column="nextReviewDueBy" currentSort={params.sort} currentDir={params.dir} hrefFor={sortHref} />
              <th scope="col" className="font-semibold">
                {t("columns.flags")}
              </th>
              <th scope="col" className="font-semibold">
                {t("columns.plan")}
              </th>
              <th scope="col" className="font-semibold">
                {t("columns.assignedClo")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-6 text-center text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            )}
            {result.rows.map((row) => {
              const overdue = row.nextReviewDueBy !== null && row.nextReviewDueBy < now;
              return (
                <tr key={row.id}>
                  <td>
                    <ul>
                      {priorityReasons(row.priorityTier).map((reason) => (
                        <li key={reason} className={reason === "OVERDUE" ? "font-bold text-red-800" : undefined}>
                          {t(`reasons.${reason}`, { hours: dueSoonHours })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <CaseReference reference={row.reference} href={`/cases/${row.id}`} />
                  </td>
                  <th scope="row" className="font-medium">
                    {listName(row.detainee)}
                  </th>
                  <td>{row.facility.name}</td>
                  <td>
                    {formatDateTime(row.detainedAt, row.facility.timeZone, locale)}
                    <br />
                    <span className="text-slate-600">{row.status === "DETAINED" ? t("daysDetained", { days: daysDetained(row.detainedAt, now) }) : tStatus(row.status)}</span>
                  </td>
                  <td>
                    {row.nextReviewDueBy && row.nextReviewKind ? (
                      <>
                        {tReview(row.nextReviewKind)}
                        <br />
                        <span className={overdue ? "font-bold text-red-800" : undefined}>
                          {overdue && <span>{t("overdue")}: </span>}
                          {formatDateTime(row.nextReviewDueBy, row.facility.timeZone, locale)}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-600">{t("noNextReview")}</span>
                    )}
                  </td>
                  <td>
                    {row.flags.length > 0 ? row.flags.map((flag) => tEnums(`flag.${flag}`)).join(", ") : <span className="text-slate-600">{t("noFlags")}</span>}
                  </td>
                  <td>{row.planStatus ? tPlan(row.planStatus) : <span className="text-slate-600">{t("noPlan")}</span>}</td>
                  <td>{row.assignedClo?.name ?? <span className="text-slate-600">{t("unassigned")}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => hrefWith("/cases", current, { page })} />
    </>
  );
}
