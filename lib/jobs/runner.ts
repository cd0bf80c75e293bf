import "server-only";
import PgBoss from "pg-boss";
import { databasePool } from "@/lib/db";
import { writeDueReminders } from "@/lib/reminders/mutations";
import { deleteExpiredNotifications } from "@/lib/notifications/mutations";
import { NOTIFICATION_RETENTION_DAYS } from "@/lib/notifications/rules";

/**
 * The job runner: pg-boss 10 (jobs in PostgreSQL; the newest major that runs on Node 20), started inside the app
 * process (instrumentation.ts) or alone (`npm run worker`). Its SQL runs through the app's own pool of connections,
 * so the embedded database's single connection is shared. Cron schedules are kept in the database: with several
 * instances each scheduled run is queued once and worked once, and what a run writes is keyed (lib/reminders), so
 * a repeated run writes nothing twice.
 */

export const QUEUES = {
  /** Deadline reminders and escalations, every minute. */
  reminders: "reminders",
  /** Notifications older than the retention period are deleted, daily. */
  retention: "notification-retention",
} as const;

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
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: "singleton", retryLimit: 3, retryDelay: 30 });
  }
  await boss.schedule(QUEUES.reminders, "* * * * *");
  await boss.schedule(QUEUES.retention, "17 3 * * *");
  await boss.work(QUEUES.reminders, async () => {
    await writeDueReminders(new Date());
  });
  await boss.work(QUEUES.retention, async () => {
    await deleteExpiredNotifications(new Date(Date.now() - NOTIFICATION_RETENTION_DAYS * DAY_MS));
  });
  return boss;
}
