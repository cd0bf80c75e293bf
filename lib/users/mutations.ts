import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, managedUserScope, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem, type PasswordProblem } from "@/lib/auth/password-policy";
import { checkCurrentPassword } from "@/lib/auth/sign-in";
import { changeNeedsApproval, grantApprovalProblem, roleFitsOrganization, type AccountAccess } from "@/lib/users/rules";
import type { Role } from "@/lib/generated/prisma/enums";
import { issueLinkInTransaction, type IssuedLink, type LinkRecipient } from "@/lib/password-links/mutations";

export type UserMutationResult =
  | { ok: true; userId: string; pendingApproval: boolean }
  | {
      ok: false;
      reason:
        | "EMAIL_TAKEN"
        | "ORGANIZATION_NOT_FOUND"
        | "ROLE_DOES_NOT_FIT_ORGANIZATION"
        | "NOT_FOUND"
        | "STALE_VERSION"
        | "CANNOT_CHANGE_SELF"
        | "CANNOT_APPROVE_OWN_REQUEST"
        | "CANNOT_APPROVE_ABOUT_SELF";
    };

/**
 * Audit actions of access grants: distinct names under "user.grant", so that a search of the audit log for them finds
 * every request, approval and decline (and the page shows them prominently).
 */
export const GRANT_AUDIT = { requested: "user.grant_requested", approved: "user.grant_approved", declined: "user.grant_declined" } as const;

async function organizationKind(organizationId: string) {
  const organization = await db().organization.findUnique({ where: { id: organizationId, active: true }, select: { kind: true } });
  return organization?.kind ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Records a request for access that a different administrator must approve (lib/users/rules changeNeedsApproval).
 * Any earlier pending request for the same user is superseded: only the latest stands.
 */
async function requestGrant(tx: Transaction, actor: Actor, input: { userId: string; userVersion: number; access: AccountAccess; activates: boolean }) {
  await tx.roleGrant.updateMany({ where: { userId: input.userId, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: new Date(), version: { increment: 1 } } });
  const grant = await tx.roleGrant.create({
    data: {
      userId: input.userId,
      role: input.access.role,
      organizationId: input.access.organizationId,
      activates: input.activates,
      userVersion: input.userVersion,
      requestedById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: GRANT_AUDIT.requested,
    entityType: "User",
    entityId: input.userId,
    metadata: { grantId: grant.id, role: input.access.role, organizationId: input.access.organizationId, activates: input.activates },
  });
}

export type CreateUserResult =
  | { ok: true; userId: string; pendingApproval: boolean; link: IssuedLink; recipient: LinkRecipient }
  | Extract<UserMutationResult, { ok: false }>;

/**
 * Creates an account, without a password: the person sets their own through a single-use link (72 hours), issued in
 * the same transaction and shown once to the administrator. Until then the account cannot sign in. A role that needs
 * approval (case access, or ADMIN) is created inactive with a pending grant: the person can sign in only once a second
 * administrator approves. Other roles are active at once.
 */
export async function createUser(actor: Actor, input: { name: string; email: string; role: Role; organizationId: string }): Promise<CreateUserResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  const kind = await organizationKind(input.organizationId);
  if (!kind) return { ok: false, reason: "ORGANIZATION_NOT_FOUND" };
  if (!roleFitsOrganization(input.role, kind)) return { ok: false, reason: "ROLE_DOES_NOT_FIT_ORGANIZATION" };
  const access: AccountAccess = { role: input.role, organizationId: input.organizationId, active: true };
  const pendingApproval = changeNeedsApproval(null, access);
  return db()
    .$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return { ok: false, reason: "EMAIL_TAKEN" } as const;
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, organizationId: input.organizationId, passwordHash: null, active: !pendingApproval },
        select: { id: true, version: true, locale: true },
      });
      await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, metadata: { role: input.role, pendingApproval } });
      if (pendingApproval) await requestGrant(tx, actor, { userId: user.id, userVersion: user.version, access, activates: true });
      const link = await issueLinkInTransaction(tx, actor, { userId: user.id, purpose: "NEW_ACCOUNT" });
      return { ok: true, userId: user.id, pendingApproval, link, recipient: { email: input.email, locale: user.locale } } as const;
    })
    .catch((error: unknown) => {
      // Two admins creating the same address at once: the unique index decides, the loser is told plainly.
      if (isUniqueViolation(error)) return { ok: false, reason: "EMAIL_TAKEN" } as const;
      throw error;
    });
}

/**
 * Changes a user's name, e-mail address, role and organisation. An admin cannot change their own (no one grants
 * themselves power). The name and address apply at once; a role change that gives access (lib/users/rules
 * changeNeedsApproval) becomes a pending grant and the user keeps their current role until a second administrator
 * approves; one that takes access away applies at once.
 */
export async function updateUser(
  actor: Actor,
  input: { userId: string; version: number; name: string; email: string; role: Role; organizationId: string },
): Promise<UserMutationResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  if (input.userId === actor.userId) return { ok: false, reason: "CANNOT_CHANGE_SELF" };
  const kind = await organizationKind(input.organizationId);
  if (!kind) return { ok: false, reason: "ORGANIZATION_NOT_FOUND" };
  if (!roleFitsOrganization(input.role, kind)) return { ok: false, reason: "ROLE_DOES_NOT_FIT_ORGANIZATION" };
  return db()
    .$transaction(async (tx) => {
      const current = await tx.user.findFirst({
        where: { AND: [managedUserScope(actor), { id: input.userId }] },
        select: { name: true, email: true, role: true, organizationId: true, active: true },
      });
      if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
      if (input.email !== current.email) {
        const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
        if (taken) return { ok: false, reason: "EMAIL_TAKEN" } as const;
      }
      const next: AccountAccess = { role: input.role, organizationId: input.organizationId, active: current.active };
      // An inactive account's role changes at once: it gives no access until reactivated, and reactivation is a grant.
      const pendingApproval = changeNeedsApproval(current, next);
      const identity = { name: input.name, email: input.email };
      // The version in the where clause makes a concurrent edit fail instead of being overwritten; a pending grant
      // moves the version on too, so two requests made from the same page cannot both stand.
      const { count } = await tx.user.updateMany({
        where: { id: input.userId, version: input.version },
        data: pendingApproval ? { ...identity, version: { increment: 1 } } : { ...identity, role: input.role, organizationId: input.organizationId, version: { increment: 1 } },
      });
      if (count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
      // Field names only: the audit log holds no personal data.
      const changed: string[] = (["name", "email"] as const).filter((field) => current[field] !== input[field]);
      if (pendingApproval) {
        await requestGrant(tx, actor, { userId: input.userId, userVersion: input.version + 1, access: next, activates: false });
        if (changed.length > 0) await recordAudit(tx, actor, { action: "user.update", entityType: "User", entityId: input.userId, metadata: { changed } });
      } else {
        if (current.role !== input.role) changed.push("role");
        if (current.organizationId !== input.organizationId) changed.push("organizationId");
        await recordAudit(tx, actor, { action: "user.update", entityType: "User", entityId: input.userId, metadata: { role: input.role, changed } });
      }
      return { ok: true, userId: input.userId, pendingApproval } as const;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return { ok: false, reason: "EMAIL_TAKEN" } as const;
      throw error;
    });
}

/**
 * Deactivates (at once, ending every session and any pending grant) or reactivates a user. An admin cannot do either
 * to themselves. Reactivating an account whose role needs approval gives access back, so it waits for a second admin.
 */
export async function setUserActive(actor: Actor, input: { userId: string; version: number; active: boolean }): Promise<UserMutationResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  if (input.userId === actor.userId) return { ok: false, reason: "CANNOT_CHANGE_SELF" };
  return db().$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, organizationId: true, active: true } });
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    const pendingApproval = input.active && changeNeedsApproval(current, { ...current, active: true });
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: pendingApproval ? { version: { increment: 1 } } : { active: input.active, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    if (pendingApproval) {
      await requestGrant(tx, actor, { userId: input.userId, userVersion: input.version + 1, access: { ...current, active: true }, activates: true });
      return { ok: true, userId: input.userId, pendingApproval } as const;
    }
    if (!input.active) {
      // Deactivation also ends every open session at once, and no grant asked for earlier can bring the account back.
      await tx.userSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.roleGrant.updateMany({ where: { userId: input.userId, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: new Date(), version: { increment: 1 } } });
      // ...nor a password link issued earlier: reactivation starts from whatever password the account had.
      await tx.passwordLink.updateMany({ where: { userId: input.userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit(tx, actor, { action: input.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: input.userId });
    return { ok: true, userId: input.userId, pendingApproval } as const;
  });
}

/**
 * A second administrator approves a pending grant: the role, organisation and (for a new or reactivated account) the
 * activation are applied together. Refused to the admin who asked and to the grant's own subject, and if the account
 * changed since the request (its version moved on).
 */
export async function approveRoleGrant(actor: Actor, input: { grantId: string; version: number }): Promise<UserMutationResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const grant = await tx.roleGrant.findFirst({
      where: { id: input.grantId, status: "PENDING" },
      select: { userId: true, requestedById: true, role: true, organizationId: true, activates: true, userVersion: true, version: true, organization: { select: { kind: true, active: true } } },
    });
    if (!grant) return { ok: false, reason: "NOT_FOUND" } as const;
    const problem = grantApprovalProblem(actor.userId, grant);
    if (problem) return { ok: false, reason: problem === "OWN_REQUEST" ? "CANNOT_APPROVE_OWN_REQUEST" : "CANNOT_APPROVE_ABOUT_SELF" } as const;
    if (!grant.organization.active) return { ok: false, reason: "ORGANIZATION_NOT_FOUND" } as const;
    if (!roleFitsOrganization(grant.role, grant.organization.kind)) return { ok: false, reason: "ROLE_DOES_NOT_FIT_ORGANIZATION" } as const;
    const decided = await tx.roleGrant.updateMany({
      where: { id: input.grantId, status: "PENDING", version: input.version },
      data: { status: "APPROVED", decidedById: actor.userId, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (decided.count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    const applied = await tx.user.updateMany({
      where: { id: grant.userId, version: grant.userVersion },
      data: { role: grant.role, organizationId: grant.organizationId, ...(grant.activates ? { active: true } : {}), version: { increment: 1 } },
    });
    // The account changed after the request: what was asked for may no longer be what is wanted. Nothing is applied.
    if (applied.count === 0) throw new StaleGrant();
    await recordAudit(tx, actor, {
      action: GRANT_AUDIT.approved,
      entityType: "User",
      entityId: grant.userId,
      metadata: { grantId: input.grantId, role: grant.role, organizationId: grant.organizationId, activates: grant.activates, requestedById: grant.requestedById },
    });
    return { ok: true, userId: grant.userId, pendingApproval: false } as const;
  }).catch((error: unknown) => {
    if (error instanceof StaleGrant) return { ok: false, reason: "STALE_VERSION" } as const;
    throw error;
  });
}

/** Rolls the approval's transaction back when the account moved on since the request. */
class StaleGrant extends Error {}

/** Any administrator may decline a pending grant (the one who asked, to withdraw it): nothing about the user changes. */
export async function declineRoleGrant(actor: Actor, input: { grantId: string; version: number }): Promise<UserMutationResult> {
  if (!can(actor, "users.manage")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const grant = await tx.roleGrant.findFirst({ where: { id: input.grantId, status: "PENDING" }, select: { userId: true, role: true, requestedById: true } });
    if (!grant) return { ok: false, reason: "NOT_FOUND" } as const;
    const decided = await tx.roleGrant.updateMany({
      where: { id: input.grantId, status: "PENDING", version: input.version },
      data: { status: "DECLINED", decidedById: actor.userId, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (decided.count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, {
      action: GRANT_AUDIT.declined,
      entityType: "User",
      entityId: grant.userId,
      metadata: { grantId: input.grantId, role: grant.role, requestedById: grant.requestedById },
    });
    return { ok: true, userId: grant.userId, pendingApproval: false } as const;
  });
}

export type PasswordChangeResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; reason: "WRONG_PASSWORD" | "THROTTLED" | "NOT_FOUND" }
  | { ok: false; reason: "POLICY"; problem: PasswordProblem };

/**
 * A signed-in user (any role) changes their own password: the current one is required, the new one must pass the
 * policy (which needs the account's e-mail, so it is checked here), and every other session of the user ends at once
 * (a password change is how someone who suspects their account was used takes it back). Audited.
 */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<PasswordChangeResult> {
  const user = await db().user.findUnique({ where: { id: actor.userId, active: true }, select: { email: true } });
  if (!user) return { ok: false, reason: "NOT_FOUND" };
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) return { ok: false, reason: "POLICY", problem };
  const check = await checkCurrentPassword(actor.userId, actor.sessionId, input.currentPassword);
  if (check !== "OK") return { ok: false, reason: check === "THROTTLED" ? "THROTTLED" : "WRONG_PASSWORD" };
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, version: { increment: 1 } } });
    const ended = await tx.userSession.updateMany({ where: { userId: actor.userId, id: { not: actor.sessionId }, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "auth.password_change", entityType: "User", entityId: actor.userId, metadata: { otherSessionsEnded: ended.count } });
    return { ok: true, otherSessionsEnded: ended.count } as const;
  });
}
