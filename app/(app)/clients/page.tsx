import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listMyClients, listReadableNotes } from "@/lib/counsel/queries";
import { pageSchema } from "@/lib/pagination";
import { reviewStatus } from "@/lib/reviews/rules";
import { formatDateTime } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { ReviewStatusBadge } from "@/components/reviews/review-status-badge";
import { CounselNoteForm } from "@/components/reviews/counsel-note-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("title") };
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "clients.list")) notFound();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const result = await listMyClients(actor, page);
  const notes = await listReadableNotes(actor, result.rows.map((row) => row.detentionId), { ownOrganisationOnly: true });
  const t = await getTranslations("clients");
  const tNotes = await getTranslations("counselNotes");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const tReviewStatus = await getTranslations("reviewStatus");
  const tPlan = await getTranslations("planStatus");
  const locale = (await getLocale()) as AppLocale;
  const now = new Date();
  const canWriteNotes = can(actor, "notes.write");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <div className="overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
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
                <td colSpan={7} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            )}
            {result.rows.map((row) => {
              const status = row.nextReview ? reviewStatus(row.nextReview.dueBy, now) : null;
              const clientNotes = notes.filter((note) => note.detentionId === row.detentionId);
              return (
                <tr key={row.detentionId} className={`border-t border-slate-200 align-top ${status === "OVERDUE" ? "bg-red-50" : ""}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{row.person.familyName}, {row.person.givenName}</th>
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/cases/${row.detentionId}`} className="text-brand-800 underline" aria-label={t("openCase", { reference: row.reference })}>
                      {row.reference}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{row.facility.name}</td>
                  <td className="px-3 py-2">{tStatus(row.status)}</td>
                  <td className="px-3 py-2">
                    {row.nextReview && status ? (
                      <>
                        <span className="block">{tReview(row.nextReview.kind)}</span>
                        <span className="block">{formatDateTime(row.nextReview.dueBy, row.facility.timeZone, locale)}</span>
                        <ReviewStatusBadge status={status} label={tReviewStatus(status)} />
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
                        <span className="block text-slate-700">
                          {row.plan.readiness.ready ? t("ready") : t("readiness", { met: row.plan.readiness.metCount, required: row.plan.readiness.requiredCount })}
                        </span>
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
      <p className="mt-2 text-sm text-slate-700">{t("bondspersonLater")}</p>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(p) => `/clients?page=${p}`} />
    </>
  );
}
