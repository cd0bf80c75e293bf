"use server";

import { done, serverAction } from "@/lib/server-action";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "@/lib/notifications/schema";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";

/** The user's own notifications only (lib/notifications/mutations.ts scopes by recipient). */
export const markNotificationReadAction = serverAction({
  input: markNotificationReadSchema,
  run: markNotificationRead,
  succeeded: () => done([["/", "layout"]], "notifications", "markedRead"),
});

export const markAllNotificationsReadAction = serverAction({
  input: markAllNotificationsReadSchema,
  run: markAllNotificationsRead,
  succeeded: () => done([["/", "layout"]], "notifications", "markedAllRead"),
});
