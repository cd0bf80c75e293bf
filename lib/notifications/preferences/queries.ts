import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { mailConfigured } from "@/lib/notifications/email/settings";
import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_TIME_ZONE,
  channelsOffered,
  defaultChannel,
  effectiveChannel,
  isEscalation,
  isTimeZone,
  kindsForRole,
  parseChosenChannels,
} from "@/lib/notifications/preferences-rules";

/** A user's own notification preferences: nobody reads or changes another's. */

export type NotificationPreferencesView = {
  version: number;
  digestHour: number;
  timeZone: string;
  mailConfigured: boolean;
  kinds: { kind: NotificationKind; channel: NotificationChannel; defaultChannel: NotificationChannel; offered: readonly NotificationChannel[]; escalation: boolean }[];
};

export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferencesView> {
  const settings = await db().notificationSettings.findUnique({ where: { userId: actor.userId }, select: { channels: true, digestHour: true, timeZone: true, version: true } });
  const chosen = parseChosenChannels(settings?.channels);
  return {
    version: settings?.version ?? 0,
    digestHour: settings?.digestHour ?? DEFAULT_DIGEST_HOUR,
    timeZone: settings && isTimeZone(settings.timeZone) ? settings.timeZone : DEFAULT_TIME_ZONE,
    mailConfigured: mailConfigured(),
    kinds: kindsForRole(actor.role).map((kind) => ({
      kind,
      channel: effectiveChannel(actor.role, kind, chosen),
      defaultChannel: defaultChannel(actor.role, kind),
      offered: channelsOffered(kind),
      escalation: isEscalation(kind),
    })),
  };
}

