import "server-only";
import { db, type Transaction } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { SaveNotificationPreferencesInput } from "@/lib/notifications/schema";
import type { EmailState, NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { effectiveChannel, initialEmailState, isEscalation, isTimeZone, kindsForRole, parseChosenChannels } from "@/lib/notifications/preferences-rules";
import { mailConfigured } from "@/lib/notifications/email/settings";

/**
 * Applies each recipient's preferences to notifications about to be written, in the writer's transaction: a kind
 * the user switched off is not written at all; the rest carry the e-mail decision (the outbox state), so the
 * decision commits or rolls back with the notification itself.
 */
type Reader = Pick<Transaction, "user">;

export async function routeByPreferences<Row extends { recipientId: string; kind: NotificationKind }>(
  tx: Reader,
  rows: readonly Row[],
  now: Date,
): Promise<(Row & { emailState: EmailState; emailNextAt: Date | null })[]> {
  if (rows.length === 0) return [];
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.recipientId))] } },
    select: { id: true, role: true, notificationSettings: { select: { channels: true } } },
  });
  const byId = new Map<string, { role: Role; chosen: ReturnType<typeof parseChosenChannels> }>(
    users.map((user) => [user.id, { role: user.role, chosen: parseChosenChannels(user.notificationSettings?.channels) }]),
  );
  const mail = mailConfigured();
  const routed: (Row & { emailState: EmailState; emailNextAt: Date | null })[] = [];
  for (const row of rows) {
    const user = byId.get(row.recipientId);
    if (!user) continue;
    const channel = effectiveChannel(user.role, row.kind, user.chosen);
    if (channel === "OFF") continue;
    const emailState = initialEmailState(channel, mail);
    routed.push({ ...row, emailState, emailNextAt: emailState === "PENDING" ? now : null });
  }
  return routed;
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
