"use client";

import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Marks one notification read; its label names the notification so a list of these buttons stays distinguishable. */
export function MarkReadForm({ notificationId, describedBy }: { notificationId: string; describedBy: string }) {
  const t = useTranslations("notifications");
  const form = useFormAction(markNotificationReadAction, { resetOnSuccess: false });
  return (
    <form {...form.formProps}>
      {form.result && !form.result.ok ? <FormFeedback result={form.result} idPrefix={`notification-${notificationId}`} /> : null}
      <input type="hidden" name="notificationId" value={notificationId} />
      <button type="submit" disabled={form.pending} aria-describedby={describedBy} className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100">
        {t("markRead")}
      </button>
    </form>
  );
}

/** Stays mounted when nothing is left unread, so its confirmation stays on screen after the list re-renders. */
export function MarkAllReadForm({ hasUnread }: { hasUnread: boolean }) {
  const t = useTranslations("notifications");
  const form = useFormAction(markAllNotificationsReadAction, { resetOnSuccess: false });
  return (
    <form {...form.formProps}>
      <FormFeedback result={form.result} idPrefix="notifications-all" />
      {hasUnread ? (
        <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
          {t("markAllRead")}
        </button>
      ) : null}
    </form>
  );
}
