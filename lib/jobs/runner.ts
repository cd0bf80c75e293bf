import "server-only";
import PgBoss from "pg-boss";
import { databasePool } from "@/lib/db";
import { writeDueReminders } from "@/lib/reminders/mutations";
import { deleteExpiredNotifications } from "@/lib/notifications/mutations";
import { NOTIFICATION_RETENTION_DAYS } from "@/lib/notifications/rules";
import { deliverPendingEmails, sendDueDigests } from "@/lib/notifications/email/mutations";
import { registerEmailKick } from "@/lib/jobs/kick";
import { QUEUES } from "@/lib/jobs/queues";
import { mailConfigured } from "@/lib/notifications/email/settings";

/**
 * The job runner: pg-boss 10 (jobs in PostgreSQL; the newest major that runs on Node 20), started inside the app
 * process (instrumentation.ts) or alone (`npm run worker`). Its SQL runs through the app's own pool of connections,
 * so the embedded database's single connection is shared. Cron schedules are kept in the database: with several
 * instances each scheduled run is queued once and worked once, and what a run writes is keyed (lib/reminders), so
 * a repeated run writes nothing twice.
 */

export { QUEUES };

/**
 * "stately" (at most one job queued and one running) for the e-mail queue: a burst of nudges queues one run, and a
 * nudge arriving while a run is under way queues the next, which picks up what the running one had not seen.
 */
const POLICIES: Partial<Record<(typeof QUEUES)[keyof typeof QUEUES], "singleton" | "stately">> = { [QUEUES.email]: "stately" };

const DAY_MS = 86_400_000;

/** One line, with a code and never a message: a database error's text may quote the data of the query. */
function logJobError(error: unknown) {
  const code = error && typeof error === "object" && "code" in error && typeof error.code === "string" && /^[A-Z0-9_]{1,10}$/.test(error.code) ? error.code : "none";
  console.error(`[jobs] error code=${code}`);
}

export async function startJobRunner(): Promise<PgBoss> {
  const pool = databasePool();
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: "pgboss",
    // Completed and failed jobs are kept a week for the admin's view of the runner's health, then deleted.
    deleteAfterDays: 7,
  });
  boss.on("error", logJobError);
  // Settings that do not validate are said once, at start, rather than at the first notification.
  mailConfigured();
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (await boss.getQueue(name)) continue;
    // Another process starting at the same moment (an app server's workers, several instances) may create it first.
    await boss.createQueue(name, { name, policy: POLICIES[name] ?? "singleton", retryLimit: 3, retryDelay: 30 }).catch(async (error: unknown) => {
      if (!(await boss.getQueue(name))) throw error;
    });
  }
  await boss.schedule(QUEUES.reminders, "* * * * *");
  await boss.schedule(QUEUES.retention, "17 3 * * *");
  await boss.schedule(QUEUES.email, "* * * * *");
  await boss.schedule(QUEUES.digest, "* * * * *");
  await boss.work(QUEUES.reminders, async () => {
    await writeDueReminders(new Date());
  });
  await boss.work(QUEUES.retention, async () => {
    await deleteExpiredNotifications(new Date(Date.now() - NOTIFICATION_RETENTION_DAYS * DAY_MS));
  });
  await boss.work(QUEUES.email, async () => {
    await deliverPendingEmails(new Date());
  });
  await boss.work(QUEUES.digest, async () => {
    await sendDueDigests(new Date());
  });
  registerEmailKick(() => {
    boss.send(QUEUES.email, {}).catch(logJobError);
  });
  return boss;
}
