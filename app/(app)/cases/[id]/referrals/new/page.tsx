import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getComposeView } from "@/lib/referrals/compose-queries";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { formatDateTime } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ConsentField } from "@/lib/generated/prisma/enums";
import { PacketView } from "@/components/referrals/packet-view";
import { SendReferralForm } from "@/components/referrals/send-referral-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referrals");
  return { title: t("compose.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export default withClientMessages(["form", "referrals"], async function ComposeReferralPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { id } = await params;
  const raw = await searchParams;
  // "chosen" marks a submitted field selection, so unticking every box is not mistaken for "use the defaults".
  const chosen = firstValue(raw.chosen) === "1";
  const fields = chosen ? asList(raw.fields).filter((field): field is ConsentField => (CONSENT_FIELDS as readonly string[]).includes(field)) : undefined;
  const view = await getComposeView(actor, id, { providerId: firstValue(raw.provider), consentId: firstValue(raw.consent), fields });
  if (!view) notFound();
  const t = await getTranslations("referrals");
  const tPacket = await getTranslations("referralPacket");
  const tConsent = await getTranslations("referralConsent");
  const locale = (await getLocale()) as AppLocale;
  const control = "w-full rounded border border-slate-500 px-2 py-1";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${view.detentionId}`} className="underline">{t("compose.backToCase", { reference: view.reference })}</Link>
        {" · "}
        <Link href={`/cases/${view.detentionId}/providers`} className="underline">{t("compose.findProvider")}</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("compose.heading", { person: view.personName })}</h1>
      <p className="mb-4 text-slate-700">{t("compose.intro")}</p>

      <form method="get" action={`/cases/${view.detentionId}/referrals/new`} className="mb-4 rounded border border-slate-300 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">{t("compose.stepProvider")}</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="compose-provider" className="mb-1 block text-sm font-medium">{t("compose.provider")}</label>
            <select id="compose-provider" name="provider" defaultValue={view.provider?.id ?? ""} className={control}>
              <option value="" disabled>{t("compose.chooseProvider")}</option>
              {view.providers.map((provider) => <option key={provider.id} value={provider.id}>{provider.name}</option>)}
            </select>
          </div>
          {view.consents.length > 1 && (
            <div>
              <label htmlFor="compose-consent" className="mb-1 block text-sm font-medium">{t("compose.consent")}</label>
              <select id="compose-consent" name="consent" defaultValue={view.consent?.id} className={control}>
                {view.consents.map((consent) => (
                  <option key={consent.id} value={consent.id}>{`${consent.purpose} (${formatDateTime(consent.givenAt, view.timeZone, locale)})`}</option>
                ))}
              </select>
            </div>
          )}
        </div>

        {view.consent && (
          <fieldset className="mt-4">
            <legend className="mb-1 text-base font-semibold">{t("compose.stepFields")}</legend>
            <input type="hidden" name="chosen" value="1" />
            <p className="mb-2 text-sm text-slate-700">
              {tConsent("consentSummary", { purpose: view.consent.purpose, when: formatDateTime(view.consent.givenAt, view.timeZone, locale) })}
            </p>
            <p className="mb-2 rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm" id="risk-opinion-note">
              <strong>{t("compose.note")} </strong>
              {view.consent.fields.includes("RISK_OPINION") ? t("compose.riskOpinionExcluded") : t("compose.riskOpinionNotConsented")}
            </p>
            <div className="grid gap-1 md:grid-cols-2">
              {CONSENT_FIELDS.map((field) => {
                const covered = view.consent!.fields.includes(field);
                return (
                  <label key={field} className={`flex items-start gap-2 text-sm ${covered ? "" : "text-slate-600"}`}>
                    <input type="checkbox" name="fields" value={field} defaultChecked={view.chosenFields.includes(field)} disabled={!covered} className="mt-1" aria-describedby={field === "RISK_OPINION" ? "risk-opinion-note" : undefined} />
                    <span>
                      {tPacket(`fields.${field}`)}
                      {!covered && <span className="block">{t("compose.notCovered")}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}
        <button type="submit" className="mt-4 rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
          {view.consent ? t("compose.updatePreview") : t("compose.continue")}
        </button>
      </form>

      {view.provider && !view.consent && (
        <div role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="mb-2">{t("compose.noConsent", { provider: view.provider.name })}</p>
          <Link href={`/cases/${view.detentionId}/consent?recipient=${view.provider.organizationId}`} className="font-semibold underline">
            {t("compose.recordConsent")}
          </Link>
        </div>
      )}

      {view.provider && view.consent && view.packet && view.digest && (
        <>
          <section aria-labelledby="preview-heading" className="mb-4 rounded border-2 border-brand-700 bg-white p-4">
            <h2 id="preview-heading" className="mb-1 text-lg font-semibold">{t("compose.preview", { provider: view.provider.name })}</h2>
            <p className="mb-3 text-sm text-slate-700">{t("compose.previewIntro")}</p>
            <PacketView packet={view.packet} locale={locale} />
          </section>
          <SendReferralForm detentionId={view.detentionId} providerId={view.provider.id} consentId={view.consent.id} fields={view.chosenFields} digest={view.digest} providerName={view.provider.name} />
        </>
      )}
    </>
  );
});
