import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY, ADDRESS_POLICY, combineDecisions, throttleDecision, type RecentFailures, type ThrottlePolicy } from "@/lib/auth/throttle";

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

async function recentFailures(field: "accountKey" | "addressKey", value: string, policy: ThrottlePolicy, now: Date): Promise<RecentFailures> {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  // For an account, a success wipes the slate; for an address (many people), only the window counts.
  const lastSuccess =
    field === "accountKey"
      ? await db().signInAttempt.findFirst({ where: { accountKey: value, succeeded: true, attemptedAt: { gt: windowStart } }, orderBy: { attemptedAt: "desc" }, select: { attemptedAt: true } })
      : null;
  const since = lastSuccess && lastSuccess.attemptedAt > windowStart ? lastSuccess.attemptedAt : windowStart;
  const failures = await db().signInAttempt.aggregate({
    where: { [field]: value, succeeded: false, attemptedAt: { gt: since } },
    _count: { _all: true },
    _max: { attemptedAt: true },
  });
  return { count: failures._count._all, lastFailureAt: failures._max.attemptedAt };
}

/**
 * Checks an e-mail and password and opens a server-side session. Every failure that is not throttling
 * (malformed input, unknown e-mail, wrong password, deactivated account) is the same INVALID, so the
 * caller cannot tell them apart. Throttling applies to unknown e-mails too, for the same reason.
 */
export async function signInWithPassword(input: unknown, client: { address?: string | null; now?: Date } = {}): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const { email, password } = parsed.data;
  const now = client.now ?? new Date();
  const accountKey = key("account", email);
  const addressKey = key("address", client.address || "unknown");

  const decision = combineDecisions(
    throttleDecision(await recentFailures("accountKey", accountKey, ACCOUNT_POLICY, now), ACCOUNT_POLICY, now),
    throttleDecision(await recentFailures("addressKey", addressKey, ADDRESS_POLICY, now), ADDRESS_POLICY, now),
  );
  if (!decision.allowed) {
    await db().auditEvent.create({
      data: { at: now, action: decision.locked ? "auth.sign_in_locked" : "auth.sign_in_throttled", entityType: "SignInAttempt", metadata: { retryAt: decision.retryAt.toISOString() } },
    });
    return { ok: false, reason: "THROTTLED", retryAt: decision.retryAt };
  }

  const user = await db().user.findUnique({ where: { email }, select: { id: true, active: true, passwordHash: true } });
  // Verify against a throwaway hash when the account is unknown, so timing does not reveal which e-mails exist.
  dummyHash ??= hashPassword(crypto.randomUUID());
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.active || !valid) {
    await db().signInAttempt.create({ data: { accountKey, addressKey, succeeded: false, attemptedAt: now } });
    return { ok: false, reason: "INVALID" };
  }

  const session = await db().$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { accountKey, addressKey, succeeded: true, attemptedAt: now } });
    const created = await tx.userSession.create({
      data: { userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000) },
      select: { id: true },
    });
    await tx.auditEvent.create({ data: { at: now, actorId: user.id, sessionId: created.id, action: "auth.sign_in", entityType: "User", entityId: user.id } });
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
        data: { actorId: session.userId, sessionId, action: "auth.sign_out", entityType: "User", entityId: session.userId },
      });
    }
  });
}
