import { availableParallelism } from "node:os";

/**
 * How many worker processes serve requests: WEB_CONCURRENCY (the variable Heroku, Render and others set), else one
 * per core. A bad value stops the start with a message naming the variable, rather than quietly serving with a
 * guess.
 */
export function webConcurrency(value: string | undefined, cores: number = availableParallelism()): number {
  if (value === undefined || value.trim() === "") return Math.max(1, cores);
  const trimmed = value.trim();
  const count = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(count) || count < 1) {
    throw new Error(`WEB_CONCURRENCY must be a positive whole number of worker processes (e.g. 2), not "${value}".`);
  }
  return count;
}
