import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFilePlan } from "@/lib/case-file/queries";
import type { DetentionGround } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ReadinessChecklist } from "@/components/plans/readiness-checklist";
import { PlanDetails } from "@/components/plans/plan-details";

/**
 * The case page's release plan section: status, readiness (computed once by the case file's read model), the plan's
 * substance and who changed it last. Renders nothing for a viewer who may not read the plan.
 */
export async function PlanSection({
  detentionId,
  zone,
  grounds,
  slice,
  editable,
}: {
  detentionId: string;
  zone: string;
  grounds: DetentionGround[];
  slice: CaseFilePlan | null;
  editable: boolean;
}) {
  if (!slice) return null;
  const t = await getTranslations("planSection");
  const tStatus = await getTranslations("planStatus");
  const locale = (await getLocale()) as AppLocale;
  const { view: plan, readiness } = slice;
  const last = slice.lastChange;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="flex flex-wrap gap-3">
          {(plan || editable) && (
            <Link href={`/cases/${detentionId}/plan`} className="font-medium text-brand-700 underline">
              {!plan ? t("start") : editable ? t("edit") : t("view")}
            </Link>
          )}
          {plan && (
            <Link href={`/cases/${detentionId}/plan/print`} className="font-medium text-brand-700 underline">
              {t("print")}
            </Link>
          )}
        </div>
      </div>
      {!plan || !readiness ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-2 space-y-3">
          <p>
            <span className="font-medium">{t("status")}: </span>
            {t("statusSince", { status: tStatus(plan.status), at: formatDateTime(plan.statusChangedAt, zone, locale) })}
          </p>
          <ReadinessChecklist readiness={readiness} id="plan-section-readiness" />
          <PlanDetails plan={plan} grounds={grounds} />
          {last && <p className="text-sm text-slate-700">{t("lastChanged", { version: last.version, name: last.changedBy.name, at: formatDateTime(last.changedAt, zone, locale) })}</p>}
        </div>
      )}
    </>
  );
}
