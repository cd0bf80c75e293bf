import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { roleFitsOrganization } from "@/lib/users/rules";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserMutationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "EMAIL_TAKEN" | "ORGANIZATION_NOT_FOUND" | "ROLE_DOES_NOT_FIT_ORGANIZATION" | "NOT_FOUND" | "STALE_VERSION" | "CANNOT_DEACTIVATE_SELF" };

async function organizationKind(organizationId: string) {
  const organization = await db().organization.findUnique({ where: { id: organizationId, active: true }, select: { kind: true } });
  return organization?.kind ?? null;
}

export async function createUser(
  actor: Actor,
  input: { name: string; email: string; role: Role; organizationId: string; password: string },
): Promise<UserMutationResult> {
  const kind = await organizationKind(input.organizationId);
  if (!kind) return { ok: false, reason: "ORGANIZATION_NOT_FOUND" };
  if (!roleFitsOrganization(input.role, kind)) return { ok: false, reason: "ROLE_DOES_NOT_FIT_ORGANIZATION" };
  const passwordHash = await hashPassword(input.password);
  return db()
    .$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { ok: false, reason: "EMAIL_TAKEN" } as const;
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, organizationId: input.organizationId, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, metadata: { role: input.role } });
    return { ok: true, userId: user.id } as const;
  })
    .catch((error: unknown) => {
      // Two admins creating the same address at once: the unique index decides, the loser is told plainly.
      if (isUniqueViolation(error)) return { ok: false, reason: "EMAIL_TAKEN" } as const;
      throw error;
    });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export async function updateUserRole(
  actor: Actor,
  input: { userId: string; version: number; role: Role; organizationId: string },
): Promise<UserMutationResult> {
  const kind = await organizationKind(input.organizationId);
  if (!kind) return { ok: false, reason: "ORGANIZATION_NOT_FOUND" };
  if (!roleFitsOrganization(input.role, kind)) return { ok: false, reason: "ROLE_DOES_NOT_FIT_ORGANIZATION" };
  return db().$transaction(async (tx) => {
    // The version in the where clause makes a concurrent edit fail instead of being overwritten.
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { role: input.role, organizationId: input.organizationId, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.user.count({ where: { id: input.userId } });
      return { ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" } as const;
    }
    await recordAudit(tx, actor, { action: "user.update", entityType: "User", entityId: input.userId, metadata: { role: input.role } });
    return { ok: true, userId: input.userId } as const;
  });
}

export async function setUserActive(actor: Actor, input: { userId: string; version: number; active: boolean }): Promise<UserMutationResult> {
  if (!input.active && input.userId === actor.userId) return { ok: false, reason: "CANNOT_DEACTIVATE_SELF" };
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { active: input.active, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.user.count({ where: { id: input.userId } });
      return { ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" } as const;
    }
    // Deactivation also ends every open session at once.
    if (!input.active) await tx.userSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: input.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: input.userId });
    return { ok: true, userId: input.userId } as const;
  });
}
