import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listMyClients, listReadableNotes, type CounselClient, type VisibleNote } from "@/lib/counsel/queries";
import { readinessApplies } from "@/lib/counsel/rules";
import type { Page } from "@/lib/pagination";
import { pageSchema } from "@/lib/pagination";
import { policyInForce } from "@/lib/policy/queries";
import { reviewStatus } from "@/lib/reviews/rules";
import { formatDateTime, listName } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { ReviewStatusBadge } from "@/components/reviews/review-status-badge";
import { CounselNoteForm } from "@/components/reviews/counsel-note-form";
import { RequestCounselForm } from "@/components/case/counsel-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("title") };
}

/**
 * Counsel's home: their clients detained now, then (collapsed) those whose detention ended, each list paged on its
 * own; readiness for a hearing only where it still applies (lib/counsel/rules.ts readinessApplies); and the form to
 * ask an office to record them as counsel of record.
 */
export default withClientMessages(["counselNotes", "counselOfRecord.form", "form"], async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "clients.list")) notFound();
  const params = await searchParams;
  const page = pageSchema.parse(firstValue(params.page));
  const endedPage = pageSchema.parse(firstValue(params.endedPage));
  const [current, ended] = await Promise.all([listMyClients(actor, page, "current"), listMyClients(actor, endedPage, "ended")]);
  const notes = await listReadableNotes(actor, [...current.rows, ...ended.rows].map((row) => row.detentionId), { ownOrganisationOnly: true });
  const t = await getTranslations("clients");
  const tCounsel = await getTranslations("counselOfRecord");
  const hrefFor = (next: { page?: number; endedPage?: number }) => {
    const query = new URLSearchParams();
    const currentPage = next.page ?? page;
    const endedPageNow = next.endedPage ?? endedPage;
    if (currentPage > 1) query.set("page", String(currentPage));
    if (endedPageNow > 1) query.set("endedPage", String(endedPageNow));
    const text = query.toString();
    return text ? `/clients?${text}` : "/clients";
  };
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>

      <h2 className="mb-2 text-xl font-semibold">{t("currentTitle")}</h2>
      <ClientTable result={current} notes={notes} caption={t("currentCaption", { total: current.total })} empty={current.total === 0 && ended.total === 0 ? t("empty") : t("currentEmpty")} />
      <Pagination page={current.page} pageCount={current.pageCount} total={current.total} hrefFor={(p) => hrefFor({ page: p })} />

      <details className="mt-6" open={endedPage > 1}>
        <summary className="cursor-pointer text-xl font-semibold">
          {t("endedTitle")} ({ended.total})
        </summary>
        <p className="mb-2 text-slate-700">{t("endedIntro")}</p>
        <ClientTable result={ended} notes={notes} caption={t("endedCaption", { total: ended.total })} empty={t("endedEmpty")} />
        <Pagination page={ended.page} pageCount={ended.pageCount} total={ended.total} hrefFor={(p) => hrefFor({ endedPage: p })} />
      </details>

      <p className="mt-4 text-sm text-slate-700">{t("bondspersonLater")}</p>

      <section aria-labelledby="ask-counsel-title" className="mt-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="ask-counsel-title" className="text-xl font-semibold">
          {tCounsel("askTitle")}
        </h2>
        <p className="text-slate-700">{tCounsel("askIntro")}</p>
        <RequestCounselForm />
      </section>
    </>
  );
});

/** One list of clients: current detentions (with the next review) or ended ones (with when they ended). */
async function ClientTable({ result, notes, caption, empty }: { result: Page<CounselClient>; notes: VisibleNote[]; caption: string; empty: string }) {
  const actor = await requireActor();
  const t = await getTranslations("clients");
  const tNotes = await getTranslations("counselNotes");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const tReviewStatus = await getTranslations("reviewStatus");
  const tPlan = await getTranslations("planStatus");
  const locale = (await getLocale()) as AppLocale;
  const now = new Date();
  // "Due soon" follows the policy's horizon in force now.
  const { dueSoonHours } = await policyInForce(now);
  const canWriteNotes = can(actor, "notes.write");
  return (
    <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.person")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.reference")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.facility")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.nextReview")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.plan")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.notes")}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.length === 0 && (
            <tr>
              <td colSpan={7} className="px-3 py-6 text-center text-slate-600">{empty}</td>
            </tr>
          )}
          {result.rows.map((row) => {
            const status = row.nextReview ? reviewStatus(row.nextReview.dueBy, now, dueSoonHours) : null;
            const clientNotes = notes.filter((note) => note.detentionId === row.detentionId);
            return (
              <tr key={row.detentionId} className={`border-t border-slate-200 align-top ${status === "OVERDUE" ? "bg-red-50" : ""}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{listName(row.person)}</th>
                <td className="px-3 py-2 font-mono whitespace-nowrap">
                  <Link href={`/cases/${row.detentionId}`} className="text-brand-800 underline" aria-label={t("openCase", { reference: row.reference })}>
                    {row.reference}
                  </Link>
                </td>
                <td className="px-3 py-2">{row.facility.name}</td>
                <td className="px-3 py-2">
                  <span className="block">{tStatus(row.status)}</span>
                  {row.endedAt && <span className="block text-slate-700">{t("endedOn", { when: formatDateTime(row.endedAt, row.facility.timeZone, locale) })}</span>}
                </td>
                <td className="px-3 py-2">
                  {row.nextReview && status ? (
                    <>
                      <span className="block">{tReview(row.nextReview.kind)}</span>
                      <span className="block">{formatDateTime(row.nextReview.dueBy, row.facility.timeZone, locale)}</span>
                      <ReviewStatusBadge status={status} label={tReviewStatus(status, { hours: dueSoonHours })} />
                      {row.hearingAt && <span className="block text-slate-700">{t("hearing", { when: formatDateTime(row.hearingAt, row.facility.timeZone, locale) })}</span>}
                    </>
                  ) : (
                    <span className="text-slate-600">{t("noNextReview")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {row.plan ? (
                    <>
                      <span className="block">{tPlan(row.plan.status)}</span>
                      {readinessApplies(row.status, row.plan.status) && (
                        <span className="block text-slate-700">
                          {row.plan.readiness.ready ? t("ready") : t("readiness", { met: row.plan.readiness.metCount, required: row.plan.readiness.requiredCount })}
                        </span>
                      )}
                    </>
                  ) : (
                    <span className="text-slate-600">{t("noPlan")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <details>
                    <summary className="cursor-pointer text-brand-800 underline">
                      {tNotes("summary", { count: clientNotes.length })}
                      <span className="sr-only"> {row.reference}</span>
                    </summary>
                    <p className="mt-1 text-slate-700">{tNotes("privilegedHint")}</p>
                    {clientNotes.length === 0 ? (
                      <p className="mt-1">{tNotes("none")}</p>
                    ) : (
                      <ul aria-label={tNotes("listLabel", { reference: row.reference })} className="mt-1 space-y-1">
                        {clientNotes.map((note) => (
                          <li key={note.id} className="rounded border border-slate-200 p-2">
                            <p className="whitespace-pre-line">{note.body}</p>
                            <p className="text-slate-600">{tNotes("byline", { author: note.authorName, when: formatDateTime(note.createdAt, row.facility.timeZone, locale) })}</p>
                          </li>
                        ))}
                      </ul>
                    )}
                    {canWriteNotes && <CounselNoteForm detentionId={row.detentionId} reference={row.reference} />}
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
