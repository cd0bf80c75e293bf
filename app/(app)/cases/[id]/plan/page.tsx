import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getPlanPage } from "@/lib/release-plans/queries";
import { ATD_MEASURES } from "@/lib/assessments/schema";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { describeChanges, ReadinessChecklist } from "@/components/plans/readiness-checklist";
import { PlanDetails } from "@/components/plans/plan-details";
import { BondspersonForm, CreatePlanForm, PlanForm, PlanStatusButtons, RemoveBondspersonButton, type BondspersonValues } from "@/components/plans/plan-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planSection");
  return { title: t("title") };
}

const EMPTY_BONDSPERSON: BondspersonValues = {
  id: null,
  name: "",
  relationship: "",
  phone: "",
  email: "",
  amount: "",
  citizenOrPermanentResident: false,
  residesInCanada: false,
  noGuaranteeInDefault: false,
  confirmed: false,
};

export default withClientMessages(["confirmDialog", "form", "planBondsperson", "planEditor", "planLabels"], async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const page = await getPlanPage(actor, id, { audit: "plan.open" });
  if (!page) notFound();
  const t = await getTranslations("planEditor");
  const tStatus = await getTranslations("planStatus");
  const labels = await getTranslations("planLabels");
  const locale = (await getLocale()) as AppLocale;
  const { detention, plan, readiness, permissions } = page;
  const zone = detention.facility.timeZone;
  const statusLabels = Object.fromEntries(page.nextStatuses.map((status) => [status, tStatus(status)]));

  return (
    <>
      <p className="mb-2 flex flex-wrap gap-4">
        <Link href={`/cases/${detention.id}`} className="text-brand-700 underline">
          {t("backToCase")}
        </Link>
        {plan && (
          <Link href={`/cases/${detention.id}/plan/print`} className="text-brand-700 underline">
            {t("printLink")}
          </Link>
        )}
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { reference: detention.reference })}</h1>

      {!plan || !readiness ? (
        permissions.edit ? (
          <>
            <p className="mb-3">{t("noPlan")}</p>
            <CreatePlanForm detentionId={detention.id} />
          </>
        ) : (
          <p>{t("noPlanCounsel")}</p>
        )
      ) : (
        <div className="space-y-6">
          <section aria-labelledby="plan-status-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="plan-status-title" className="text-xl font-semibold">
              {t("statusHeading")}
            </h2>
            <p className="mb-3">{t("currentStatus", { status: tStatus(plan.status) })}</p>
            {plan.status === "READY" && !readiness.ready && (
              <p role="note" className="mb-3 rounded border-l-4 border-amber-700 bg-amber-50 p-2 font-medium text-amber-950">
                {t("readyButIncomplete")}
              </p>
            )}
            <ReadinessChecklist readiness={readiness} id="plan-readiness" />
            {permissions.edit && (
              <div className="mt-4">
                {page.nextStatuses.length > 0 ? (
                  <PlanStatusButtons detentionId={detention.id} version={plan.version} statuses={page.nextStatuses} statusLabels={statusLabels} />
                ) : (
                  <p className="text-slate-700">{t("noTransitions")}</p>
                )}
                {plan.status === "DRAFTING" && !readiness.ready && <p className="mt-2 text-sm text-slate-700">{t("readyHidden")}</p>}
              </div>
            )}
          </section>

          <section aria-labelledby="plan-details-title" className="space-y-3">
            <h2 id="plan-details-title" className="text-xl font-semibold">
              {t("detailsHeading")}
            </h2>
            {permissions.edit ? (
              <PlanForm
                detentionId={detention.id}
                version={plan.version}
                grounds={detention.grounds}
                measures={ATD_MEASURES}
                values={{
                  measures: plan.measures,
                  residenceAddress: plan.residenceAddress ?? "",
                  residenceDetails: plan.residenceDetails ?? "",
                  proposedConditions: plan.proposedConditions ?? "",
                  mitigations: Object.fromEntries(plan.mitigations.map((entry) => [entry.ground, entry.mitigation])),
                  assessmentMitigations: Object.fromEntries(page.assessment.mitigations.filter((entry) => entry.mitigation).map((entry) => [entry.ground, entry.mitigation!])),
                }}
              />
            ) : (
              <div className="rounded border border-slate-300 bg-white p-4">
                <p className="mb-3 text-slate-700">{t("readOnly")}</p>
                <PlanDetails plan={plan} grounds={detention.grounds} />
              </div>
            )}
          </section>

          <section aria-labelledby="plan-bondspersons-title" className="space-y-3">
            <h2 id="plan-bondspersons-title" className="text-xl font-semibold">
              {t("bondspersonsHeading")}
            </h2>
            {permissions.edit &&
              plan.bondspersons.map((bondsperson) => (
                <div key={bondsperson.id}>
                  <BondspersonForm
                    detentionId={detention.id}
                    planVersion={plan.version}
                    mode="edit"
                    legend={t("bondspersonHeading", { name: bondsperson.name, relationship: bondsperson.relationship })}
                    values={{
                      id: bondsperson.id,
                      name: bondsperson.name,
                      relationship: bondsperson.relationship,
                      phone: bondsperson.phone ?? "",
                      email: bondsperson.email ?? "",
                      amount: bondsperson.amountCents !== null ? (bondsperson.amountCents / 100).toFixed(2) : "",
                      citizenOrPermanentResident: bondsperson.citizenOrPermanentResident,
                      residesInCanada: bondsperson.residesInCanada,
                      noGuaranteeInDefault: bondsperson.noGuaranteeInDefault,
                      confirmed: bondsperson.confirmed,
                    }}
                  />
                  <RemoveBondspersonButton detentionId={detention.id} planVersion={plan.version} bondspersonId={bondsperson.id} name={bondsperson.name} />
                </div>
              ))}
            {permissions.edit && (
              <BondspersonForm key={`new-${plan.version}`} detentionId={detention.id} planVersion={plan.version} mode="add" legend={t("addBondsperson")} values={EMPTY_BONDSPERSON} />
            )}
            {!permissions.edit && permissions.proposeBondsperson && (
              <>
                <p className="text-slate-700">{t("proposeIntro")}</p>
                <BondspersonForm detentionId={detention.id} planVersion={plan.version} mode="propose" legend={t("proposeBondsperson")} values={EMPTY_BONDSPERSON} />
              </>
            )}
          </section>

          <section aria-labelledby="plan-history-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="plan-history-title" className="mb-2 text-xl font-semibold">
              {t("historyHeading")}
            </h2>
            <div tabIndex={0} className="table-scroll">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("historyCaption")}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-1 text-left">{t("version")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("changedAt")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("changedBy")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.history.map((entry) => (
                    <tr key={entry.version} className="border-t border-slate-200">
                      <th scope="row" className="px-2 py-1 text-left font-medium">{entry.version}</th>
                      <td className="px-2 py-1">{formatDateTime(entry.changedAt, zone, locale)}</td>
                      <td className="px-2 py-1">{entry.changedBy.name}</td>
                      <td className="px-2 py-1">{describeChanges(entry.changes, (key, values) => labels(key, values), (key) => labels.has(key))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      )}
    </>
  );
});
