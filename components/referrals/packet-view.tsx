import { getTranslations } from "next-intl/server";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ReferralPacket } from "@/lib/referrals/packet";

/**
 * A referral packet as the provider sees it. The CLO's preview renders the same component from the same
 * snapshot, so what is previewed is what is shown. Only the parts present in the packet appear.
 */
export async function PacketView({ packet, locale, headingLevel = 3 }: { packet: ReferralPacket; locale: AppLocale; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("referralPacket");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const zone = (value: string | null | undefined) => value ?? "America/Toronto";
  const sections: { key: string; title: string; body: React.ReactNode }[] = [];
  const row = (label: string, value: React.ReactNode) => (
    <div key={label} className="grid gap-x-4 md:grid-cols-[14rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const none = <span className="text-slate-600">{t("notRecorded")}</span>;

  if (packet.identity) {
    sections.push({
      key: "identity",
      title: t("fields.IDENTITY"),
      body: (
        <dl>
          {row(t("givenName"), packet.identity.givenName)}
          {row(t("familyName"), packet.identity.familyName)}
          {row(t("dateOfBirth"), packet.identity.dateOfBirth ? formatCalendarDate(new Date(`${packet.identity.dateOfBirth}T00:00:00Z`), locale) : none)}
        </dl>
      ),
    });
  }
  if (packet.contactAndLanguage) {
    const { languages, interpreterNeeded, interpreterLanguage } = packet.contactAndLanguage;
    sections.push({
      key: "contact",
      title: t("fields.CONTACT_AND_LANGUAGE"),
      body: (
        <dl>
          {row(t("languages"), languages.length > 0 ? languages.join(", ") : none)}
          {interpreterNeeded !== null && row(t("interpreter"), interpreterNeeded ? t("interpreterNeeded", { language: interpreterLanguage ?? t("languageUnknown") }) : t("noInterpreter"))}
        </dl>
      ),
    });
  }
  if (packet.detentionFacts) {
    const facts = packet.detentionFacts;
    sections.push({
      key: "detention",
      title: t("fields.DETENTION_FACTS"),
      body: (
        <dl>
          {row(t("facility"), facts.facility)}
          {row(t("detainedAt"), formatDateTime(new Date(facts.detainedAt), zone(facts.timeZone), locale))}
          {row(t("groundsLabel"), facts.grounds.length > 0 ? facts.grounds.map((ground) => t(`grounds.${ground}`)).join("; ") : none)}
        </dl>
      ),
    });
  }
  if (packet.reviewDates) {
    const review = packet.reviewDates;
    sections.push({
      key: "review",
      title: t("fields.REVIEW_DATES"),
      body: (
        <dl>
          {row(
            t("nextReview"),
            review.nextReviewDueBy && review.nextReviewKind
              ? t("nextReviewDue", { kind: t(`reviewKinds.${review.nextReviewKind}`), due: formatDateTime(new Date(review.nextReviewDueBy), zone(review.timeZone), locale) })
              : t("noNextReview"),
          )}
        </dl>
      ),
    });
  }
  if (packet.vulnerabilities) {
    sections.push({
      key: "vulnerabilities",
      title: t("fields.VULNERABILITIES"),
      body: packet.vulnerabilities.length > 0 ? <ul className="list-disc pl-5">{packet.vulnerabilities.map((flag) => <li key={flag}>{t(`flags.${flag}`)}</li>)}</ul> : <p>{t("noneRecorded")}</p>,
    });
  }
  if (packet.healthDetails) {
    sections.push({
      key: "health",
      title: t("fields.HEALTH_DETAILS"),
      body: packet.healthDetails.length > 0 ? <dl>{packet.healthDetails.map((entry) => row(t(`flags.${entry.flag}`), entry.details))}</dl> : <p>{t("noneRecorded")}</p>,
    });
  }
  if (packet.needs) {
    sections.push({
      key: "needs",
      title: t("fields.NEEDS"),
      body: packet.needs.length > 0 ? <dl>{packet.needs.map((need) => row(t(`needs.${need.area}`), need.notes ?? none))}</dl> : <p>{t("noneRecorded")}</p>,
    });
  }
  if (packet.releasePlan) {
    const plan = packet.releasePlan;
    sections.push({
      key: "plan",
      title: t("fields.RELEASE_PLAN"),
      body: (
        <dl>
          {row(t("measuresLabel"), plan.measures.length > 0 ? plan.measures.map((measure) => t(`measures.${measure}`)).join("; ") : none)}
          {row(t("residence"), [plan.residenceAddress, plan.residenceDetails].filter(Boolean).join(" · ") || none)}
          {row(t("conditions"), plan.proposedConditions ?? none)}
        </dl>
      ),
    });
  }
  if (packet.riskOpinion) {
    sections.push({ key: "risk", title: t("fields.RISK_OPINION"), body: <p className="whitespace-pre-line">{packet.riskOpinion}</p> });
  }

  if (sections.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <div className="space-y-4 text-sm">
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`packet-${section.key}`}>
          <Heading id={`packet-${section.key}`} className="mb-1 font-semibold">{section.title}</Heading>
          {section.body}
        </section>
      ))}
    </div>
  );
}
