/**
 * `npm run worker`: the job runner (lib/jobs/runner.ts) as a process of its own, for deployments that run the app
 * with LIAISON_JOBS=off. Needs DATABASE_URL (the embedded database of `npm start` runs its jobs in the app).
 */
import { startJobRunner } from "@/lib/jobs/runner";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: the worker runs against the app's PostgreSQL database.");
    process.exit(1);
  }
  const boss = await startJobRunner();
  console.log("Liaison worker: running reminders, e-mail, digest and retention jobs.");
  const stop = async () => {
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch(() => {
  console.error("Liaison worker could not start (is DATABASE_URL reachable and migrated?).");
  process.exit(1);
});
