import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getPlanPage } from "@/lib/release-plans/queries";
import { formatDateTime, listName } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatAmount } from "@/components/plans/plan-details";
import { PrintButton } from "@/components/plans/print-button";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planSection");
  return { title: t("print") };
}

// Letter and A4 alike: the printer's page size, fixed margins; no navigation chrome (the shell header is .no-print);
// a bondsperson's block never splits across pages.
const PRINT_CSS = `
@page { size: auto; margin: 18mm; }
@media print {
  body { background: #fff !important; color: #000 !important; font-size: 11pt; }
  main { max-width: none !important; padding: 0 !important; }
  .plan-print a { color: #000; text-decoration: none; }
  .plan-print section { break-inside: auto; }
  .plan-print h2 { break-after: avoid; page-break-after: avoid; }
  .plan-print .bondsperson-block { break-inside: avoid; page-break-inside: avoid; }
}
`;

/**
 * The release plan as a clean document for the hearing. Built from the plan DTO, which carries no risk
 * opinion: the CLO's opinion is never part of what is printed for the Division or the parties.
 */
export default withClientMessages(["planPrint"], async function PlanPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const page = await getPlanPage(actor, id, { audit: "plan.print" });
  if (!page?.plan || !page.readiness) notFound();
  const t = await getTranslations("planPrint");
  const tStatus = await getTranslations("planStatus");
  const labels = await getTranslations("planLabels");
  const tb = await getTranslations("planBondsperson");
  const tr = await getTranslations("planReadiness");
  const locale = (await getLocale()) as AppLocale;
  const { detention, plan, readiness } = page;
  const zone = detention.facility.timeZone;
  const lastChange = page.history[0]?.changedAt ?? plan.updatedAt;
  const check = (value: boolean) => (value ? tb("checkYes") : tb("checkNo"));
  const mitigationOf = (ground: string) => plan.mitigations.find((entry) => entry.ground === ground)?.mitigation;

  return (
    <article className="plan-print mx-auto max-w-3xl bg-white p-6 print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center gap-4">
        <PrintButton />
        <Link href={`/cases/${detention.id}/plan`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </div>

      <header className="mb-4 border-b border-slate-400 pb-3">
        <h1 className="text-2xl font-bold">{t("title", { reference: detention.reference })}</h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4">
          <dt className="font-semibold">{t("case")}</dt>
          <dd>{detention.reference}</dd>
          <dt className="font-semibold">{t("person")}</dt>
          <dd>
            {listName(detention.detainee)}
          </dd>
          <dt className="font-semibold">{t("facility")}</dt>
          <dd>{detention.facility.name}</dd>
        </dl>
        <p className="mt-2">{t("planVersion", { version: plan.version, at: formatDateTime(lastChange, zone, locale) })}</p>
        <p>{t("statusLine", { status: tStatus(plan.status) })}</p>
      </header>

      <section aria-labelledby="print-grounds" className="mb-4">
        <h2 id="print-grounds" className="text-lg font-semibold">{t("grounds")}</h2>
        <dl>
          {detention.grounds.map((ground) => (
            <div key={ground} className="mb-2">
              <dt className="font-semibold">{labels(`ground.${ground}`)}</dt>
              <dd className="pl-4">{mitigationOf(ground) ?? t("noMitigation")}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="print-measures" className="mb-4">
        <h2 id="print-measures" className="text-lg font-semibold">{t("measures")}</h2>
        <ul className="list-disc pl-6">
          {plan.measures.map((measure) => (
            <li key={measure}>{labels(`measure.${measure}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="print-residence" className="mb-4">
        <h2 id="print-residence" className="text-lg font-semibold">{t("residence")}</h2>
        <p>{plan.residenceAddress ?? "—"}</p>
        {plan.residenceDetails && <p>{plan.residenceDetails}</p>}
      </section>

      <section aria-labelledby="print-bondspersons" className="mb-4">
        <h2 id="print-bondspersons" className="text-lg font-semibold">{t("bondspersons")}</h2>
        {plan.bondspersons.map((bondsperson) => (
          <div key={bondsperson.id} className="bondsperson-block mb-3 border border-slate-300 p-2">
            <p className="font-semibold">
              {bondsperson.name} ({bondsperson.relationship})
            </p>
            <p>
              {tb("amount")}: {bondsperson.amountCents !== null ? formatAmount(bondsperson.amountCents, locale) : tb("noAmount")}
            </p>
            {(bondsperson.phone || bondsperson.email) && (
              <p>
                {tb("contact")}: {[bondsperson.phone, bondsperson.email].filter(Boolean).join(" · ")}
              </p>
            )}
            <p className="font-medium">{tb("vetting")}</p>
            <ul className="pl-4">
              <li>{tb("citizenOrPermanentResident")}: {check(bondsperson.citizenOrPermanentResident)}</li>
              <li>{tb("residesInCanada")}: {check(bondsperson.residesInCanada)}</li>
              <li>{tb("noGuaranteeInDefault")}: {check(bondsperson.noGuaranteeInDefault)}</li>
              <li>{bondsperson.confirmed ? tb("confirmed") : tb("notConfirmed")}</li>
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="print-conditions" className="mb-4">
        <h2 id="print-conditions" className="text-lg font-semibold">{t("conditions")}</h2>
        <p className="whitespace-pre-line">{plan.proposedConditions ?? "—"}</p>
      </section>

      <section aria-labelledby="print-readiness" className="mb-4">
        <h2 id="print-readiness" className="text-lg font-semibold">{t("readiness")}</h2>
        <p>
          {tr("summary", { met: readiness.metCount, required: readiness.requiredCount })}. {readiness.ready ? tr("ready") : tr("notReady")}
        </p>
        <ul className="pl-4">
          {readiness.items
            .filter((item) => item.required)
            .map((item) => (
              <li key={item.key}>
                {item.met ? tr("met") : tr("missing")}: {labels(`readiness.${item.key}`)}
              </li>
            ))}
        </ul>
      </section>

      <p className="mt-6 text-sm text-slate-700">{t("printedOn", { at: formatDateTime(new Date(), zone, locale) })}</p>
    </article>
  );
});
