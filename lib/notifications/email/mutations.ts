import "server-only";
import { db } from "@/lib/db";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { digestEmail, notificationEmail } from "@/lib/notifications/email/content";
import { smtpMailer, type Mailer } from "@/lib/notifications/email/mailer";
import { mailConfigured, mailErrorCode, mailOrigin } from "@/lib/notifications/email/settings";
import { DEFAULT_DIGEST_HOUR, DEFAULT_TIME_ZONE, digestDue, isTimeZone } from "@/lib/notifications/preferences-rules";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

/**
 * The e-mail outbox's delivery (run by lib/jobs/runner.ts: nudged right after a notification to e-mail is written,
 * and swept every minute). A worker claims a batch of pending e-mails with SELECT … FOR UPDATE SKIP LOCKED, moving
 * each one's next attempt past a lease before sending: another worker running at the same moment skips them, so an
 * e-mail is sent once. A worker that dies mid-send leaves its claim to expire, and the e-mail is tried again after
 * the lease. A failed send is tried again later, up to EMAIL_MAX_ATTEMPTS, then marked FAILED; it is logged as a
 * code, never with the address or the server's reply.
 */
export const EMAIL_MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const DIGEST_CLAIM_STALE_MS = 10 * 60_000;

/** Minutes before the next try after a failed attempt: 1, 5, 15, 60. */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 60];
  return (minutes[Math.min(Math.max(attempts, 1), minutes.length) - 1] ?? 60) * 60_000;
}

function logMailError(kind: "send" | "digest", error: unknown) {
  console.error(`[mail] ${kind} failed code=${mailErrorCode(error)}`);
}

export type DeliveryCounts = { sent: number; retried: number; failed: number };

/** Sends every pending e-mail due by `now`. */
export async function deliverPendingEmails(now = new Date(), mailer?: Mailer): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  if (!mailer && !mailConfigured()) return counts;
  const send = mailer ?? smtpMailer();
  const origin = mailOrigin();
  for (;;) {
    const claimed = await db().$queryRaw<{ id: string; emailAttempts: number }[]>`
      UPDATE "Notification" SET "emailAttempts" = "emailAttempts" + 1, "emailNextAt" = ${new Date(now.getTime() + LEASE_MS)}
      WHERE id IN (
        SELECT id FROM "Notification"
        WHERE "emailState" = 'PENDING' AND ("emailNextAt" IS NULL OR "emailNextAt" <= ${now})
        ORDER BY "createdAt", id
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "emailAttempts"`;
    if (claimed.length === 0) return counts;
    const attempts = new Map(claimed.map((row) => [row.id, row.emailAttempts]));
    const rows = await db().notification.findMany({
      where: { id: { in: [...attempts.keys()] } },
      select: { id: true, kind: true, reference: true, params: true, recipient: { select: { email: true, locale: true, active: true } } },
    });
    for (const row of rows) {
      if (!row.recipient.active) {
        await db().notification.updateMany({ where: { id: row.id, emailState: "PENDING" }, data: { emailState: "FAILED", emailNextAt: null } });
        counts.failed += 1;
        continue;
      }
      const locale = isLocale(row.recipient.locale) ? row.recipient.locale : DEFAULT_LOCALE;
      const content = notificationEmail(locale, { id: row.id, kind: row.kind, reference: row.reference, params: row.params }, origin);
      try {
        await send.send({ to: row.recipient.email, ...content });
        await db().notification.updateMany({ where: { id: row.id, emailState: "PENDING" }, data: { emailState: "SENT", emailedAt: new Date(), emailNextAt: null } });
        counts.sent += 1;
      } catch (error) {
        logMailError("send", error);
        const tried = attempts.get(row.id) ?? EMAIL_MAX_ATTEMPTS;
        if (tried >= EMAIL_MAX_ATTEMPTS) {
          await db().notification.updateMany({ where: { id: row.id, emailState: "PENDING" }, data: { emailState: "FAILED", emailNextAt: null } });
          counts.failed += 1;
        } else {
          await db().notification.updateMany({ where: { id: row.id, emailState: "PENDING" }, data: { emailNextAt: new Date(now.getTime() + retryDelayMs(tried)) } });
          counts.retried += 1;
        }
      }
    }
  }
}

/**
 * The daily digests due by `now`: for each user with notifications waiting for their digest whose local clock has
 * reached their digest hour, one e-mail per local date. The (user, local date) row is claimed before sending, so two
 * workers send it once; a failed send gives the claim back and the next sweep tries again.
 */
export async function sendDueDigests(now = new Date(), mailer?: Mailer): Promise<number> {
  if (!mailer && !mailConfigured()) return 0;
  const send = mailer ?? smtpMailer();
  const origin = mailOrigin();
  const waiting = await db().user.findMany({
    where: { active: true, notifications: { some: { emailState: "DIGEST", createdAt: { lte: now } } } },
    select: { id: true, email: true, locale: true, notificationSettings: { select: { timeZone: true, digestHour: true } } },
  });
  let sent = 0;
  for (const user of waiting) {
    const stored = user.notificationSettings;
    const timeZone = stored && isTimeZone(stored.timeZone) ? stored.timeZone : DEFAULT_TIME_ZONE;
    const { due, localDate } = digestDue(now, timeZone, stored?.digestHour ?? DEFAULT_DIGEST_HOUR);
    if (!due) continue;
    const claimed = await db().$queryRaw<{ userId: string }[]>`
      INSERT INTO "NotificationDigest" ("userId", "localDate", "claimedAt") VALUES (${user.id}::uuid, ${localDate}, ${now})
      ON CONFLICT ("userId", "localDate") DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
        WHERE "NotificationDigest"."sentAt" IS NULL AND "NotificationDigest"."claimedAt" < ${new Date(now.getTime() - DIGEST_CLAIM_STALE_MS)}
      RETURNING "userId"`;
    if (claimed.length === 0) continue;
    const items = await db().notification.findMany({
      where: { recipientId: user.id, emailState: "DIGEST", createdAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, reference: true, params: true },
    });
    if (items.length === 0) {
      await db().notificationDigest.update({ where: { userId_localDate: { userId: user.id, localDate } }, data: { sentAt: now, count: 0 } });
      continue;
    }
    const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
    const content = digestEmail(locale, items.map((item) => ({ ...item, kind: item.kind as NotificationKind })), localDate, origin);
    try {
      await send.send({ to: user.email, ...content });
    } catch (error) {
      logMailError("digest", error);
      await db().notificationDigest.deleteMany({ where: { userId: user.id, localDate, sentAt: null } });
      continue;
    }
    await db().$transaction([
      db().notification.updateMany({ where: { id: { in: items.map((item) => item.id) }, emailState: "DIGEST" }, data: { emailState: "DIGESTED", emailedAt: now } }),
      db().notificationDigest.update({ where: { userId_localDate: { userId: user.id, localDate } }, data: { sentAt: now, count: items.length } }),
    ]);
    sent += 1;
  }
  return sent;
}
