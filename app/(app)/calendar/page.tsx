import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { currentFeed } from "@/lib/calendar/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { FeedForms } from "@/components/calendar/feed-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendarFeed");
  return { title: t("title") };
}

export default withClientMessages(["calendarFeed", "confirmDialog", "form"], async function CalendarPage() {
  const actor = await requireActor();
  if (!can(actor, "calendar.feed")) notFound();
  const feed = await currentFeed(actor);
  const t = await getTranslations("calendarFeed");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <div className="mb-4 rounded border border-slate-300 bg-white p-3">
        {feed ? (
          <>
            {/* No facility applies to a personal feed: its creation time is shown in Toronto time, with the zone named. */}
            <p>{t("current", { when: formatDateTime(feed.createdAt, "America/Toronto", locale) })}</p>
            <p>{feed.includeFullNames ? t("currentNames") : t("currentInitials")}</p>
          </>
        ) : (
          <p>{t("none")}</p>
        )}
      </div>
      <FeedForms hasFeed={feed !== null} />
    </>
  );
});
