import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { OfficeReferral } from "@/lib/referrals/inbox-queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { UnreadBadge } from "@/components/referrals/unread-badge";

/**
 * The case page's referrals section: the case's referrals as the CBSA side sees them (read, under referralScope, by the
 * case file's read model), with the links to find a provider, compose a referral and record consent. Renders nothing
 * for a viewer who may not see the case's referrals (null).
 */
export async function ReferralsSection({ detentionId, referrals }: { detentionId: string; referrals: OfficeReferral[] | null }) {
  if (!referrals) return null;
  const t = await getTranslations("referrals");
  const tStatus = await getTranslations("referralStatus");
  const tOutside = await getTranslations("outsideReferrals");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li><Link href={`/cases/${detentionId}/providers`} className="font-semibold text-brand-800 underline">{t("section.findProvider")}</Link></li>
        <li><Link href={`/cases/${detentionId}/referrals/new`} className="font-semibold text-brand-800 underline">{t("section.compose")}</Link></li>
        <li><Link href={`/cases/${detentionId}/referrals/outside`} className="font-semibold text-brand-800 underline">{tOutside("link")}</Link></li>
        <li><Link href={`/cases/${detentionId}/consent`} className="font-semibold text-brand-800 underline">{t("section.consent")}</Link></li>
      </ul>
      {referrals.length === 0 ? (
        <p className="text-sm text-slate-600">{t("section.empty")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption", { total: referrals.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.provider")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.sentAt")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.messages")}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/referrals/${referral.id}`} className="text-brand-800 underline">{referral.providerName}</Link>
                    {referral.outside && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-normal">{tOutside("outsideBadge")}</span>}
                  </th>
                  <td className="px-3 py-2">
                    {tStatus(referral.status)}
                    {referral.consentWithdrawn && <span className="block font-semibold">{t("consentWithdrawn")}</span>}
                  </td>
                  <td className="px-3 py-2">{referral.sentAt ? formatDateTime(referral.sentAt, referral.timeZone, locale) : t("notSent")}</td>
                  <td className="px-3 py-2"><UnreadBadge count={referral.unread} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
