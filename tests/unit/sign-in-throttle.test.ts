import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, ADDRESS_POLICY, combineDecisions, throttleDecision } from "@/lib/auth/throttle";

const now = new Date("2026-11-24T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("sign-in throttling per account", () => {
  it.each([
    { name: "no failures: allowed", count: 0, last: null, allowed: true },
    { name: "four failures: still free", count: 4, last: secondsAgo(0), allowed: true },
    { name: "the fifth failure makes the next attempt wait 1 s", count: 5, last: secondsAgo(0.5), allowed: false },
    { name: "after waiting 1 s the sixth attempt is allowed", count: 5, last: secondsAgo(1), allowed: true },
    { name: "each further failure doubles the wait: 10 failures wait 32 s", count: 10, last: secondsAgo(31), allowed: false },
    { name: "10 failures, 32 s later: allowed", count: 10, last: secondsAgo(32), allowed: true },
    { name: "the wait never exceeds 15 minutes", count: 19, last: secondsAgo(15 * 60), allowed: true },
    { name: "20 failures lock the account for an hour", count: 20, last: secondsAgo(59 * 60), allowed: false },
    { name: "the lock ends after an hour", count: 20, last: secondsAgo(60 * 60), allowed: true },
  ])("$name", ({ count, last, allowed }) => {
    expect(throttleDecision({ count, lastFailureAt: last }, ACCOUNT_POLICY, now).allowed).toBe(allowed);
  });

  it("says when to retry and whether the account is locked", () => {
    expect(throttleDecision({ count: 6, lastFailureAt: secondsAgo(0) }, ACCOUNT_POLICY, now)).toEqual({ allowed: false, locked: false, retryAt: new Date(now.getTime() + 2000) });
    expect(throttleDecision({ count: 25, lastFailureAt: now }, ACCOUNT_POLICY, now)).toEqual({ allowed: false, locked: true, retryAt: new Date(now.getTime() + 3_600_000) });
  });
});

describe("sign-in throttling per address", () => {
  it("allows more failures from one address (an office behind one address) before delaying", () => {
    expect(throttleDecision({ count: 19, lastFailureAt: now }, ADDRESS_POLICY, now).allowed).toBe(true);
    expect(throttleDecision({ count: 20, lastFailureAt: now }, ADDRESS_POLICY, now).allowed).toBe(false);
  });

  it("takes the stricter of the account and address decisions", () => {
    const allowed = { allowed: true } as const;
    const short = { allowed: false, locked: false, retryAt: new Date(now.getTime() + 1000) } as const;
    const lock = { allowed: false, locked: true, retryAt: new Date(now.getTime() + 3_600_000) } as const;
    expect(combineDecisions(allowed, allowed)).toEqual(allowed);
    expect(combineDecisions(allowed, short)).toEqual(short);
    expect(combineDecisions(lock, allowed)).toEqual(lock);
    expect(combineDecisions(short, lock)).toEqual({ allowed: false, locked: true, retryAt: lock.retryAt });
  });
});
