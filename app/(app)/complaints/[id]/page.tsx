import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getComplaint } from "@/lib/complaints/queries";
import { auditActionLabelKey, isAuditAction } from "@/lib/audit/events";
import { formatDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ComplaintStepButton, RespondComplaintForm, ReviewComplaintForm, ShareComplaintForm } from "@/components/complaints/complaint-steps";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("detail.title") };
}

/**
 * One complaint: in full for the office's supervisors, who handle it; its filer's part for the filer (status and
 * response, never the investigation's notes); for the officer it names, only the summary shared with them.
 */
export default withClientMessages(["complaints", "form"], async function ComplaintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const complaint = await getComplaint(actor, id);
  if (!complaint) notFound();
  const query = await searchParams;
  const filed = query.filed === "1";
  // What the step just taken did (its action sends the browser back here): only the known steps are words.
  const done = ["review", "respond", "close", "withdraw", "share"].find((step) => step === query.done);
  const t = await getTranslations("complaints");
  const tAudit = await getTranslations("auditAction");
  const locale = (await getLocale()) as AppLocale;
  const at = (date: Date) => formatDateTime(date, complaint.timeZone, locale);
  const dt = "font-semibold";

  if (complaint.view === "SUBJECT") {
    return (
      <>
        <p className="mb-2 text-sm"><Link href="/complaints" className="underline">{t("back")}</Link></p>
        <h1 className="mb-1 text-2xl font-bold">{t("detail.heading", { reference: complaint.reference })}</h1>
        <p className="mb-4 max-w-3xl text-slate-700">{t("detail.subjectIntro", { date: formatDate(complaint.sharedAt, complaint.timeZone, locale) })}</p>
        <section aria-labelledby="complaint-summary" className="max-w-3xl rounded border border-slate-300 bg-white p-4">
          <h2 id="complaint-summary" className="mb-2 text-lg font-semibold">{t("detail.summary")}</h2>
          <p className="whitespace-pre-wrap">{complaint.summary}</p>
        </section>
      </>
    );
  }

  const office = complaint.office;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/complaints" className="underline">{t("back")}</Link></p>
      <h1 className="mb-1 text-2xl font-bold">{t("detail.heading", { reference: complaint.reference })}</h1>
      {done && (
        <p role="status" className="mb-4 max-w-3xl rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t(`done.${done}`)}</p>
      )}
      {filed && (
        <p role="status" className="mb-4 max-w-3xl rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {t("detail.acknowledged", { reference: complaint.reference, due: formatDate(complaint.responseDueAt, complaint.timeZone, locale) })}
        </p>
      )}
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 md:grid-cols-2">
        <div><dt className={dt}>{t("detail.status")}</dt><dd>{t(`status.${complaint.status}`)}{complaint.outcome && <> ({t(`outcome.${complaint.outcome}`)})</>}{complaint.overdue && <strong className="ml-2 rounded bg-red-100 px-1 text-red-900">{t("overdue")}</strong>}</dd></div>
        <div><dt className={dt}>{t("detail.office")}</dt><dd>{complaint.officeName}</dd></div>
        <div>
          <dt className={dt}>{t("detail.about")}</dt>
          <dd>
            {complaint.about.kind === "CASE" && <Link href={`/cases/${complaint.about.detentionId}`} className="text-brand-800 underline">{t("detail.aboutCase", { reference: complaint.about.reference })}</Link>}
            {complaint.about.kind === "REFERRAL" && <Link href={`/referrals/${complaint.about.referralId}`} className="text-brand-800 underline">{t("detail.aboutReferral")}</Link>}
            {complaint.about.kind === "SERVICE" && t("detail.aboutService")}
          </dd>
        </div>
        <div><dt className={dt}>{t("detail.category")}</dt><dd>{t(`category.${complaint.category}`)}</dd></div>
        <div><dt className={dt}>{t("detail.onBehalfOf")}</dt><dd>{t(`onBehalfOf.${complaint.onBehalfOf}`)}</dd></div>
        <div><dt className={dt}>{t("detail.filed")}</dt><dd>{at(complaint.filedAt)}</dd></div>
        <div><dt className={dt}>{t("detail.due")}</dt><dd>{formatDate(complaint.responseDueAt, complaint.timeZone, locale)}</dd></div>
        {office && <div><dt className={dt}>{t("detail.complainant")}</dt><dd>{t("detail.complainantValue", { name: office.complainant.name, organization: office.complainant.organizationName })}</dd></div>}
        {office && <div><dt className={dt}>{t("detail.handler")}</dt><dd>{office.handler?.name ?? t("detail.noHandler")}</dd></div>}
        {office && <div><dt className={dt}>{t("detail.subject")}</dt><dd>{office.subjectName ?? t("detail.noSubject")}</dd></div>}
      </dl>

      <section aria-labelledby="complaint-text" className="mb-6 max-w-3xl">
        <h2 id="complaint-text" className="mb-1 text-lg font-semibold">{t("detail.description")}</h2>
        <p className="mb-4 whitespace-pre-wrap">{complaint.description}</p>
        <h2 className="mb-1 text-lg font-semibold">{t("detail.remedySought")}</h2>
        <p className="whitespace-pre-wrap">{complaint.remedySought}</p>
      </section>

      <section aria-labelledby="complaint-response" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
        <h2 id="complaint-response" className="mb-1 text-lg font-semibold">{t("detail.response")}</h2>
        {complaint.response ? (
          <>
            <p className="mb-2 text-sm text-slate-700">{t("detail.respondedOn", { date: at(complaint.respondedAt!) })}</p>
            <p className="whitespace-pre-wrap">{complaint.response}</p>
          </>
        ) : (
          <p className="text-slate-700">{t("detail.noResponse", { due: formatDate(complaint.responseDueAt, complaint.timeZone, locale) })}</p>
        )}
      </section>

      {office && (
        <>
          {office.investigationNotes && (
            <section aria-labelledby="complaint-notes" className="mb-6 max-w-3xl">
              <h2 id="complaint-notes" className="mb-1 text-lg font-semibold">{t("detail.notes")}</h2>
              <p className="whitespace-pre-wrap">{office.investigationNotes}</p>
            </section>
          )}
          {office.subjectSharedAt && (
            <section aria-labelledby="complaint-shared" className="mb-6 max-w-3xl">
              <h2 id="complaint-shared" className="mb-1 text-lg font-semibold">{t("detail.sharedSummary")}</h2>
              <p className="mb-1 text-sm text-slate-700">{t("detail.sharedOn", { date: at(office.subjectSharedAt) })}</p>
              <p className="whitespace-pre-wrap">{office.subjectSummary}</p>
            </section>
          )}
          <div className="mb-6 grid max-w-3xl gap-4">
            {complaint.steps.includes("review") && <ReviewComplaintForm complaintId={complaint.id} version={complaint.version} supervisors={office.supervisors} handlerId={office.handler?.id ?? null} notes={office.investigationNotes} me={actor.userId} />}
            {complaint.steps.includes("respond") && <RespondComplaintForm complaintId={complaint.id} version={complaint.version} />}
            {complaint.steps.includes("close") && <ComplaintStepButton complaintId={complaint.id} version={complaint.version} step="close" />}
            {complaint.steps.includes("share") && office.subjectName && <ShareComplaintForm complaintId={complaint.id} version={complaint.version} summary={office.subjectSummary} subjectName={office.subjectName} />}
          </div>
          <section aria-labelledby="complaint-history" className="max-w-3xl">
            <h2 id="complaint-history" className="mb-1 text-lg font-semibold">{t("detail.history")}</h2>
            <ol className="list-decimal pl-6 text-sm">
              {office.history.map((event, index) => (
                <li key={index}>{t("detail.historyItem", { at: at(event.at), what: isAuditAction(event.action) ? tAudit(auditActionLabelKey(event.action)) : event.action, who: event.actorName ?? "—" })}</li>
              ))}
            </ol>
          </section>
        </>
      )}
      {complaint.steps.includes("withdraw") && (
        <div className="max-w-3xl"><ComplaintStepButton complaintId={complaint.id} version={complaint.version} step="withdraw" /></div>
      )}
    </>
  );
});
