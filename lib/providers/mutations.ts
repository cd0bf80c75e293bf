import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { editableProviderScope, providerEditAccess } from "@/lib/authz/providers";
import { recordAudit } from "@/lib/audit/mutations";
import type { ProviderProfileInput } from "@/lib/providers/schema";
import type { ProviderKind } from "@/lib/generated/prisma/enums";

export type ProviderMutationResult = { ok: true; providerId: string } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "NAME_TAKEN" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** A new provider is a new service-provider organisation with its profile (CLOs, supervisors and admins). */
export async function createProvider(actor: Actor, input: { name: string; kind: ProviderKind; profile: ProviderProfileInput }): Promise<ProviderMutationResult> {
  if (!can(actor, "providers.edit")) return { ok: false, reason: "NOT_FOUND" };
  const { profile } = input;
  return db()
    .$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: { kind: "SERVICE_PROVIDER", name: input.name, region: profile.region },
        select: { id: true },
      });
      const provider = await tx.serviceProvider.create({
        data: { ...profileData(profile), organizationId: organization.id, kind: input.kind, capacityUpdatedAt: new Date() },
        select: { id: true },
      });
      await recordAudit(tx, actor, { action: "provider.create", entityType: "ServiceProvider", entityId: provider.id, metadata: { kind: input.kind } });
      return { ok: true, providerId: provider.id } as const;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return { ok: false, reason: "NAME_TAKEN" } as const;
      throw error;
    });
}

function profileData(profile: ProviderProfileInput) {
  return {
    description: profile.description ?? null,
    services: profile.services,
    servesGenders: profile.servesGenders,
    sogieAffirming: profile.sogieAffirming,
    familiesWithChildren: profile.familiesWithChildren,
    minors: profile.minors,
    mentalHealthSupport: profile.mentalHealthSupport,
    substanceUseSupport: profile.substanceUseSupport,
    riskLevelsAccepted: profile.riskLevelsAccepted,
    languages: profile.languages,
    region: profile.region,
    spacesTotal: profile.spacesTotal,
    spacesOpen: profile.spacesOpen,
    contactName: profile.contactName ?? null,
    contactEmail: profile.contactEmail ?? null,
    contactPhone: profile.contactPhone ?? null,
  };
}

/**
 * Edits a provider's profile. The actor's reach is in the where clause (lib/authz/providers.ts): a provider's
 * own caseworkers reach only their organisation's profile and cannot change its kind. `capacityUpdatedAt` is
 * stamped when the spaces change, so the directory shows how fresh the count is.
 */
export async function updateProvider(
  actor: Actor,
  input: { providerId: string; version: number; kind?: ProviderKind; profile: ProviderProfileInput },
): Promise<ProviderMutationResult> {
  return db().$transaction(async (tx) => {
    const scope = editableProviderScope(actor);
    const current = await tx.serviceProvider.findFirst({
      where: { AND: [scope, { id: input.providerId }] },
      select: {
        organizationId: true,
        kind: true,
        description: true,
        services: true,
        servesGenders: true,
        sogieAffirming: true,
        familiesWithChildren: true,
        minors: true,
        mentalHealthSupport: true,
        substanceUseSupport: true,
        riskLevelsAccepted: true,
        languages: true,
        region: true,
        spacesTotal: true,
        spacesOpen: true,
        contactName: true,
        contactEmail: true,
        contactPhone: true,
      },
    });
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    const access = providerEditAccess(actor, current);
    const data = profileData(input.profile);
    const kind = access === "FULL" && input.kind ? input.kind : current.kind;
    const capacityChanged = data.spacesOpen !== current.spacesOpen || data.spacesTotal !== current.spacesTotal;
    const changed = [
      ...Object.entries(data)
        .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key as keyof typeof current]))
        .map(([key]) => key),
      ...(kind !== current.kind ? ["kind"] : []),
    ];
    const { count } = await tx.serviceProvider.updateMany({
      where: { AND: [scope, { id: input.providerId, version: input.version }] },
      data: { ...data, kind, ...(capacityChanged ? { capacityUpdatedAt: new Date() } : {}), version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, { action: "provider.update", entityType: "ServiceProvider", entityId: input.providerId, metadata: { changed } });
    return { ok: true, providerId: input.providerId } as const;
  });
}
