import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/mutations";
import { mailConfigured } from "@/lib/notifications/mailer";
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
import type { SaveNotificationPreferencesInput } from "@/lib/notifications/schema";

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

export type SavePreferencesResult = { ok: true } | { ok: false; reason: "ESCALATION_REQUIRED" | "TIME_ZONE_UNKNOWN" | "STALE_VERSION" };

/**
 * Saves the actor's own preferences, version-checked (0: none saved yet). Only the kinds the actor's role can
 * receive are kept. An escalation switched off is refused, whoever calls: the data layer owns the rule.
 */
export async function saveNotificationPreferences(actor: Actor, input: SaveNotificationPreferencesInput): Promise<SavePreferencesResult> {
  const offered = kindsForRole(actor.role);
  if (Object.entries(input.channels).some(([kind, channel]) => channel === "OFF" && isEscalation(kind as NotificationKind))) return { ok: false, reason: "ESCALATION_REQUIRED" };
  if (!isTimeZone(input.timeZone)) return { ok: false, reason: "TIME_ZONE_UNKNOWN" };
  const channels = Object.fromEntries(Object.entries(input.channels).filter(([kind]) => offered.includes(kind as NotificationKind)));
  return db().$transaction(async (tx) => {
    if (input.version === 0) {
      const created = await tx.notificationSettings.createMany({ data: [{ userId: actor.userId, channels, digestHour: input.digestHour, timeZone: input.timeZone }], skipDuplicates: true });
      if (created.count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    } else {
      const updated = await tx.notificationSettings.updateMany({
        where: { userId: actor.userId, version: input.version },
        data: { channels, digestHour: input.digestHour, timeZone: input.timeZone, version: { increment: 1 } },
      });
      if (updated.count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    }
    await recordAudit(tx, actor, {
      action: "user.notificationPreferences",
      entityType: "User",
      entityId: actor.userId,
      metadata: { channels, digestHour: input.digestHour, timeZone: input.timeZone },
    });
    return { ok: true } as const;
  });
}
