import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getPolicyPage } from "@/lib/policy/queries";
import { POLICY_KEYS, type PolicyKey } from "@/lib/policy/rules";
import { POLICY_TIME_ZONE } from "@/lib/policy/schema";
import { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import { isLocale } from "@/lib/i18n/locales";
import { localToday } from "@/lib/time/facility-clock";
import { SchedulePolicyForm, WithdrawPolicyForm } from "@/components/policy/policy-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policy");
  return { title: t("title") };
}

/**
 * The release-first policy: what is in force now, every version with who set it, when and why, and (for
 * administrators) a form per setting to schedule a change. Supervisors read it (policy.view).
 */
export default withClientMessages(["confirmDialog", "form", "policy"], async function PolicyPage() {
  const actor = await requireActor();
  const page = await getPolicyPage(actor);
  if (!page) notFound();
  const t = await getTranslations("policy");
  const tFlag = await getTranslations("caseEnums.flag");
  const locale = await getLocale();
  const when = (date: Date) => formatDateTime(date, POLICY_TIME_ZONE, isLocale(locale) ? locale : "en");
  const today = localToday(POLICY_TIME_ZONE, page.now);
  const shown = (key: PolicyKey, value: unknown): string => {
    if (key === "earlyAssessmentFlags") return Array.isArray(value) ? value.map((flag) => tFlag(String(flag))).join(", ") : "";
    return t(`settings.${key}.value`, { count: Number(value) });
  };

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="mb-6">
        <Link href="/reports/targets" className="text-brand-800 underline">
          {t("targetsLink")}
        </Link>
      </p>

      {POLICY_KEYS.map((key) => (
        <section key={key} aria-labelledby={`setting-${key}`} className="mb-6 rounded border border-slate-300 bg-white p-4">
          <h2 id={`setting-${key}`} className="text-lg font-semibold">
            {t(`settings.${key}.title`)}
          </h2>
          <p className="mb-1 max-w-3xl text-sm text-slate-700">{t(`settings.${key}.description`)}</p>
          <p>
            <span className="font-medium">{t("inForce")}</span> {shown(key, page.current[key])}
          </p>
          {page.mayManage && (
            <SchedulePolicyForm
              settingKey={key}
              today={today}
              flags={
                key === "earlyAssessmentFlags"
                  ? Object.values(VulnerabilityFlag).map((flag) => ({ value: flag, label: tFlag(flag), checked: page.current.earlyAssessmentFlags.includes(flag) }))
                  : undefined
              }
            />
          )}
        </section>
      ))}

      <h2 className="mb-2 text-xl font-semibold">{t("historyTitle")}</h2>
      {page.history.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("historyTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["setting", "value", "effectiveFrom", "state", "setBy", "reason"] as const).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-left font-semibold">
                    {t(`columns.${column}`)}
                  </th>
                ))}
                {page.mayManage && (
                  <th scope="col" className="px-3 py-2 text-left font-semibold">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.history.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {t(`settings.${entry.key}.title`)}
                  </th>
                  <td className="px-3 py-2">{shown(entry.key, entry.value)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{when(entry.effectiveFrom)}</td>
                  <td className="px-3 py-2">
                    {t(`states.${entry.state}`)}
                    {entry.withdrawnAt && entry.withdrawnBy && <> ({t("withdrawnBy", { name: entry.withdrawnBy, when: when(entry.withdrawnAt) })})</>}
                  </td>
                  <td className="px-3 py-2">{t("setBy", { name: entry.createdBy, when: when(entry.createdAt) })}</td>
                  <td className="px-3 py-2">{entry.reason}</td>
                  {page.mayManage && (
                    <td className="px-3 py-2">
                      {entry.state === "SCHEDULED" && <WithdrawPolicyForm versionId={entry.id} settingTitle={t(`settings.${entry.key}.title`)} effective={when(entry.effectiveFrom)} />}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
