import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/case-file/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ProposeOptionForm } from "@/components/case/propose-option-form";

/**
 * Counsel of record's part in the plan's collaboration: the referrals for their client as the office made them
 * (provider, status, dates; never the packet, the messages or why a provider declined), and a form to propose an
 * option to the CLO. The plan's readiness checklist is in the release plan section above, which counsel read too.
 * Renders nothing for anyone but counsel of record (the read model gives them no slice).
 */
export async function CounselCollaborationSection({ detentionId, zone, slice }: { detentionId: string; zone: string; slice: CaseFile["counselCollaboration"] }) {
  if (!slice) return null;
  const t = await getTranslations("counselOptions");
  const tStatus = await getTranslations("referralStatus");
  const locale = (await getLocale()) as AppLocale;
  const when = (date: Date | null) => (date ? formatDateTime(date, zone, locale) : "—");
  return (
    <>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {slice.referrals.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption", { total: slice.referrals.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.provider")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.sentAt")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.respondedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {slice.referrals.map((referral) => (
                <tr key={referral.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{referral.providerName}</th>
                  <td className="px-3 py-2">{tStatus(referral.status)}</td>
                  <td className="px-3 py-2">{when(referral.sentAt)}</td>
                  <td className="px-3 py-2">{when(referral.respondedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="mt-4 rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold text-brand-800">{t("proposeTitle")}</summary>
        <p className="mt-2 text-sm text-slate-700">{t("proposeIntro")}</p>
        <ProposeOptionForm detentionId={detentionId} providers={slice.providers} />
      </details>
    </>
  );
}
