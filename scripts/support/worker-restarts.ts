/**
 * When the app server's primary restarts a worker that died (scripts/support/app-server.ts): at once would turn a
 * worker that crashes on every request, or a database that refuses every connection, into a tight loop of forks
 * that takes the cores from the workers still serving. So the wait doubles with each death in a row, from 1 s up to
 * 30 s; a worker that served for a minute before dying starts the count again.
 */
export const WORKER_STABLE_MS = 60_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** The wait before restarting after the `crashes`-th death in a row (1 for the first). */
export function restartDelayMs(crashes: number): number {
  const exponent = Math.max(0, Math.floor(crashes) - 1);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(exponent, 16));
}
