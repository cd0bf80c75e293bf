import { getLocale, getTranslations } from "next-intl/server";
import type { PlanView } from "@/lib/release-plans/queries";
import type { DetentionGround } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";

/** An amount of money in the reader's locale (stored in cents). */
export function formatAmount(cents: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency: "CAD" }).format(cents / 100);
}

/** The substance of a plan, read-only: measures, residence, conditions, mitigation per ground, bondspersons. */
export async function PlanDetails({ plan, grounds, headingLevel = 3 }: { plan: PlanView; grounds: DetentionGround[]; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("planSection");
  const labels = await getTranslations("planLabels");
  const tb = await getTranslations("planBondsperson");
  const tp = await getTranslations("planPrint");
  const locale = (await getLocale()) as AppLocale;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const mitigationOf = (ground: DetentionGround) => plan.mitigations.find((entry) => entry.ground === ground)?.mitigation;
  const check = (value: boolean) => (value ? tb("checkYes") : tb("checkNo"));
  return (
    <div className="space-y-3">
      <div>
        <Heading className="font-semibold">{t("mitigations")}</Heading>
        <dl className="space-y-1">
          {grounds.map((ground) => (
            <div key={ground}>
              <dt className="font-medium">{labels(`ground.${ground}`)}</dt>
              <dd className="pl-3">{mitigationOf(ground) ?? <span className="font-medium text-red-800">{tp("noMitigation")}</span>}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <Heading className="font-semibold">{t("measures")}</Heading>
        {plan.measures.length === 0 ? (
          <p className="text-slate-700">{t("noMeasures")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {plan.measures.map((measure) => (
              <li key={measure}>{labels(`measure.${measure}`)}</li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <Heading className="font-semibold">{t("residence")}</Heading>
        {plan.residenceAddress || plan.residenceDetails ? (
          <>
            {plan.residenceAddress && <p>{plan.residenceAddress}</p>}
            {plan.residenceDetails && <p className="text-slate-700">{plan.residenceDetails}</p>}
          </>
        ) : (
          <p className="text-slate-700">{t("noResidence")}</p>
        )}
      </div>
      <div>
        <Heading className="font-semibold">{t("conditions")}</Heading>
        <p className={plan.proposedConditions ? "whitespace-pre-line" : "text-slate-700"}>{plan.proposedConditions ?? t("noConditions")}</p>
      </div>
      <div>
        <Heading className="font-semibold">{t("bondspersons")}</Heading>
        {plan.bondspersons.length === 0 ? (
          <p className="text-slate-700">{t("noBondspersons")}</p>
        ) : (
          <ul className="space-y-2">
            {plan.bondspersons.map((bondsperson) => (
              <li key={bondsperson.id} className="bondsperson-block rounded border border-slate-200 p-2">
                <p className="font-medium">
                  {bondsperson.name} ({bondsperson.relationship}) · {bondsperson.amountCents !== null ? formatAmount(bondsperson.amountCents, locale) : tb("noAmount")}
                </p>
                {(bondsperson.phone || bondsperson.email) && (
                  <p className="text-sm">
                    {tb("contact")}: {[bondsperson.phone, bondsperson.email].filter(Boolean).join(" · ")}
                  </p>
                )}
                <p className="text-sm">
                  {tb("vetting")}: {tb("citizenOrPermanentResident")}: {check(bondsperson.citizenOrPermanentResident)}; {tb("residesInCanada")}: {check(bondsperson.residesInCanada)};{" "}
                  {tb("noGuaranteeInDefault")}: {check(bondsperson.noGuaranteeInDefault)}
                </p>
                <p className={bondsperson.confirmed ? "text-sm font-semibold text-green-900" : "text-sm font-semibold text-amber-900"}>
                  {bondsperson.confirmed ? tb("confirmed") : tb("notConfirmed")} · {tb("proposedBy", { name: bondsperson.proposedBy.name })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
