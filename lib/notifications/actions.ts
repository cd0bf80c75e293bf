"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { markAllNotificationsReadSchema, markNotificationReadSchema, saveNotificationPreferencesSchema } from "@/lib/notifications/schema";
import { saveNotificationPreferences } from "@/lib/notifications/preferences/mutations";
import { ESCALATION_KINDS } from "@/lib/notifications/preferences-rules";
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

/** The user's own preferences only (lib/notifications/preferences/mutations.ts); an escalation switched off is refused. */
export const saveNotificationPreferencesAction = serverAction({
  input: saveNotificationPreferencesSchema,
  run: saveNotificationPreferences,
  refused: (refusal, input) => {
    if (refusal.reason === "ESCALATION_REQUIRED") {
      return fieldErrors(ESCALATION_KINDS.filter((kind) => input.channels[kind] === "OFF").map((kind) => ({ field: `channel_${kind}`, key: "escalationCannotBeOff" })));
    }
    if (refusal.reason === "TIME_ZONE_UNKNOWN") return fieldErrors([{ field: "timeZone", key: "timeZoneUnknown" }]);
    return null;
  },
  succeeded: () => done(["/account/notifications"], "notificationPreferences", "saved"),
});
