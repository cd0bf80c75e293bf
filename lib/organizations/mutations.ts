import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";

export type OrganizationMutationResult = { ok: true; organizationId: string } | { ok: false; reason: "NOT_FOUND" | "NAME_TAKEN" };

/** A new organisation (administrators only: "organizations.manage"). */
export async function createOrganization(
  actor: Actor,
  input: { name: string; kind: OrganizationKind; region: string; timeZone: string },
): Promise<OrganizationMutationResult> {
  if (!can(actor, "organizations.manage")) return { ok: false, reason: "NOT_FOUND" };
  return db()
    .$transaction(async (tx) => {
      const organization = await tx.organization.create({ data: input, select: { id: true } });
      await recordAudit(tx, actor, { action: "organization.create", entityType: "Organization", entityId: organization.id, metadata: { kind: input.kind } });
      return { ok: true, organizationId: organization.id } as const;
    })
    .catch((error: unknown) => {
      if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") return { ok: false, reason: "NAME_TAKEN" } as const;
      throw error;
    });
}
