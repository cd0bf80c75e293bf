import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getNotificationPreferences } from "@/lib/notifications/preferences/queries";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notificationPreferences");
  return { title: t("title") };
}

/** Every signed-in user, whatever their role, sets their own notification preferences (and only their own). */
export default withClientMessages(["form", "notificationPreferences"], async function NotificationPreferencesPage() {
  const actor = await requireActor();
  const t = await getTranslations("notificationPreferences");
  const preferences = await getNotificationPreferences(actor);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-2xl text-slate-700">{t("intro")}</p>
      {!preferences.mailConfigured && <p className="mb-4 max-w-2xl rounded border-l-4 border-slate-500 bg-slate-50 p-3 text-slate-800">{t("mailOff")}</p>}
      <NotificationPreferencesForm version={preferences.version} digestHour={preferences.digestHour} timeZone={preferences.timeZone} rows={preferences.kinds} />
    </>
  );
});
