import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listComplaints } from "@/lib/complaints/queries";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ComplaintTable } from "@/components/complaints/complaint-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("title") };
}

/**
 * Complaints: the ones the viewer filed; for a supervisor, the office's queue (overdue first); for an officer a
 * complaint names, only the summaries a supervisor shared with them (and nothing at all before that).
 */
export default async function ComplaintsPage() {
  const actor = await requireActor();
  const handles = can(actor, "complaints.handle");
  if (!can(actor, "complaints.file") && !handles) notFound();
  const lists = await listComplaints(actor);
  const t = await getTranslations("complaints");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="mb-6 flex flex-wrap gap-4">
        <Link href="/complaints/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("newLink")}</Link>
        {handles && <Link href="/complaints/report" className="self-center text-brand-800 underline">{t("reportLink")}</Link>}
      </p>
      {lists.queue && (
        <section aria-labelledby="complaints-queue" className="mb-8">
          <h2 id="complaints-queue" className="mb-2 text-xl font-semibold">{t("queueTitle", { office: actor.organizationName })}</h2>
          <ComplaintTable rows={lists.queue} caption={t("queueCaption")} empty={t("queueEmpty")} showOffice={false} />
        </section>
      )}
      <section aria-labelledby="complaints-filed" className="mb-8">
        <h2 id="complaints-filed" className="mb-2 text-xl font-semibold">{t("filedTitle")}</h2>
        <ComplaintTable rows={lists.filed} caption={t("filedCaption")} empty={t("filedEmpty")} showOffice />
      </section>
      {lists.shared.length > 0 && (
        <section aria-labelledby="complaints-shared" className="mb-8">
          <h2 id="complaints-shared" className="mb-2 text-xl font-semibold">{t("sharedTitle")}</h2>
          <ul className="list-disc pl-6">
            {lists.shared.map((row) => (
              <li key={row.id}>
                <Link href={`/complaints/${row.id}`} className="text-brand-800 underline">{row.reference}</Link> — {t("sharedOn", { date: formatDate(row.sharedAt, row.timeZone, locale) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
