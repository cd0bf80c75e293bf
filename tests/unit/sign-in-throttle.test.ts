import { describe, expect, it } from "vitest";
import { ACCOUNT_CEILING, ADDRESS_POLICY, combineDecisions, PAIR_POLICY, signInThrottle, throttleDecision, type SignInHistory } from "@/lib/auth/throttle";

const now = new Date("2026-11-24T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const none = { count: 0, lastFailureAt: null };

describe("sign-in throttling of one account from one address", () => {
  it.each([
    { name: "no failures: allowed", count: 0, last: null, allowed: true },
    { name: "four failures: still free", count: 4, last: secondsAgo(0), allowed: true },
    { name: "the fifth failure makes the next attempt wait 1 s", count: 5, last: secondsAgo(0.5), allowed: false },
    { name: "after waiting 1 s the sixth attempt is allowed", count: 5, last: secondsAgo(1), allowed: true },
    { name: "each further failure doubles the wait: 9 failures wait 16 s", count: 9, last: secondsAgo(15), allowed: false },
    { name: "9 failures, 16 s later: allowed", count: 9, last: secondsAgo(16), allowed: true },
    { name: "10 failures lock the pair for 15 minutes", count: 10, last: secondsAgo(14 * 60), allowed: false },
    { name: "the lock ends after 15 minutes, not hours", count: 10, last: secondsAgo(15 * 60), allowed: true },
  ])("$name", ({ count, last, allowed }) => {
    expect(throttleDecision({ count, lastFailureAt: last }, PAIR_POLICY, now).allowed).toBe(allowed);
  });

  it("says when to retry and whether the pair is locked", () => {
    expect(throttleDecision({ count: 6, lastFailureAt: secondsAgo(0) }, PAIR_POLICY, now)).toEqual({ allowed: false, locked: false, retryAt: new Date(now.getTime() + 2000) });
    expect(throttleDecision({ count: 12, lastFailureAt: now }, PAIR_POLICY, now)).toEqual({ allowed: false, locked: true, retryAt: new Date(now.getTime() + 15 * 60_000) });
  });
});

describe("sign-in throttling per address", () => {
  it("allows more failures from one address (an office behind one address) before delaying", () => {
    expect(throttleDecision({ count: 19, lastFailureAt: now }, ADDRESS_POLICY, now).allowed).toBe(true);
    expect(throttleDecision({ count: 20, lastFailureAt: now }, ADDRESS_POLICY, now).allowed).toBe(false);
  });
});

describe("the account-wide ceiling, across every address", () => {
  it.each([
    { name: "29 failures an hour: free", count: 29, last: secondsAgo(0), allowed: true },
    { name: "30 failures: the next attempt waits a second", count: 30, last: secondsAgo(0.5), allowed: false },
    { name: "the wait never exceeds a minute", count: 500, last: secondsAgo(60), allowed: true },
    { name: "and never becomes a lock, however many failures", count: 10_000, last: secondsAgo(59), allowed: false },
  ])("$name", ({ count, last, allowed }) => {
    expect(throttleDecision({ count, lastFailureAt: last }, ACCOUNT_CEILING, now).allowed).toBe(allowed);
  });

  it("is never a lock", () => {
    const decision = throttleDecision({ count: 10_000, lastFailureAt: now }, ACCOUNT_CEILING, now);
    expect(decision).toEqual({ allowed: false, locked: false, retryAt: new Date(now.getTime() + 60_000) });
  });
});

describe("one attempt's decision, from every counter", () => {
  const history = (overrides: Partial<SignInHistory>): SignInHistory => ({ pair: none, address: none, account: none, knownAddress: false, ...overrides });
  const distributedAttack = { count: 5_000, lastFailureAt: secondsAgo(1) };

  it.each([
    { name: "a clean record: allowed", history: history({}), allowed: true, locked: false },
    { name: "the pair throttled: refused", history: history({ pair: { count: 10, lastFailureAt: secondsAgo(1) } }), allowed: false, locked: true },
    { name: "the address sweeping accounts: refused", history: history({ address: { count: 20, lastFailureAt: secondsAgo(0.5) } }), allowed: false, locked: false },
    { name: "failures elsewhere against the account, from a new address: slowed, not locked", history: history({ account: distributedAttack }), allowed: false, locked: false },
    { name: "the owner's known address is not slowed by failures elsewhere", history: history({ account: distributedAttack, knownAddress: true }), allowed: true, locked: false },
    { name: "a known address is still held to its own pair's record", history: history({ account: distributedAttack, knownAddress: true, pair: { count: 5, lastFailureAt: secondsAgo(0) } }), allowed: false, locked: false },
  ])("$name", ({ history: record, allowed, locked }) => {
    const decision = signInThrottle(record, now);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.locked).toBe(locked);
  });

  it("takes the stricter of two decisions", () => {
    const allowed = { allowed: true } as const;
    const short = { allowed: false, locked: false, retryAt: new Date(now.getTime() + 1000) } as const;
    const lock = { allowed: false, locked: true, retryAt: new Date(now.getTime() + 3_600_000) } as const;
    expect(combineDecisions(allowed, allowed)).toEqual(allowed);
    expect(combineDecisions(allowed, short)).toEqual(short);
    expect(combineDecisions(lock, allowed)).toEqual(lock);
    expect(combineDecisions(short, lock)).toEqual({ allowed: false, locked: true, retryAt: lock.retryAt });
  });
});
