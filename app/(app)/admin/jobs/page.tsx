import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { jobRunnerHealth } from "@/lib/jobs/queries";
import { formatDateTime } from "@/lib/format";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.jobs");
  return { title: t("title") };
}

/** Administrators only (jobs.view, checked by lib/jobs/queries.ts): counts and times, nothing personal. */
export default async function JobsPage() {
  const actor = await requireActor();
  const health = await jobRunnerHealth(actor);
  if (!health) notFound();
  const t = await getTranslations("admin.jobs");
  const locale = await getLocale();
  const when = (date: Date | null) => (date ? formatDateTime(date, health.timeZone, isLocale(locale) ? locale : "en") : t("never"));
  const columns = ["queued", "active", "completed", "failed", "retried"] as const;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl text-slate-700">{t("intro")}</p>
      {health.started ? (
        <div tabIndex={0} className="mb-6 table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("queue")}</th>
                {columns.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-right font-semibold">
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {health.queues.map((queue) => (
                <tr key={queue.name} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-mono font-medium">{queue.name}</th>
                  {columns.map((column) => (
                    <td key={column} className="px-3 py-2 text-right">
                      {queue[column]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mb-6 rounded border-l-4 border-amber-600 bg-amber-50 p-3">{t("notStarted")}</p>
      )}
      <dl className="mb-6 grid max-w-2xl grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t("lastReminders")}</dt>
        <dd>{when(health.lastRemindersRun)}</dd>
      </dl>
      <h2 className="mb-2 text-xl font-semibold">{t("mailHeading")}</h2>
      {!health.mail.configured && <p className="mb-2 text-slate-700">{t("mailOff")}</p>}
      <dl className="grid max-w-2xl grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t("mailPending")}</dt>
        <dd>{health.mail.pending}</dd>
        <dt>{t("mailRetrying")}</dt>
        <dd>{health.mail.retrying}</dd>
        <dt>{t("mailFailed")}</dt>
        <dd>{health.mail.failed}</dd>
        <dt>{t("digestWaiting")}</dt>
        <dd>{health.mail.digestWaiting}</dd>
      </dl>
    </>
  );
}
