import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { mailConfigured } from "@/lib/notifications/email/settings";
import { QUEUE_NAMES } from "@/lib/jobs/queues";

/**
 * The job runner's health for administrators: counts from pg-boss's own tables (schema pgboss) and from the e-mail
 * outbox. Counts and times only: no job's data, no recipient, nothing personal.
 */
export type QueueHealth = { name: string; queued: number; active: number; completed: number; failed: number; retried: number };
export type JobRunnerHealth = {
  started: boolean;
  /** The reader's organisation's clock, for the times shown. */
  timeZone: string;
  queues: QueueHealth[];
  lastRemindersRun: Date | null;
  mail: { configured: boolean; pending: number; retrying: number; failed: number; digestWaiting: number };
};

export async function jobRunnerHealth(actor: Actor): Promise<JobRunnerHealth | null> {
  if (!can(actor, "jobs.view")) return null;
  const tables = await db().$queryRaw<{ present: boolean; archive: boolean }[]>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AS present, to_regclass('pgboss.archive') IS NOT NULL AS archive`;
  const present = tables[0]?.present ?? false;
  const archive = tables[0]?.archive ?? false;
  const outbox = await db().$queryRaw<{ pending: number; retrying: number; failed: number; digestWaiting: number }[]>`
    SELECT count(*) FILTER (WHERE "emailState" = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE "emailState" = 'PENDING' AND "emailAttempts" > 0)::int AS retrying,
           count(*) FILTER (WHERE "emailState" = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE "emailState" = 'DIGEST')::int AS "digestWaiting"
    FROM "Notification" WHERE "emailState" IN ('PENDING', 'FAILED', 'DIGEST')`;
  const organization = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { timeZone: true } });
  const timeZone = organization?.timeZone ?? "America/Toronto";
  const mail = { configured: mailConfigured(), ...(outbox[0] ?? { pending: 0, retrying: 0, failed: 0, digestWaiting: 0 }) };
  if (!present) return { started: false, timeZone, queues: [], lastRemindersRun: null, mail };
  const counted = await db().$queryRawUnsafe<QueueHealth[]>(`
    SELECT name,
           count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'completed')::int AS completed,
           count(*) FILTER (WHERE state = 'failed')::int AS failed,
           count(*) FILTER (WHERE retry_count > 0)::int AS retried
    FROM (SELECT name, state::text AS state, retry_count FROM pgboss.job${archive ? " UNION ALL SELECT name, state::text, retry_count FROM pgboss.archive" : ""}) AS jobs
    WHERE name = ANY($1::text[])
    GROUP BY name`, QUEUE_NAMES);
  const last = await db().$queryRawUnsafe<{ at: Date | null }[]>(`
    SELECT max(completed_on) AS at
    FROM (SELECT completed_on FROM pgboss.job WHERE name = $1 AND state = 'completed'${archive ? " UNION ALL SELECT completed_on FROM pgboss.archive WHERE name = $1 AND state = 'completed'" : ""}) AS runs`, "reminders");
  const byName = new Map(counted.map((row) => [row.name, row]));
  return {
    started: true,
    timeZone,
    queues: QUEUE_NAMES.map((name) => byName.get(name) ?? { name, queued: 0, active: 0, completed: 0, failed: 0, retried: 0 }),
    lastRemindersRun: last[0]?.at ?? null,
    mail,
  };
}
