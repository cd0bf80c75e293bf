/**
 * Sign-in throttling (OWASP ASVS 2.2.1; NIST SP 800-63B 5.2.2): pure rules over recent failures. Three counters,
 * so that an attacker is slowed without the account's owner being locked out:
 * - PAIR (one account from one address): a few free failures, then waits that double, then a short lock. This is
 *   what stops guessing one password from one place, and it touches no one at another address.
 * - ADDRESS (one address, any account): looser, since an office may share an address, but it stops one place
 *   sweeping many accounts.
 * - ACCOUNT (one account, every address): a ceiling against guessing spread over many addresses. It only slows
 *   (a short wait, never a lock), and addresses the account has recently signed in from are exempt, so knowing
 *   someone's e-mail is not enough to keep them out.
 * Attempts refused by throttling are not counted, so an attacker cannot extend a wait indefinitely, and a correct
 * password does not get through while throttled.
 */

export type ThrottlePolicy = {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** Failures after which the key is locked for lockMinutes; null: never locked, only delayed. */
  lockAfter: number | null;
  maxDelaySeconds: number;
  lockMinutes: number;
  /** Only failures this recent count (and, for a pair, only those since its last success). */
  windowMinutes: number;
};

/** One account from one address: 5 free failures, then 1 s, 2 s, 4 s ... up to 5 minutes; after 10, 15 minutes' lock. */
export const PAIR_POLICY: ThrottlePolicy = { freeFailures: 5, lockAfter: 10, maxDelaySeconds: 5 * 60, lockMinutes: 15, windowMinutes: 24 * 60 };
/** One address, any account: 20 free failures an hour, then doubling waits; after 100, an hour's lock (of that address only). */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, lockAfter: 100, maxDelaySeconds: 15 * 60, lockMinutes: 60, windowMinutes: 60 };
/** One account, all addresses: 30 free failures an hour, then doubling waits of at most a minute; never a lock. */
export const ACCOUNT_CEILING: ThrottlePolicy = { freeFailures: 30, lockAfter: null, maxDelaySeconds: 60, lockMinutes: 0, windowMinutes: 60 };
/** An address the account signed in from this recently is its owner's: exempt from the account-wide ceiling. */
export const KNOWN_ADDRESS_DAYS = 30;

export type RecentFailures = { count: number; lastFailureAt: Date | null };

export type ThrottleDecision = { allowed: true } | { allowed: false; locked: boolean; retryAt: Date };

export function throttleDecision(failures: RecentFailures, policy: ThrottlePolicy, now: Date): ThrottleDecision {
  const { count, lastFailureAt } = failures;
  if (!lastFailureAt || count < policy.freeFailures) return { allowed: true };
  if (policy.lockAfter !== null && count >= policy.lockAfter) {
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

export type SignInHistory = {
  /** Failures of this account from this address since the pair's last success (within PAIR_POLICY's window). */
  pair: RecentFailures;
  /** Failures from this address, any account, within ADDRESS_POLICY's window. */
  address: RecentFailures;
  /** Failures of this account from any address within ACCOUNT_CEILING's window. */
  account: RecentFailures;
  /** Whether this account signed in successfully from this address within KNOWN_ADDRESS_DAYS. */
  knownAddress: boolean;
};

/** The decision for one attempt: every counter that applies, the strictest wins. */
export function signInThrottle(history: SignInHistory, now: Date): ThrottleDecision {
  const pair = throttleDecision(history.pair, PAIR_POLICY, now);
  const address = throttleDecision(history.address, ADDRESS_POLICY, now);
  const account = history.knownAddress ? ({ allowed: true } as const) : throttleDecision(history.account, ACCOUNT_CEILING, now);
  return combineDecisions(combineDecisions(pair, address), account);
}
