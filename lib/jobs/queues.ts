/** The job runner's queues (lib/jobs/runner.ts), named here so the health view reads them without loading pg-boss. */
export const QUEUES = {
  /** Deadline reminders and escalations, every minute. */
  reminders: "reminders",
  /** Notifications older than the retention period are deleted, daily. */
  retention: "notification-retention",
  /** The e-mail outbox: nudged right after a notification to e-mail is written, and swept every minute. */
  email: "notification-email",
  /** Daily digests, checked every minute against each user's local digest hour. */
  digest: "notification-digest",
} as const;

export const QUEUE_NAMES: string[] = Object.values(QUEUES);
