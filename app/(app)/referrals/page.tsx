import type { Metadata } from "next";
import Link from "next/link";
import { CaseReference } from "@/components/case/case-reference";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listMyReferrals, listReferralInbox } from "@/lib/referrals/inbox-queries";
import { pageSchema } from "@/lib/pagination";
import { formatDateTime } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { UnreadBadge } from "@/components/referrals/unread-badge";
import { ReleaseNoticeLine } from "@/components/referrals/release-notice";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  const t = await getTranslations("referrals");
  return { title: can(actor, "referrals.inbox") ? t("title") : t("mine.title") };
}

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  if (can(actor, "referrals.inbox")) return <ProviderInbox actor={actor} page={page} />;
  if (can(actor, "referrals.compose")) return <MyReferrals actor={actor} page={page} />;
  notFound();
}

/** The NGO caseworker's inbox: most urgent first; only what each packet shares. */
async function ProviderInbox({ actor, page }: { actor: Actor; page: number }) {
  const result = await listReferralInbox(actor, page);
  const t = await getTranslations("referrals");
  const tStatus = await getTranslations("referralStatus");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro", { organization: actor.organizationName })}</p>
      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.person")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.nextReview")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.sentAt")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.messages")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            )}
            {result.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/referrals/${row.id}`} className="text-brand-800 underline">
                    {row.personName ?? t("identityNotSharedSent", { when: row.sentAt ? formatDateTime(row.sentAt, "America/Toronto", locale) : "—" })}
                  </Link>
                </th>
                <td className="px-3 py-2">{row.reviewDueBy ? formatDateTime(row.reviewDueBy, row.reviewTimeZone ?? "America/Toronto", locale) : <span className="text-slate-600">{t("reviewNotShared")}</span>}</td>
                <td className="px-3 py-2">
                  {tStatus(row.status)}
                  <ReleaseNoticeLine notice={row.releaseNotice} status={row.status} className="mt-1" />
                </td>
                <td className="px-3 py-2">{row.sentAt ? formatDateTime(row.sentAt, "America/Toronto", locale) : "—"}</td>
                <td className="px-3 py-2"><UnreadBadge count={row.unread} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(p) => `/referrals?page=${p}`} />
    </>
  );
}

/** "My referrals" for CLOs (their own) and supervisors (the office's): latest change first. */
async function MyReferrals({ actor, page }: { actor: Actor; page: number }) {
  const result = await listMyReferrals(actor, page);
  const t = await getTranslations("referrals");
  const tStatus = await getTranslations("referralStatus");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("mine.title")}</h1>
      <p className="mb-4 text-slate-700">{actor.role === "SUPERVISOR" ? t("mine.introOffice", { office: actor.organizationName }) : t("mine.intro")}</p>
      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.reference")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.person")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.provider")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.lastChange")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.messages")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-600">{t("mine.empty")}</td>
              </tr>
            )}
            {result.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200">
                <td className="px-3 py-2"><CaseReference reference={row.reference} /></td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/referrals/${row.id}`} className="text-brand-800 underline">{row.personName}</Link>
                </th>
                <td className="px-3 py-2">{row.providerName}</td>
                <td className="px-3 py-2">
                  {tStatus(row.status)}
                  {row.consentWithdrawn && <span className="block font-semibold">{t("consentWithdrawn")}</span>}
                </td>
                <td className="px-3 py-2">{formatDateTime(row.updatedAt, row.timeZone, locale)}</td>
                <td className="px-3 py-2"><UnreadBadge count={row.unread} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(p) => `/referrals?page=${p}`} />
    </>
  );
}
