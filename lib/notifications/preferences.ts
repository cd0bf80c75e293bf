import "server-only";
import type { Transaction } from "@/lib/db";
import type { EmailState, NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { effectiveChannel, initialEmailState, parseChosenChannels } from "@/lib/notifications/preferences-rules";
import { mailConfigured } from "@/lib/notifications/mailer";

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
