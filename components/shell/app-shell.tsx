import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, homePath, type Actor } from "@/lib/authz";
import { mayOpenOwnProvider } from "@/lib/authz/providers";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { ReviewNotice } from "@/components/reviews/review-notice";
import { NotificationBell } from "@/components/shell/notification-bell";
import { MainMenu, type MenuItem } from "@/components/shell/main-menu";
import { AccountMenu } from "@/components/shell/account-menu";
import { SearchBox } from "@/components/shell/search-box";
import { ActionStatusProvider } from "@/components/ui/action-status";
import { unreadNotificationCount } from "@/lib/notifications/queries";

async function navigationFor(actor: Actor): Promise<MenuItem[]> {
  const t = await getTranslations("nav");
  const items: MenuItem[] = [];
  if (can(actor, "detentions.list")) items.push({ href: "/cases", label: t("cases") });
  if (can(actor, "clients.list")) items.push({ href: "/clients", label: t("clients") });
  if (can(actor, "tasks.mine")) items.push({ href: "/tasks", label: t("tasks") });
  if (can(actor, "reviews.dashboard")) items.push({ href: "/reviews", label: t("reviews") });
  if (can(actor, "referrals.inbox") || can(actor, "referrals.compose")) items.push({ href: "/referrals", label: t("referrals") });
  if (can(actor, "providers.view")) items.push({ href: "/providers", label: t("providers") });
  // A caseworker's own organisation in the directory, one click away: its open spaces change often.
  if (mayOpenOwnProvider(actor)) items.push({ href: "/providers/mine", label: (await getTranslations("providers.mine"))("menu") });
  if (can(actor, "outreach.manage")) items.push({ href: "/outreach", label: t("outreach") });
  if (can(actor, "calendar.feed")) items.push({ href: "/calendar", label: t("calendar") });
  if (can(actor, "complaints.file") || can(actor, "complaints.handle")) items.push({ href: "/complaints", label: (await getTranslations("complaints"))("title") });
  if (can(actor, "users.manage")) items.push({ href: "/admin/users", label: t("users") });
  if (can(actor, "organizations.manage")) items.push({ href: "/admin/organizations", label: t("organizations") });
  if (can(actor, "jobs.view")) items.push({ href: "/admin/jobs", label: t("jobs") });
  if (can(actor, "reports.view")) items.push({ href: "/reports", label: t("reports") });
  if (can(actor, "policy.view")) items.push({ href: "/policy", label: t("policy") });
  if (can(actor, "audit.view")) items.push({ href: "/audit", label: t("audit") });
  return items;
}

/** The signed-in frame: banner with the user, their role and organisation; navigation; the main landmark. */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const t = await getTranslations("shell");
  const roles = await getTranslations("roles");
  const items = await navigationFor(actor);
  const notifications = await getTranslations("notifications");
  const unread = await unreadNotificationCount(actor);
  return (
    <>
      <header className="bg-brand-800 text-white no-print">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={homePath(actor.role)} className="text-lg font-bold tracking-tight">
            {t("appName")}
          </Link>
          {/* On a phone: the name, the bell and the account button on the first row, the search box on the next. */}
          <div className="max-md:order-2 max-md:w-full">
            <SearchBox actor={actor} />
          </div>
          <AccountMenu
            label={t("account")}
            beside={
              <NotificationBell
                initialUnread={unread}
                // Templates the bell fills in as the count changes: "{count}" is passed through as itself (the messages are
                // precompiled, so a missing argument would read "undefined").
                labels={{ title: notifications("bell"), unreadOne: notifications("unreadOne", { count: "{count}" }), unreadOther: notifications("unreadOther", { count: "{count}" }) }}
              />
            }
          >
            <p>
              <span className="font-semibold">{actor.name}</span>
              <span aria-hidden="true"> · </span>
              <span>{roles(actor.role)}</span>
              <span aria-hidden="true"> · </span>
              <span>{actor.organizationName}</span>
            </p>
            <LocaleSwitcher />
            <Link href="/account/notifications" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
              {t("notificationPreferences")}
            </Link>
            <Link href="/account/password" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
              {t("changePassword")}
            </Link>
            <Link href="/sign-out" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
              {t("signOut")}
            </Link>
          </AccountMenu>
        </div>
        <MainMenu items={items} label={t("mainNavigation")} toggleLabel={t("menu")} />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
        {/* Reviews overdue or due soon among the user's cases, on every signed-in page. */}
        <ReviewNotice actor={actor} />
        {/* Result messages last until the next action, and outlive a form that the change removed. */}
        <ActionStatusProvider>{children}</ActionStatusProvider>
      </main>
    </>
  );
}
