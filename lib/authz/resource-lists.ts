import type { Actor } from "@/lib/authz";
import type { ResourceListSharing } from "@/lib/generated/prisma/enums";
import type { ResourceListWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who may read and edit a resource list (docs/domain.md, Families and minors). A list belongs to the office that made
 * it: only that office's CLOs and supervisors edit it (its name, description, items, sharing, retiring). Its sharing
 * says who else reads it: nobody (OFFICE), the offices it names (NAMED_OFFICES), or every CBSA office (ALL_OFFICES).
 * Reading is for CLOs and supervisors of a CBSA office only: counsel, caseworkers and admins read no office's lists.
 * Pure functions; resourceListReadScope is the where-clause twin of mayReadResourceList.
 */

type ListActor = Pick<Actor, "role" | "organizationId" | "organizationKind">;
export type ListAccessFacts = { officeId: string; sharing: ResourceListSharing; sharedOfficeIds: readonly string[] };

const NONE: ResourceListWhereInput = { id: { in: [] } };

function officeMember(actor: ListActor): boolean {
  return (actor.role === "CLO" || actor.role === "SUPERVISOR") && actor.organizationKind === "CBSA_OFFICE";
}

export function mayEditResourceList(actor: ListActor, list: Pick<ListAccessFacts, "officeId">): boolean {
  return officeMember(actor) && list.officeId === actor.organizationId;
}

export function mayReadResourceList(actor: ListActor, list: ListAccessFacts): boolean {
  if (!officeMember(actor)) return false;
  if (list.officeId === actor.organizationId) return true;
  switch (list.sharing) {
    case "ALL_OFFICES":
      return true;
    case "NAMED_OFFICES":
      return list.sharedOfficeIds.includes(actor.organizationId);
    case "OFFICE":
      return false;
  }
}

/** The lists the actor may read (retired ones included: callers that offer lists for use add `retiredAt: null`). */
export function resourceListReadScope(actor: ListActor): ResourceListWhereInput {
  if (!officeMember(actor)) return NONE;
  return {
    OR: [{ officeId: actor.organizationId }, { sharing: "ALL_OFFICES" }, { sharing: "NAMED_OFFICES", shares: { some: { officeId: actor.organizationId } } }],
  };
}

/** The lists the actor may edit: their own office's. */
export function resourceListEditScope(actor: ListActor): ResourceListWhereInput {
  return officeMember(actor) ? { officeId: actor.organizationId } : NONE;
}
