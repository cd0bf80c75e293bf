import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile, CaseOutcome, CaseReview } from "@/lib/case-file/queries";
import { conditionNames, type OutcomeConditions } from "@/lib/outcomes/rules";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { Fact } from "@/components/case/section";
import { EMPTY_OUTCOME_FORM, OutcomeForm, UndoOutcomeForm, type OutcomeFormValues } from "@/components/case/outcome-form";

/** The last review recorded, when it ordered release and the person is still detained: the form is pre-filled from it. */
export function releaseOrderedAt(caseFile: Pick<CaseFile, "status" | "reviewClock">): CaseReview | null {
  const last = caseFile.reviewClock.recorded.at(-1);
  return caseFile.status === "DETAINED" && last?.outcome === "RELEASE_ORDERED" ? last : null;
}

const cents = (amount: number | null) => (amount === null ? "" : (amount / 100).toFixed(2));

function formValuesOf(outcome: CaseOutcome, zone: string): OutcomeFormValues {
  const when = instantToWallClock(outcome.occurredAt, zone);
  const conditions = outcome.conditions;
  return {
    kind: outcome.kind,
    releaseType: outcome.releaseType ?? "",
    date: when.date,
    time: when.time,
    decidedBy: outcome.decidedBy,
    decisionMakerName: outcome.decisionMakerName ?? "",
    reason: outcome.reason ?? "",
    reportingMode: conditions?.reporting?.mode ?? "",
    reportingFrequency: conditions?.reporting?.frequency ?? "",
    residenceAddress: conditions?.residenceAddress ?? "",
    bondspersonName: conditions?.bondsperson?.name ?? "",
    bondAmount: cents(conditions?.bondsperson?.amountCents ?? null),
    cashDeposit: cents(conditions?.cashDepositCents ?? null),
    performanceBond: cents(conditions?.performanceBondCents ?? null),
    ccmsProgram: conditions?.ccms?.program ?? "",
    ccmsProvider: conditions?.ccms?.provider ?? "",
    curfew: conditions?.curfew ?? "",
    electronicMonitoring: conditions?.electronicMonitoring ?? false,
    otherConditions: conditions?.other ?? "",
  };
}

async function OutcomeFacts({ outcome, zone }: { outcome: CaseOutcome; zone: string }) {
  const t = await getTranslations("outcome");
  const tEnums = await getTranslations("outcomeEnums");
  const locale = (await getLocale()) as AppLocale;
  const money = (amount: number) => new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency: "CAD" }).format(amount / 100);
  const conditions = outcome.conditions;
  const describe = (name: string, conditions: OutcomeConditions): string => {
    switch (name) {
      case "reporting":
        return t("conditions.reporting", { mode: tEnums(`reportingMode.${conditions.reporting!.mode}`), frequency: tEnums(`reportingFrequency.${conditions.reporting!.frequency}`) });
      case "residence":
        return t("conditions.residence", { address: conditions.residenceAddress! });
      case "bondsperson":
        return t("conditions.bondsperson", { name: conditions.bondsperson!.name, amount: money(conditions.bondsperson!.amountCents) });
      case "cashDeposit":
        return t("conditions.cashDeposit", { amount: money(conditions.cashDepositCents!) });
      case "performanceBond":
        return t("conditions.performanceBond", { amount: money(conditions.performanceBondCents!) });
      case "ccms":
        return conditions.ccms!.program ? t("conditions.ccmsProgram", { program: conditions.ccms!.program, provider: conditions.ccms!.provider }) : t("conditions.ccms", { provider: conditions.ccms!.provider });
      case "curfew":
        return t("conditions.curfew", { curfew: conditions.curfew! });
      case "electronicMonitoring":
        return t("conditions.electronicMonitoring");
      default:
        return t("conditions.other", { text: conditions.other ?? "" });
    }
  };
  return (
    <dl>
      <Fact term={t("fields.kind")}>{outcome.releaseType ? tEnums(`releaseType.${outcome.releaseType}`) : tEnums(`kind.${outcome.kind}`)}</Fact>
      <Fact term={t("when")}>
        {formatDateTime(outcome.occurredAt, zone, locale)} <span className="text-slate-600">({zone})</span>
      </Fact>
      <Fact term={t("fields.decidedBy")}>
        {tEnums(`decidedBy.${outcome.decidedBy}`)}
        {outcome.decisionMakerName && <> ({outcome.decisionMakerName})</>}
      </Fact>
      {outcome.kind === "RELEASE" && (
        <Fact term={t("conditionsLegend")}>
          {conditions && conditionNames(conditions).length > 0 ? (
            <ul className="list-disc pl-5">
              {conditionNames(conditions).map((name) => (
                <li key={name} className="whitespace-pre-line">{describe(name, conditions)}</li>
              ))}
            </ul>
          ) : (
            t("noConditions")
          )}
        </Fact>
      )}
      {outcome.reason && <Fact term={t("fields.reason")}><span className="whitespace-pre-line">{outcome.reason}</span></Fact>}
      {outcome.kind === "RELEASE" && <Fact term={t("plan")}>{outcome.onPlan ? t("onPlan") : t("withoutPlan")}</Fact>}
      <Fact term={t("recorded")}>{t("recordedBy", { name: outcome.recordedBy.name, when: formatDateTime(outcome.recordedAt, zone, locale) })}</Fact>
    </dl>
  );
}

/**
 * How the detention ended (lib/outcomes): for a person still detained, the form to record it (collapsed; open and
 * pre-filled when the last review ordered release); once ended, the outcome in force with its conditions, for
 * supervisors the forms to correct or undo it, and the outcomes set aside before it.
 */
export async function OutcomeSection({ caseFile }: { caseFile: CaseFile }) {
  const t = await getTranslations("outcome");
  const tStatus = await getTranslations("detentionStatus");
  const locale = (await getLocale()) as AppLocale;
  const zone = caseFile.facility.timeZone;
  const { inForce, superseded } = caseFile.outcome;
  const { permissions } = caseFile;
  const ordered = releaseOrderedAt(caseFile);
  const orderedAt = ordered ? instantToWallClock(ordered.concludedOn ?? ordered.startedOn!, zone) : null;
  const prefill: OutcomeFormValues = orderedAt ? { ...EMPTY_OUTCOME_FORM, kind: "RELEASE", releaseType: "ID_ORDER_ON_CONDITIONS", date: orderedAt.date, time: orderedAt.time } : EMPTY_OUTCOME_FORM;

  return (
    <>
      <p className="mb-3">{t("status", { status: tStatus(caseFile.status) })}</p>
      {caseFile.status === "DETAINED" && !inForce && permissions.recordOutcome && (
        <details open={ordered !== null} className="rounded border border-slate-300 p-3">
          <summary className="cursor-pointer font-semibold text-brand-800">{t("recordSummary")}</summary>
          <div className="mt-3">
            {ordered && <p className="mb-3 rounded border-l-4 border-brand-700 bg-brand-50 p-2 text-sm">{t("prefilledFromReview")}</p>}
            <OutcomeForm detentionId={caseFile.id} detentionVersion={caseFile.version} zone={zone} values={prefill} />
          </div>
        </details>
      )}
      {caseFile.status === "DETAINED" && !inForce && !permissions.recordOutcome && <p className="text-sm text-slate-700">{t("noneYet")}</p>}
      {inForce && (
        <>
          <h3 className="mb-1 font-semibold">{t("inForceTitle")}</h3>
          <OutcomeFacts outcome={inForce} zone={zone} />
          {permissions.supersedeOutcome && (
            <div className="mt-3 space-y-2">
              <details className="rounded border border-slate-300 p-3">
                <summary className="cursor-pointer font-semibold text-brand-800">{t("correctSummary")}</summary>
                <div className="mt-3">
                  <OutcomeForm detentionId={caseFile.id} detentionVersion={caseFile.version} zone={zone} values={formValuesOf(inForce, zone)} correct={{ outcomeId: inForce.id, outcomeVersion: inForce.version }} />
                </div>
              </details>
              <details className="rounded border border-slate-300 p-3">
                <summary className="cursor-pointer font-semibold text-brand-800">{t("undoSummary")}</summary>
                <div className="mt-3">
                  <UndoOutcomeForm detentionId={caseFile.id} outcomeId={inForce.id} outcomeVersion={inForce.version} />
                </div>
              </details>
            </div>
          )}
        </>
      )}
      {superseded.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-brand-800 underline">{t("historySummary", { count: superseded.length })}</summary>
          <ol className="mt-2 space-y-3">
            {superseded.map((outcome) => (
              <li key={outcome.id} className="rounded border border-slate-200 p-2">
                <p className="text-sm font-medium">
                  {t(outcome.replacedById ? "correctedBy" : "undoneBy", { name: outcome.supersededBy?.name ?? "", when: formatDateTime(outcome.supersededAt!, zone, locale) })}
                </p>
                {outcome.supersedeReason && <p className="whitespace-pre-line text-sm">{t("supersedeReason", { reason: outcome.supersedeReason })}</p>}
                <OutcomeFacts outcome={outcome} zone={zone} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}
