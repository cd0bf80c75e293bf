import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { getPlanPage } from "@/lib/release-plans/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ReadinessChecklist } from "@/components/plans/readiness-checklist";
import { PlanDetails } from "@/components/plans/plan-details";

/** The case page's release plan section: status, readiness, the plan's substance and who changed it last. */
export async function PlanSection({ actor, detentionId }: { actor: Actor; detentionId: string }) {
  const page = await getPlanPage(actor, detentionId);
  if (!page) return null;
  const t = await getTranslations("planSection");
  const tStatus = await getTranslations("planStatus");
  const locale = (await getLocale()) as AppLocale;
  const { plan, readiness, detention } = page;
  const zone = detention.facility.timeZone;
  const last = page.history[0];
  return (
    <section aria-labelledby="plan-section-title" className="rounded border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="plan-section-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <div className="flex flex-wrap gap-3">
          {(plan || page.permissions.edit) && (
            <Link href={`/cases/${detentionId}/plan`} className="font-medium text-brand-700 underline">
              {!plan ? t("start") : page.permissions.edit ? t("edit") : t("view")}
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
          <PlanDetails plan={plan} grounds={detention.grounds} />
          {last && <p className="text-sm text-slate-700">{t("lastChanged", { version: last.version, name: last.changedBy.name, at: formatDateTime(last.changedAt, zone, locale) })}</p>}
        </div>
      )}
    </section>
  );
}
