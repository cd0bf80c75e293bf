import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { throttlingAddress } from "@/lib/auth/client-address";
import { ACCOUNT_CEILING, ADDRESS_POLICY, combineDecisions, KNOWN_ADDRESS_DAYS, PAIR_POLICY, signInThrottle, throttleDecision, type RecentFailures, type SignInHistory } from "@/lib/auth/throttle";
import type { SignInAttemptWhereInput } from "@/lib/generated/prisma/models";
import type { AuditAction } from "@/lib/audit/events";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date };

let dummyHash: Promise<string> | undefined;

/** Throttling keys are hashes: the attempts table holds no readable e-mail or address. */
function key(kind: "account" | "address", value: string): string {
  return createHash("sha256").update(`${kind}:${value}`).digest("hex");
}

async function failuresWhere(where: SignInAttemptWhereInput): Promise<RecentFailures> {
  const failures = await db().signInAttempt.aggregate({ where: { ...where, succeeded: false }, _count: { _all: true }, _max: { attemptedAt: true } });
  return { count: failures._count._all, lastFailureAt: failures._max.attemptedAt };
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** What the throttle rules (lib/auth/throttle) need to know about this account, this address and the pair. */
async function signInHistory(accountKey: string, addressKey: string, now: Date): Promise<SignInHistory> {
  const lastPairSuccess = await db().signInAttempt.findFirst({
    where: { accountKey, addressKey, succeeded: true, attemptedAt: { gt: minutesBefore(now, KNOWN_ADDRESS_DAYS * 24 * 60) } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const pairWindow = minutesBefore(now, PAIR_POLICY.windowMinutes);
  // A pair's success wipes its slate; the address and the account count only their window, so the owner signing in
  // does not hand an attacker elsewhere a fresh set of free guesses.
  const pairSince = lastPairSuccess && lastPairSuccess.attemptedAt > pairWindow ? lastPairSuccess.attemptedAt : pairWindow;
  const [pair, address, account] = await Promise.all([
    failuresWhere({ accountKey, addressKey, attemptedAt: { gt: pairSince } }),
    failuresWhere({ addressKey, attemptedAt: { gt: minutesBefore(now, ADDRESS_POLICY.windowMinutes) } }),
    failuresWhere({ accountKey, attemptedAt: { gt: minutesBefore(now, ACCOUNT_CEILING.windowMinutes) } }),
  ]);
  return { pair, address, account, knownAddress: lastPairSuccess !== null };
}

/**
 * Checks an e-mail and password and opens a server-side session. Every failure that is not throttling
 * (malformed input, unknown e-mail, wrong password, deactivated account) is the same INVALID, so the
 * caller cannot tell them apart. Throttling applies to unknown e-mails too, for the same reason.
 * The address is the client's, as the app server found it (lib/auth/client-address); it is required: there is no
 * shared "unknown" bucket that one client's failures could fill for everyone.
 */
export async function signInWithPassword(input: unknown, client: { address: string; now?: Date }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const { email, password } = parsed.data;
  const now = client.now ?? new Date();
  const accountKey = key("account", email);
  const addressKey = key("address", throttlingAddress(client.address));

  const decision = signInThrottle(await signInHistory(accountKey, addressKey, now), now);
  if (!decision.allowed) {
    await db().auditEvent.create({
      data: { at: now, action: (decision.locked ? "auth.sign_in_locked" : "auth.sign_in_throttled") satisfies AuditAction, entityType: "SignInAttempt", metadata: { retryAt: decision.retryAt.toISOString() } },
    });
    return { ok: false, reason: "THROTTLED", retryAt: decision.retryAt };
  }

  const user = await db().user.findUnique({ where: { email }, select: { id: true, active: true, passwordHash: true } });
  // Verify against a throwaway hash when the account is unknown, so timing does not reveal which e-mails exist.
  dummyHash ??= hashPassword(crypto.randomUUID());
  // An account whose person has not yet set a password (a new account's link unused) fails exactly like a wrong one.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.active || !user.passwordHash || !valid) {
    await db().signInAttempt.create({ data: { accountKey, addressKey, succeeded: false, attemptedAt: now } });
    return { ok: false, reason: "INVALID" };
  }

  const session = await db().$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { accountKey, addressKey, succeeded: true, attemptedAt: now } });
    const created = await tx.userSession.create({
      data: { userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000) },
      select: { id: true },
    });
    await tx.auditEvent.create({ data: { at: now, actorId: user.id, sessionId: created.id, action: "auth.sign_in" satisfies AuditAction, entityType: "User", entityId: user.id } });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const revoked = await tx.userSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { userId: true },
    });
    const session = revoked[0];
    if (session) {
      await tx.auditEvent.create({
        data: { actorId: session.userId, sessionId, action: "auth.sign_out" satisfies AuditAction, entityType: "User", entityId: session.userId },
      });
    }
  });
}

/**
 * Checks a signed-in user's current password before it is changed, so that a session left open (or stolen) is not
 * enough to take the account over. Wrong answers are throttled like sign-in, per account and session (the session
 * standing in for the address), and count towards the account-wide ceiling.
 */
export async function checkCurrentPassword(userId: string, sessionId: string, password: string, now: Date = new Date()): Promise<"OK" | "INVALID" | "THROTTLED"> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash) return "INVALID";
  const accountKey = key("account", user.email);
  const addressKey = key("address", `session:${sessionId}`);
  const failures = await failuresWhere({ accountKey, addressKey, attemptedAt: { gt: minutesBefore(now, PAIR_POLICY.windowMinutes) } });
  if (!throttleDecision(failures, PAIR_POLICY, now).allowed) return "THROTTLED";
  if (await verifyPassword(user.passwordHash, password)) return "OK";
  await db().signInAttempt.create({ data: { accountKey, addressKey, succeeded: false, attemptedAt: now } });
  return "INVALID";
}

/**
 * Attempts with a password link (lib/password-links) that name no usable link are counted like failed sign-ins from
 * the same address: the pair rule on one shared "password-link" account key, and the address rule over every failure
 * from that address (sign-in included), so one place cannot alternate between the two to get more guesses. A guess
 * at a 32-byte token is futile anyway; this keeps a broken or hostile client from hammering the page.
 */
const passwordLinkAccountKey = () => key("account", "password-link");

export async function passwordLinkThrottled(address: string, now: Date = new Date()): Promise<boolean> {
  const addressKey = key("address", throttlingAddress(address));
  const [pair, any] = await Promise.all([
    failuresWhere({ accountKey: passwordLinkAccountKey(), addressKey, attemptedAt: { gt: minutesBefore(now, PAIR_POLICY.windowMinutes) } }),
    failuresWhere({ addressKey, attemptedAt: { gt: minutesBefore(now, ADDRESS_POLICY.windowMinutes) } }),
  ]);
  return !combineDecisions(throttleDecision(pair, PAIR_POLICY, now), throttleDecision(any, ADDRESS_POLICY, now)).allowed;
}

export async function recordPasswordLinkFailure(address: string, now: Date = new Date()): Promise<void> {
  await db().signInAttempt.create({ data: { accountKey: passwordLinkAccountKey(), addressKey: key("address", throttlingAddress(address)), succeeded: false, attemptedAt: now } });
}
