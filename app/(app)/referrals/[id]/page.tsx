import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getReferral } from "@/lib/referrals/queries";
import { markReferralMessagesRead, recordReferralOpened } from "@/lib/referrals/reading";
import { nextStatuses } from "@/lib/referrals/rules";
import { formatDateTime, proseName } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { PacketView } from "@/components/referrals/packet-view";
import { AnswerForm } from "@/components/referrals/answer-form";
import { MessageForm } from "@/components/referrals/message-form";
import { WithdrawReferralForm } from "@/components/referrals/withdraw-referral-form";
import { StartReviewForm } from "@/components/referrals/start-review-form";
import { ReleaseNoticeLine } from "@/components/referrals/release-notice";
import { referralDocuments } from "@/lib/documents/queries";
import { DocumentTable } from "@/components/documents/document-table";
import { TeamSection } from "@/components/team/team-section";
import { getTeamThreadForReferral } from "@/lib/team/queries";
import { getOutsideReferralDetail } from "@/lib/outside-referrals/queries";
import { OutsideAnswerForm } from "@/components/outside-referrals/outside-answer-form";
import { ComplaintLink } from "@/components/complaints/complaint-link";
import { formatDate } from "@/lib/format";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referrals");
  return { title: t("detailTitle") };
}

// Always read afresh: a withdrawn consent must refuse the very next request.
export const dynamic = "force-dynamic";

export default withClientMessages(["caseTeam", "confirmDialog", "documents", "form", "outsideReferrals", "referralStatus", "referrals"], async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  // The read writes nothing; refused → not found.
  const referral = await getReferral(actor, id);
  if (!referral) notFound();
  // What reading it records, each by name: the provider's packet read is audited (reads of case information are),
  // and the other side's messages shown here become read. Neither changes the referral or its status.
  await recordReferralOpened(actor, referral.id);
  await markReferralMessagesRead(actor, referral.id);
  const t = await getTranslations("referrals");
  const tStatus = await getTranslations("referralStatus");
  const tPacket = await getTranslations("referralPacket");
  const errors = await getTranslations("referrals.errors");
  const locale = (await getLocale()) as AppLocale;
  const when = (date: Date) => formatDateTime(date, referral.timeZone, locale);
  const answers = nextStatuses(referral.status, referral.side);
  // A provider sees the documents the office shared with it, within the consent in force (the case team sees them on the case).
  const documents = referral.side === "PROVIDER" ? await referralDocuments(actor, referral.id) : null;
  const tDocuments = await getTranslations("documents");
  // A provider's caseworker joins the case team's thread here, while this referral is pending or accepted within consent.
  const teamThread = referral.side === "PROVIDER" ? await getTeamThreadForReferral(actor, referral.id) : null;
  // A referral to a program outside Liaison: its contact and the answer the office records on the program's behalf.
  const outside = referral.side === "CLO" ? await getOutsideReferralDetail(actor, referral.id) : null;
  const tOutside = await getTranslations("outsideReferrals");
  const title = referral.packet.identity ? proseName(referral.packet.identity) : t("identityNotShared");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/referrals" className="underline">{t("backToList")}</Link>
        {referral.caseInfo && (
          <>
            {" · "}
            <Link href={`/cases/${referral.caseInfo.detentionId}`} className="underline">{t("backToCase", { reference: referral.caseInfo.reference })}</Link>
          </>
        )}
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("detailHeading", { person: referral.caseInfo?.personName ?? title, provider: referral.providerName })}</h1>
      <dl className="mb-4 grid gap-x-4 text-sm md:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t("columns.status")}</dt>
        <dd>
          <strong>{tStatus(referral.status)}</strong>{referral.declineReason && <> — {t(`declineReasons.${referral.declineReason}`)}{referral.declineDetails ? `: ${referral.declineDetails}` : ""}</>}
          <ReleaseNoticeLine notice={referral.releaseNotice} status={referral.status} />
        </dd>
        <dt className="font-medium">{t("sentOn")}</dt>
        <dd>{referral.sentAt ? when(referral.sentAt) : t("notSent")}</dd>
        {referral.respondedAt && (
          <>
            <dt className="font-medium">{t("respondedAt")}</dt>
            <dd>{when(referral.respondedAt)}</dd>
          </>
        )}
        {referral.caseInfo && (
          <>
            <dt className="font-medium">{t("sentBy")}</dt>
            <dd>{referral.caseInfo.createdByName}</dd>
            <dt className="font-medium">{t("consentState")}</dt>
            <dd>{referral.caseInfo.consentWithdrawnAt ? <strong>{t("consentWithdrawnOn", { when: when(referral.caseInfo.consentWithdrawnAt) })}</strong> : t("consentInForce")}</dd>
          </>
        )}
      </dl>

      {outside && (
        <section aria-labelledby="outside-heading" className="mb-4 rounded border border-slate-300 bg-white p-4">
          <h2 id="outside-heading" className="mb-2 text-lg font-semibold">{tOutside("details")} <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">{tOutside("outsideBadge")}</span></h2>
          <dl className="mb-3 grid gap-x-4 text-sm md:grid-cols-[12rem_1fr]">
            <dt className="font-medium">{tOutside("contactName")}</dt>
            <dd>{outside.contactName}</dd>
            {outside.contactEmail && (
              <>
                <dt className="font-medium">{tOutside("contactEmail")}</dt>
                <dd>{outside.contactEmail}</dd>
              </>
            )}
            {outside.contactPhone && (
              <>
                <dt className="font-medium">{tOutside("contactPhone")}</dt>
                <dd>{outside.contactPhone}</dd>
              </>
            )}
            {outside.answeredOn && (
              <>
                <dt className="font-medium">{tOutside("answer.answeredOn")}</dt>
                <dd>{formatDate(new Date(`${outside.answeredOn}T12:00:00Z`), "UTC", locale)}</dd>
              </>
            )}
          </dl>
          {outside.answers.length > 0 && <OutsideAnswerForm referralId={referral.id} version={referral.version} answers={outside.answers} today={outside.today} documents={outside.documents} />}
        </section>
      )}

      <section aria-labelledby="packet-heading" className="mb-4 rounded border border-slate-300 bg-white p-4">
        <h2 id="packet-heading" className="mb-1 text-lg font-semibold">{t("packet")}</h2>
        <p className="mb-3 text-sm text-slate-700">
          {referral.side === "PROVIDER" ? t("packetIntroProvider") : t("packetIntroClo")}{" "}
          {referral.packetFields.length > 0 && t("packetFields", { fields: referral.packetFields.map((field) => tPacket(`fields.${field}`)).join(", ") })}
        </p>
        <PacketView packet={referral.packet} locale={locale} />
      </section>

      {documents && (
        <section aria-labelledby="documents-heading" className="mb-4 rounded border border-slate-300 bg-white p-4">
          <h2 id="documents-heading" className="mb-2 text-lg font-semibold">{tDocuments("title")}</h2>
          <DocumentTable documents={documents} zone={referral.timeZone} removable={false} />
        </section>
      )}

      {referral.side === "PROVIDER" && answers.includes("UNDER_REVIEW") && (
        <div className="mb-4">
          <StartReviewForm referralId={referral.id} version={referral.version} />
        </div>
      )}
      {referral.side === "PROVIDER" && answers.length > 0 && (
        <div className="mb-4">
          <AnswerForm referralId={referral.id} version={referral.version} answers={answers.filter((answer) => answer !== "UNDER_REVIEW")} />
        </div>
      )}
      {referral.side === "CLO" && answers.includes("WITHDRAWN") && (
        <div className="mb-4">
          <WithdrawReferralForm referralId={referral.id} version={referral.version} />
        </div>
      )}

      <section aria-labelledby="messages-heading" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="messages-heading" className="mb-2 text-lg font-semibold">{t("messages.title")}</h2>
        {referral.messages.length === 0 ? (
          <p className="text-sm text-slate-600">{t("messages.empty")}</p>
        ) : (
          <ol className="space-y-2">
            {referral.messages.map((message) => (
              <li key={message.id} className={`rounded border p-2 text-sm ${message.fromProvider ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}>
                <p className="font-medium">
                  {message.authorName} ({message.authorOrganization}) · {when(message.createdAt)}
                </p>
                <p className="whitespace-pre-line">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
        {referral.caseInfo?.consentWithdrawnAt ? <p className="mt-2 text-sm">{errors("messagesClosed")}</p> : <MessageForm referralId={referral.id} />}
      </section>

      {teamThread && (
        <div className="mt-4">
          <TeamSection thread={teamThread} />
        </div>
      )}
      {referral.side === "PROVIDER" && <ComplaintLink target={{ referral: referral.id }} />}
    </>
  );
});
