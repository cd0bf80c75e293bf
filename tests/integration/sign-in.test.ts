import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";

process.env.DATABASE_URL = inject("databaseUrl");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { resolveSession } = await import("@/lib/auth/session-store");

let prisma: PrismaClient;
const password = "correct-horse-battery";
let organizationId: string;

async function makeUser(email: string) {
  return prisma.user.create({ data: { email, name: "Test Person", role: "CLO", organizationId, passwordHash: await hashPassword(password) }, select: { id: true } });
}

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  organizationId = (await prisma.organization.create({ data: { kind: "CBSA_OFFICE", name: `Sign-in test office ${Date.now()}`, region: "Test" }, select: { id: true } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe("signing in", () => {
  it("opens a session for the right password and refuses a wrong one or an unknown e-mail alike", async () => {
    await makeUser("right.password@test.example");
    const ok = await signInWithPassword({ email: " Right.Password@test.example ", password }, { address: "192.0.2.1" });
    expect(ok.ok).toBe(true);
    expect(await signInWithPassword({ email: "right.password@test.example", password: "wrong-password" }, { address: "192.0.2.1" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ email: "nobody@test.example", password }, { address: "192.0.2.1" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ email: "not an address", password }, { address: "192.0.2.1" })).toEqual({ ok: false, reason: "INVALID" });
  });

  it("delays one account from one address after five failures, even for the right password, and locks that pair only briefly", async () => {
    await makeUser("throttled@test.example");
    const start = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < 5; i += 1) {
      expect((await signInWithPassword({ email: "throttled@test.example", password: "wrong-password" }, { address: "198.51.100.7", now: at(start, i) })).ok).toBe(false);
    }
    const throttled = await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.7", now: at(start, 4.5) });
    expect(throttled).toMatchObject({ ok: false, reason: "THROTTLED" });
    // After the wait the right password works again, and the success wipes the pair's slate.
    expect((await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.7", now: at(start, 10) })).ok).toBe(true);

    let clock = at(start, 100);
    for (let failures = 0; failures < 10; ) {
      const result = await signInWithPassword({ email: "throttled@test.example", password: "wrong-password" }, { address: "198.51.100.8", now: clock });
      if (result.ok === false && result.reason === "INVALID") failures += 1;
      clock = at(clock, 6 * 60);
    }
    const lastFailure = at(clock, -6 * 60);
    expect(await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.8", now: at(lastFailure, 14 * 60) })).toMatchObject({ reason: "THROTTLED" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_locked" } })).toBeGreaterThan(0);
    // A lock of minutes, not hours: the pair may try again after 15.
    expect((await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.8", now: at(lastFailure, 15 * 60 + 1) })).ok).toBe(true);
  });

  it("does not let an attacker who knows an e-mail lock its owner out", async () => {
    await makeUser("owner@test.example");
    const start = new Date("2026-11-25T09:00:00Z");
    // The owner signed in from home last week.
    expect((await signInWithPassword({ email: "owner@test.example", password }, { address: "192.0.2.77", now: at(start, -7 * 86_400) })).ok).toBe(true);
    // An attacker hammers the account from one address until refused, and keeps going: refusals are not counted.
    for (let i = 0; i < 40; i += 1) {
      await signInWithPassword({ email: "owner@test.example", password: "guess-guess-guess" }, { address: "203.0.113.66", now: at(start, i) });
    }
    expect(await signInWithPassword({ email: "owner@test.example", password }, { address: "203.0.113.66", now: at(start, 41) })).toMatchObject({ reason: "THROTTLED" });
    // The owner, from their own address, gets straight in.
    expect((await signInWithPassword({ email: "owner@test.example", password }, { address: "192.0.2.77", now: at(start, 42) })).ok).toBe(true);
  });

  it("spreads over many addresses only slows the account, never locks it, and not at the owner's known address", async () => {
    await makeUser("spread@test.example");
    const start = new Date("2026-11-26T09:00:00Z");
    expect((await signInWithPassword({ email: "spread@test.example", password }, { address: "192.0.2.78", now: at(start, -86_400) })).ok).toBe(true);
    for (let i = 0; i < 60; i += 1) {
      await signInWithPassword({ email: "spread@test.example", password: "guess-guess-guess" }, { address: `198.18.${Math.floor(i / 200)}.${i % 200}`, now: at(start, i * 61) });
    }
    const last = at(start, 59 * 61);
    // From a new address: a wait of at most a minute, then the right password works.
    expect(await signInWithPassword({ email: "spread@test.example", password }, { address: "198.19.0.1", now: at(last, 1) })).toMatchObject({ reason: "THROTTLED", retryAt: expect.any(Date) });
    const refusal = await signInWithPassword({ email: "spread@test.example", password }, { address: "198.19.0.1", now: at(last, 2) });
    expect(refusal.ok === false && refusal.reason === "THROTTLED" && refusal.retryAt.getTime() - last.getTime()).toBeLessThanOrEqual(60_000);
    expect((await signInWithPassword({ email: "spread@test.example", password }, { address: "198.19.0.1", now: at(last, 61) })).ok).toBe(true);
    // From the owner's known address: not slowed at all.
    expect((await signInWithPassword({ email: "spread@test.example", password }, { address: "192.0.2.78", now: at(last, 1) })).ok).toBe(true);
  });

  it("throttles one address trying many accounts, and no one at another address", async () => {
    await makeUser("bystander@test.example");
    const start = new Date("2026-11-24T14:00:00Z");
    for (let i = 0; i < 25; i += 1) {
      await signInWithPassword({ email: `sweep${i}@test.example`, password: "guess-guess-guess" }, { address: "192.0.2.200", now: at(start, i / 10) });
    }
    // Past 20 failures the address waits, whatever the account...
    expect(await signInWithPassword({ email: "sweep99@test.example", password: "guess-guess-guess" }, { address: "192.0.2.200", now: at(start, 2.6) })).toMatchObject({ reason: "THROTTLED" });
    expect(await signInWithPassword({ email: "bystander@test.example", password }, { address: "192.0.2.200", now: at(start, 2.6) })).toMatchObject({ reason: "THROTTLED" });
    // ...while someone else, from another address, signs in with the right password as usual.
    expect((await signInWithPassword({ email: "bystander@test.example", password }, { address: "192.0.2.201", now: at(start, 2.6) })).ok).toBe(true);
  });

  it("counts a sign-in through the credentials provider by the address the app server wrote, never by X-Forwarded-For", async () => {
    await makeUser("forwarded@test.example");
    const { authOptions } = await import("@/lib/auth/config");
    const { CLIENT_ADDRESS_HEADER, SERVED_BY_APP_SERVER } = await import("@/lib/auth/client-address");
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (credentials: unknown, request: unknown) => Promise<unknown> } };
    const authorize = (passwordTried: string, headers: Record<string, string>) =>
      provider.options.authorize({ email: "forwarded@test.example", password: passwordTried }, { headers, body: {}, query: {}, method: "POST" });

    // Not served by the app server: the header could be the client's, so sign-in refuses rather than trust it.
    delete process.env[SERVED_BY_APP_SERVER];
    await expect(authorize(password, { [CLIENT_ADDRESS_HEADER]: "192.0.2.90" })).rejects.toThrow("UNAVAILABLE");

    process.env[SERVED_BY_APP_SERVER] = "1";
    try {
      // Each failure claims a new X-Forwarded-For; the server-written address is the same, so the sixth attempt is throttled.
      for (let i = 0; i < 5; i += 1) {
        expect(await authorize("wrong-password", { [CLIENT_ADDRESS_HEADER]: "192.0.2.90", "x-forwarded-for": `10.9.${i}.1` })).toBeNull();
      }
      await expect(authorize(password, { [CLIENT_ADDRESS_HEADER]: "192.0.2.90", "x-forwarded-for": "10.9.99.1" })).rejects.toThrow("THROTTLED");
      // A request without the server's address (none could be found) is refused, not put in a shared bucket.
      await expect(authorize(password, { "x-forwarded-for": "10.9.100.1" })).rejects.toThrow("UNAVAILABLE");
    } finally {
      delete process.env[SERVED_BY_APP_SERVER];
    }
  });

  it("stores no readable e-mail or address about attempts", async () => {
    const attempts = await prisma.signInAttempt.findMany({ select: { accountKey: true, addressKey: true } });
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(attempt.accountKey).toMatch(/^[0-9a-f]{64}$/);
      expect(attempt.addressKey).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe("sessions", () => {
  async function signedIn(email: string, now: Date) {
    await makeUser(email);
    const result = await signInWithPassword({ email, password }, { address: "192.0.2.50", now });
    if (!result.ok) throw new Error("sign-in failed");
    return result.sessionId;
  }

  it("expire after 30 minutes without activity, and activity keeps them alive", async () => {
    const start = new Date();
    const sessionId = await signedIn("idle@test.example", start);
    expect(await resolveSession(sessionId, at(start, 29 * 60))).not.toBeNull();
    expect(await resolveSession(sessionId, at(start, 58 * 60))).not.toBeNull();
    expect(await resolveSession(sessionId, at(start, 58 * 60 + 30 * 60 + 1))).toBeNull();
  });

  it("expire 12 hours after sign-in however active", async () => {
    const start = new Date();
    const sessionId = await signedIn("absolute@test.example", start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) expect(await resolveSession(sessionId, at(start, minutes * 60))).not.toBeNull();
    expect(await resolveSession(sessionId, at(start, 12 * 3600 + 1))).toBeNull();
  });

  it("end at once when the user is deactivated or signs out", async () => {
    const start = new Date();
    const first = await signedIn("deactivated@test.example", start);
    await prisma.user.update({ where: { email: "deactivated@test.example" }, data: { active: false } });
    expect(await resolveSession(first, at(start, 60))).toBeNull();

    const second = await signedIn("signs.out@test.example", start);
    const { revokeSession } = await import("@/lib/auth/sign-in");
    await revokeSession(second);
    expect(await resolveSession(second, at(start, 60))).toBeNull();
  });
});
