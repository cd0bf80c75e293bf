import type { ProviderService, ResourceListSharing, ResourceListTopic } from "@/lib/generated/prisma/enums";
import type { ServiceProviderWhereInput } from "@/lib/generated/prisma/models";

export const RESOURCE_LIST_TOPICS = ["GENERAL", "FAMILIES_AND_MINORS"] as const satisfies readonly ResourceListTopic[];
export const RESOURCE_LIST_SHARINGS = ["OFFICE", "NAMED_OFFICES", "ALL_OFFICES"] as const satisfies readonly ResourceListSharing[];

/**
 * A provider is family-capable when the directory says it serves families or children: it takes families with
 * children, or minors, or offers family support. (Its populations are the first two switches of its profile; the
 * service is what a program for separated families lists.) Only listed providers of active organisations count, as
 * everywhere the directory is offered (lib/providers/queries.ts).
 */
export function isFamilyCapable(provider: { familiesWithChildren: boolean; minors: boolean; services: readonly ProviderService[] }): boolean {
  return provider.familiesWithChildren || provider.minors || provider.services.includes("FAMILY_SUPPORT");
}

/** isFamilyCapable as a where clause, within a region's directory. */
export function familyCapableProviderScope(region: string): ServiceProviderWhereInput {
  return {
    listed: true,
    organization: { active: true },
    region,
    OR: [{ familiesWithChildren: true }, { minors: true }, { services: { has: "FAMILY_SUPPORT" } }],
  };
}

/** The offices a list names, kept only when its sharing is NAMED_OFFICES; never the owning office itself. */
export function sharedOfficesToKeep(sharing: ResourceListSharing, officeIds: readonly string[], owningOfficeId: string): string[] {
  if (sharing !== "NAMED_OFFICES") return [];
  return [...new Set(officeIds)].filter((id) => id !== owningOfficeId);
}
