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

  it("delays an account after five failures, even for the right password, and locks it after twenty", async () => {
    await makeUser("throttled@test.example");
    const start = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < 5; i += 1) {
      expect((await signInWithPassword({ email: "throttled@test.example", password: "wrong-password" }, { address: `198.51.100.${i}`, now: at(start, i) })).ok).toBe(false);
    }
    const throttled = await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.99", now: at(start, 4.5) });
    expect(throttled).toMatchObject({ ok: false, reason: "THROTTLED" });
    // After the wait the right password works again, and the success wipes the slate.
    expect((await signInWithPassword({ email: "throttled@test.example", password }, { address: "198.51.100.99", now: at(start, 10) })).ok).toBe(true);

    let clock = at(start, 100);
    for (let failures = 0; failures < 20; ) {
      const result = await signInWithPassword({ email: "throttled@test.example", password: "wrong-password" }, { address: `203.0.113.${failures}`, now: clock });
      if (result.ok === false && result.reason === "INVALID") failures += 1;
      clock = at(clock, 16 * 60);
    }
    const locked = await signInWithPassword({ email: "throttled@test.example", password }, { address: "203.0.113.200", now: at(clock, -15 * 60) });
    expect(locked).toMatchObject({ ok: false, reason: "THROTTLED" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_locked" } })).toBeGreaterThan(0);
  });

  it("throttles one address trying many accounts", async () => {
    const start = new Date("2026-11-24T14:00:00Z");
    for (let i = 0; i < 20; i += 1) {
      await signInWithPassword({ email: `sweep${i}@test.example`, password: "guess-guess-guess" }, { address: "192.0.2.200", now: at(start, i) });
    }
    // The 20th failure from the address makes the next attempt from it wait a second, whatever the account.
    expect(await signInWithPassword({ email: "sweep99@test.example", password: "guess-guess-guess" }, { address: "192.0.2.200", now: at(start, 19.5) })).toMatchObject({ reason: "THROTTLED" });
    expect(await signInWithPassword({ email: "sweep99@test.example", password: "guess-guess-guess" }, { address: "192.0.2.201", now: at(start, 19.5) })).toEqual({ ok: false, reason: "INVALID" });
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
