/**
 * Sign-in throttling (OWASP ASVS 2.2.1): pure rules over the recent failures of one account or one address.
 * After a few free failures each further attempt must wait twice as long as the last; after many, the key is
 * locked for a while. Attempts refused by throttling are not counted, so an attacker cannot extend the lock
 * indefinitely, and a correct password does not get through while throttled.
 */

export type ThrottlePolicy = {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** Failures after which the key is locked for lockMinutes. */
  lockAfter: number;
  maxDelaySeconds: number;
  lockMinutes: number;
  /** Only failures this recent count (and only those since the last success, for accounts). */
  windowMinutes: number;
};

/** Per account: 5 free failures, then 1 s, 2 s, 4 s ... up to 15 minutes; locked for an hour after 20. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, lockAfter: 20, maxDelaySeconds: 15 * 60, lockMinutes: 60, windowMinutes: 24 * 60 };
/** Per client address: looser, since one office may share an address, but it stops a sweep across accounts. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, lockAfter: 100, maxDelaySeconds: 15 * 60, lockMinutes: 60, windowMinutes: 60 };

export type RecentFailures = { count: number; lastFailureAt: Date | null };

export type ThrottleDecision = { allowed: true } | { allowed: false; locked: boolean; retryAt: Date };

export function throttleDecision(failures: RecentFailures, policy: ThrottlePolicy, now: Date): ThrottleDecision {
  const { count, lastFailureAt } = failures;
  if (!lastFailureAt || count < policy.freeFailures) return { allowed: true };
  if (count >= policy.lockAfter) {
    const retryAt = new Date(lastFailureAt.getTime() + policy.lockMinutes * 60_000);
    return now < retryAt ? { allowed: false, locked: true, retryAt } : { allowed: true };
  }
  const delaySeconds = Math.min(2 ** (count - policy.freeFailures), policy.maxDelaySeconds);
  const retryAt = new Date(lastFailureAt.getTime() + delaySeconds * 1000);
  return now < retryAt ? { allowed: false, locked: false, retryAt } : { allowed: true };
}

/** The stricter of two decisions: refused if either refuses, retrying at the later time. */
export function combineDecisions(a: ThrottleDecision, b: ThrottleDecision): ThrottleDecision {
  if (a.allowed) return b;
  if (b.allowed) return a;
  return { allowed: false, locked: a.locked || b.locked, retryAt: a.retryAt > b.retryAt ? a.retryAt : b.retryAt };
}
