import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { pageSchema } from "@/lib/pagination";
import { formatDateTime } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { MarkAllReadForm, MarkReadForm } from "@/components/notifications/notification-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The notification centre: the user's own notifications, newest first, unread ones marked in words as well as weight. */
export default withClientMessages(["form", "notifications"], async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const result = await listNotifications(actor, page);
  const t = await getTranslations("notifications");
  const tStatus = await getTranslations("referralStatus");
  const locale = (await getLocale()) as AppLocale;

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro", { days: 90 })}</p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <p role="status">{t("unreadSummary", { count: result.unread })}</p>
        <MarkAllReadForm hasUnread={result.unread > 0} />
      </div>
      {result.rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white" aria-label={t("listLabel")}>
          {result.rows.map((row) => {
            const status = typeof row.params.status === "string" ? tStatus(row.params.status) : "";
            const sentence = t(`kind.${row.kind}`, { reference: row.reference ?? "none", status });
            const textId = `notification-${row.id}-text`;
            return (
              <li key={row.id} className={`flex flex-wrap items-start justify-between gap-3 p-3 ${row.read ? "" : "bg-amber-50"}`}>
                <div>
                  <p id={textId} className={row.read ? "" : "font-semibold"}>
                    {row.read ? null : <span className="mr-2 rounded bg-amber-200 px-1.5 text-xs font-bold uppercase">{t("unreadBadge")}</span>}
                    <a href={`/notifications/${row.id}/open`} className="underline">
                      {sentence}
                    </a>
                  </p>
                  <p className="text-sm text-slate-700">
                    <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, result.timeZone, locale)}</time>
                  </p>
                </div>
                {row.read ? null : <MarkReadForm notificationId={row.id} describedBy={textId} />}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(target) => `/notifications?page=${target}`} />
    </>
  );
});
