import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, managedUserScope, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem, type PasswordProblem } from "@/lib/auth/password-policy";
import { passwordLinkThrottled, recordPasswordLinkFailure } from "@/lib/auth/sign-in";
import { linkExpiresAt, passwordLinkState, TOKEN_PATTERN } from "@/lib/password-links/rules";
import { hashLinkToken, newLinkToken } from "@/lib/password-links/token";
import type { AuditAction } from "@/lib/audit/events";
import type { Locale, PasswordLinkPurpose } from "@/lib/generated/prisma/enums";

/** A link just issued: the token leaves the server once, in the administrator's answer (and the person's e-mail). */
export type IssuedLink = { token: string; expiresAt: Date; purpose: PasswordLinkPurpose };

/** Who the link is for, as the e-mail needs it: the address and the language, nothing else. */
export type LinkRecipient = { email: string; locale: Locale };

/**
 * Issues a password link inside the caller's transaction (a new account's, with the account itself). The user's
 * earlier unused links are revoked first, so only the latest works. The audit event names the link, never its token.
 */
export async function issueLinkInTransaction(tx: Transaction, actor: Actor, input: { userId: string; purpose: PasswordLinkPurpose; now?: Date }): Promise<IssuedLink> {
  const now = input.now ?? new Date();
  const { token, tokenHash } = newLinkToken();
  const expiresAt = linkExpiresAt(input.purpose, now);
  const { count: revoked } = await tx.passwordLink.updateMany({ where: { userId: input.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const link = await tx.passwordLink.create({
    data: { userId: input.userId, purpose: input.purpose, tokenHash, createdAt: now, expiresAt, createdById: actor.userId },
    select: { id: true },
  });
  await recordAudit(tx, actor, { action: "user.password_link_issued", entityType: "User", entityId: input.userId, metadata: { linkId: link.id, purpose: input.purpose, revoked } });
  return { token, expiresAt, purpose: input.purpose };
}

export type IssueLinkResult = { ok: true; userId: string; link: IssuedLink; recipient: LinkRecipient } | { ok: false; reason: "NOT_FOUND" | "CANNOT_CHANGE_SELF" };

/**
 * An administrator issues a reset link for another user's account (never their own: they change it at
 * /account/password, with the current one). The account's password and sessions are untouched until the link is
 * used, so a link issued by mistake costs the person nothing. Allowed for a deactivated account too (it still cannot
 * sign in until reactivated), so a new account awaiting approval can be given a fresh link when its first one lapsed.
 */
export async function issuePasswordLink(actor: Actor, input: { userId: string }): Promise<IssueLinkResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  if (input.userId === actor.userId) return { ok: false, reason: "CANNOT_CHANGE_SELF" };
  return db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { AND: [managedUserScope(actor), { id: input.userId }] }, select: { id: true, email: true, locale: true } });
    if (!user) return { ok: false, reason: "NOT_FOUND" } as const;
    const link = await issueLinkInTransaction(tx, actor, { userId: user.id, purpose: "RESET" });
    return { ok: true, userId: user.id, link, recipient: { email: user.email, locale: user.locale } } as const;
  });
}

export type SetPasswordResult =
  | { ok: true }
  | { ok: false; reason: "INVALID_LINK" | "THROTTLED" }
  | { ok: false; reason: "POLICY"; problem: PasswordProblem };

/** The link was used, revoked or expired between the check and the write (two tabs at once): nothing is applied. */
class LinkGone extends Error {}

/**
 * The holder of a password link sets the account's password. The link is the only credential: an unknown, used,
 * revoked or expired one is the same INVALID_LINK (and counts as a failed attempt from the address, like sign-in).
 * The new password passes the policy (which needs the account's e-mail). In one transaction the link is marked used
 * (conditionally, so two submissions cannot both succeed), the password is stored, every session of the account ends
 * and the change is audited with the link's id, never its token.
 */
export async function setPasswordWithLink(input: { token: string; newPassword: string }, client: { address: string; now?: Date }): Promise<SetPasswordResult> {
  const now = client.now ?? new Date();
  if (await passwordLinkThrottled(client.address, now)) return { ok: false, reason: "THROTTLED" };
  const refuse = async () => {
    await recordPasswordLinkFailure(client.address, now);
    return { ok: false, reason: "INVALID_LINK" } as const;
  };
  if (!TOKEN_PATTERN.test(input.token)) return refuse();
  const link = await db().passwordLink.findUnique({
    where: { tokenHash: hashLinkToken(input.token) },
    select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { email: true } } },
  });
  if (!link || passwordLinkState(link, now) !== "USABLE") return refuse();
  const problem = passwordProblem(input.newPassword, link.user.email);
  if (problem) return { ok: false, reason: "POLICY", problem };
  const passwordHash = await hashPassword(input.newPassword);
  try {
    return await db().$transaction(async (tx) => {
      const consumed = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (consumed.count === 0) throw new LinkGone();
      // The version is left alone: it guards the administrators' edits (and a pending grant names it), which a
      // password says nothing about. Bumping it would make a new account's grant stale the moment its person set
      // their password, before the second administrator had a chance to approve.
      await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
      const ended = await tx.userSession.updateMany({ where: { userId: link.userId, revokedAt: null }, data: { revokedAt: now } });
      await tx.auditEvent.create({
        data: {
          at: now,
          actorId: link.userId,
          action: "auth.password_set" satisfies AuditAction,
          entityType: "User",
          entityId: link.userId,
          metadata: { linkId: link.id, purpose: link.purpose, sessionsEnded: ended.count },
        },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof LinkGone) return refuse();
    throw error;
  }
}
