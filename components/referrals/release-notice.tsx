import { getLocale, getTranslations } from "next-intl/server";
import type { ReleaseNotice } from "@/lib/referrals/inbox-queries";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * On a referral, once the person is no longer detained: that they were released (or are no longer detained) and
 * the date, in the facility's zone; for an accepted referral, that intake is expected. Nothing else of the case.
 */
export async function ReleaseNoticeLine({ notice, status, className = "" }: { notice: ReleaseNotice | null; status: ReferralStatus; className?: string }) {
  if (!notice) return null;
  const t = await getTranslations("referralRelease");
  const locale = (await getLocale()) as AppLocale;
  const date = notice.on ? formatDate(notice.on, notice.timeZone, locale) : null;
  const text = notice.released ? (date ? t("released", { date }) : t("releasedUndated")) : date ? t("ended", { date }) : t("endedUndated");
  return (
    <p className={`text-sm ${className}`}>
      <strong>{text}</strong>
      {status === "ACCEPTED" && <> {t("intakeExpected")}</>}
    </p>
  );
}
