import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getCaseConsents } from "@/lib/consent/queries";
import { instantToDateTimeLocal } from "@/lib/time/facility-clock";
import { formatDateTime } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { ConsentForm } from "@/components/referrals/consent-form";
import { WithdrawConsentForm } from "@/components/referrals/withdraw-consent-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referralConsent");
  return { title: t("title") };
}

export default withClientMessages(["confirmDialog", "form", "referralConsent", "referralPacket"], async function CaseConsentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const data = await getCaseConsents(actor, id);
  if (!data) notFound();
  const recipient = firstValue((await searchParams).recipient);
  const t = await getTranslations("referralConsent");
  const tPacket = await getTranslations("referralPacket");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${data.detentionId}`} className="underline">{t("backToCase", { reference: data.reference })}</Link>
        {" · "}
        <Link href={`/cases/${data.detentionId}/referrals/new`} className="underline">{t("composeLink")}</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("heading", { person: data.personName })}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>

      <div tabIndex={0} className="mb-6 table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-semibold">{t("caption", { total: data.consents.length })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">{t("columns.recipient")}</th>
              <th scope="col" className="px-3 py-2 text-left">{t("columns.purpose")}</th>
              <th scope="col" className="px-3 py-2 text-left">{t("columns.fields")}</th>
              <th scope="col" className="px-3 py-2 text-left">{t("columns.given")}</th>
              <th scope="col" className="px-3 py-2 text-left">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.consents.length === 0 && (
              <tr><td colSpan={5} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td></tr>
            )}
            {data.consents.map((consent) => (
              <tr key={consent.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">{consent.recipientName}</th>
                <td className="px-3 py-2">{consent.purpose}</td>
                <td className="px-3 py-2">{consent.fields.map((field) => tPacket(`fields.${field}`)).join(", ")}</td>
                <td className="px-3 py-2">
                  {formatDateTime(consent.givenAt, data.timeZone, locale)}
                  <br />
                  <span className="text-slate-600">
                    {consent.method === "VERBAL_WITH_INTERPRETER" ? t("methodWithLanguage", { language: consent.interpreterLanguage ?? "" }) : t(`methods.${consent.method}`)}
                    {" · "}
                    {t("recordedBy", { name: consent.recordedByName })}
                  </span>
                </td>
                <td className="px-3 py-2">
                  {consent.withdrawnAt ? (
                    <span className="font-semibold">{t("withdrawnOn", { when: formatDateTime(consent.withdrawnAt, data.timeZone, locale), name: consent.withdrawnByName ?? "" })}</span>
                  ) : (
                    <div className="space-y-1">
                      <span className="block font-semibold text-green-900">{t("inForce")}</span>
                      <WithdrawConsentForm consentId={consent.id} detentionId={data.detentionId} recipientName={consent.recipientName} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ConsentForm detentionId={data.detentionId} recipients={data.recipients} defaultRecipientId={data.recipients.some((r) => r.id === recipient) ? recipient : undefined} nowLocal={instantToDateTimeLocal(new Date(), data.timeZone)} timeZone={data.timeZone} />
    </>
  );
});
