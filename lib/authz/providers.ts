import { can, type Actor } from "@/lib/authz";
import type { ServiceProviderWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who may change a service provider's profile (docs/domain.md, People):
 * - CLOs, supervisors and admins ("providers.edit") add providers and edit every field;
 * - a provider's own caseworkers (NGO caseworkers of the provider's organisation) keep its profile and open
 *   spaces current, but not its kind (a CBSA contract is not theirs to declare) nor its name.
 * Everyone else reads only.
 */
export type ProviderEditAccess = "FULL" | "OWN_PROFILE" | null;

export function providerEditAccess(actor: Pick<Actor, "role" | "organizationId">, provider: { organizationId: string }): ProviderEditAccess {
  if (can(actor, "providers.edit")) return "FULL";
  if (actor.role === "NGO_CASEWORKER" && actor.organizationId === provider.organizationId) return "OWN_PROFILE";
  return null;
}

/** The providers whose profile the actor may edit, as a where clause for the update itself. */
export function editableProviderScope(actor: Pick<Actor, "role" | "organizationId">): ServiceProviderWhereInput {
  if (can(actor, "providers.edit")) return {};
  if (actor.role === "NGO_CASEWORKER") return { organizationId: actor.organizationId };
  return { id: { in: [] } };
}

/** Who has a "My organization" page: NGO caseworkers, whose organisation may be a provider in the directory. */
export function mayOpenOwnProvider(actor: Pick<Actor, "role">): boolean {
  return actor.role === "NGO_CASEWORKER";
}
