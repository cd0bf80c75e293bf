import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { mayEditResourceList, resourceListReadScope } from "@/lib/authz/resource-lists";
import type { ResourceListSharing, ResourceListTopic } from "@/lib/generated/prisma/enums";

export type ResourceListItemView = { id: string; name: string; providerId: string | null; notes: string | null };

export type ResourceListView = {
  id: string;
  name: string;
  description: string | null;
  topic: ResourceListTopic;
  sharing: ResourceListSharing;
  /** The offices a NAMED_OFFICES list names: shown to its own office only (another office sees that it may read it). */
  sharedOffices: { id: string; name: string }[];
  officeName: string;
  /** The owning office's zone, for the date a list was retired. */
  officeTimeZone: string;
  retiredAt: Date | null;
  version: number;
  editable: boolean;
  items: ResourceListItemView[];
};

/** The office's own order (moved up and down on the lists page), then id for items that share a place. */
const ITEM_ORDER = [{ position: "asc" as const }, { id: "asc" as const }];

/**
 * Every list the actor may read (lib/authz/resource-lists.ts): their office's own, retired ones included (history),
 * then those other offices share with them, retired ones left out. Lists are few: no paging.
 */
export async function listResourceLists(actor: Actor): Promise<ResourceListView[]> {
  const lists = await db().resourceList.findMany({
    where: { AND: [resourceListReadScope(actor), { OR: [{ officeId: actor.organizationId }, { retiredAt: null }] }] },
    orderBy: [{ retiredAt: { sort: "desc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      officeId: true,
      name: true,
      description: true,
      topic: true,
      sharing: true,
      retiredAt: true,
      version: true,
      office: { select: { name: true, timeZone: true } },
      shares: { orderBy: { office: { name: "asc" } }, select: { office: { select: { id: true, name: true } } } },
      items: { orderBy: ITEM_ORDER, select: { id: true, name: true, providerId: true, notes: true } },
    },
  });
  return lists.map(({ office, shares, officeId, ...list }) => {
    const editable = mayEditResourceList(actor, { officeId });
    return { ...list, officeName: office.name, officeTimeZone: office.timeZone, editable, sharedOffices: editable ? shares.map((share) => share.office) : [] };
  });
}

/**
 * The families-and-minors lists in use for the actor's office (own and shared, never retired), for the case page's
 * "Families and minors" section: read by getCaseFile alongside the case.
 */
export async function familyResourceLists(actor: Actor): Promise<ResourceListView[]> {
  const lists = await db().resourceList.findMany({
    where: { AND: [resourceListReadScope(actor), { topic: "FAMILIES_AND_MINORS", retiredAt: null }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      officeId: true,
      name: true,
      description: true,
      topic: true,
      sharing: true,
      retiredAt: true,
      version: true,
      office: { select: { name: true, timeZone: true } },
      items: { orderBy: ITEM_ORDER, select: { id: true, name: true, providerId: true, notes: true } },
    },
  });
  return lists.map(({ office, officeId, ...list }) => ({ ...list, officeName: office.name, officeTimeZone: office.timeZone, editable: mayEditResourceList(actor, { officeId }), sharedOffices: [] }));
}

/** The other CBSA offices a list may be shared with by name. */
export async function shareableOffices(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!mayEditResourceList(actor, { officeId: actor.organizationId })) return [];
  return db().organization.findMany({
    where: { kind: "CBSA_OFFICE", active: true, id: { not: actor.organizationId } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
