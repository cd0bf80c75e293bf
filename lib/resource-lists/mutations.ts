import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { mayEditResourceList, resourceListEditScope } from "@/lib/authz/resource-lists";
import { sharedOfficesToKeep } from "@/lib/resource-lists/rules";
import type { AddResourceItemInput, CreateResourceListInput, UpdateResourceItemInput, UpdateResourceListInput } from "@/lib/resource-lists/schema";

/**
 * Resource lists are edited by their own office only (resourceListEditScope in every where clause: another office's
 * list, even one shared with the actor, is "not found"). A list's version guards every change to it or its items, so
 * two people editing the same list never overwrite each other silently. Each change is audited with ids only.
 */
export type ResourceListResult =
  | { ok: true; id: string }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "PROVIDER_NOT_FOUND" | "OFFICE_NOT_FOUND" | "RETIRED" };

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** The offices named must be active CBSA offices; any other id is a wrong choice, not a silent drop. */
async function checkOffices(tx: Tx, officeIds: string[]): Promise<boolean> {
  if (officeIds.length === 0) return true;
  const found = await tx.organization.count({ where: { id: { in: officeIds }, kind: "CBSA_OFFICE", active: true } });
  return found === officeIds.length;
}

export async function createResourceList(actor: Actor, input: CreateResourceListInput): Promise<ResourceListResult> {
  const officeId = actor.organizationId;
  if (!mayEditResourceList(actor, { officeId })) return { ok: false, reason: "NOT_FOUND" };
  const shared = sharedOfficesToKeep(input.sharing, input.sharedOfficeIds, officeId);
  return db().$transaction(async (tx) => {
    if (!(await checkOffices(tx, shared))) return { ok: false, reason: "OFFICE_NOT_FOUND" } as const;
    const list = await tx.resourceList.create({
      data: { officeId, name: input.name, description: input.description, topic: input.topic, sharing: input.sharing, shares: { create: shared.map((id) => ({ officeId: id })) } },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "resource_list.create", entityType: "ResourceList", entityId: list.id, metadata: { topic: input.topic, sharing: input.sharing, sharedOfficeIds: shared } });
    return { ok: true, id: list.id } as const;
  });
}

export async function updateResourceList(actor: Actor, input: UpdateResourceListInput): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const list = await tx.resourceList.findFirst({ where: { AND: [resourceListEditScope(actor), { id: input.listId }] }, select: { id: true, officeId: true, version: true, retiredAt: true } });
    if (!list) return { ok: false, reason: "NOT_FOUND" } as const;
    if (list.version !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    if (list.retiredAt) return { ok: false, reason: "RETIRED" } as const;
    const shared = sharedOfficesToKeep(input.sharing, input.sharedOfficeIds, list.officeId);
    if (!(await checkOffices(tx, shared))) return { ok: false, reason: "OFFICE_NOT_FOUND" } as const;
    const updated = await tx.resourceList.updateMany({
      where: { id: list.id, version: input.version },
      data: { name: input.name, description: input.description, topic: input.topic, sharing: input.sharing, version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false, reason: "STALE_VERSION" } as const;
    await tx.resourceListShare.deleteMany({ where: { listId: list.id } });
    if (shared.length > 0) await tx.resourceListShare.createMany({ data: shared.map((officeId) => ({ listId: list.id, officeId })) });
    await recordAudit(tx, actor, { action: "resource_list.update", entityType: "ResourceList", entityId: list.id, metadata: { topic: input.topic, sharing: input.sharing, sharedOfficeIds: shared } });
    return { ok: true, id: list.id } as const;
  });
}

/** Retiring keeps the list and its items (history, audit) and takes it out of use everywhere: the case page offers it no more. */
export async function retireResourceList(actor: Actor, input: { listId: string; version: number }): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const updated = await tx.resourceList.updateMany({
      where: { AND: [resourceListEditScope(actor), { id: input.listId, version: input.version, retiredAt: null }] },
      data: { retiredAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const exists = await tx.resourceList.findFirst({ where: { AND: [resourceListEditScope(actor), { id: input.listId }] }, select: { version: true, retiredAt: true } });
      if (!exists) return { ok: false, reason: "NOT_FOUND" } as const;
      return { ok: false, reason: exists.retiredAt ? "RETIRED" : "STALE_VERSION" } as const;
    }
    await recordAudit(tx, actor, { action: "resource_list.retire", entityType: "ResourceList", entityId: input.listId });
    return { ok: true, id: input.listId } as const;
  });
}

/** Bumps the list's version if it is still the one read: the items' edits are edits of the list. */
async function claimList(tx: Tx, actor: Actor, listId: string, version: number): Promise<"OK" | "NOT_FOUND" | "STALE_VERSION" | "RETIRED"> {
  const list = await tx.resourceList.findFirst({ where: { AND: [resourceListEditScope(actor), { id: listId }] }, select: { version: true, retiredAt: true } });
  if (!list) return "NOT_FOUND";
  if (list.retiredAt) return "RETIRED";
  if (list.version !== version) return "STALE_VERSION";
  const updated = await tx.resourceList.updateMany({ where: { id: listId, version, retiredAt: null }, data: { version: { increment: 1 } } });
  return updated.count === 1 ? "OK" : "STALE_VERSION";
}

export async function addResourceItem(actor: Actor, input: AddResourceItemInput): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const claim = await claimList(tx, actor, input.listId, input.version);
    if (claim !== "OK") return { ok: false, reason: claim } as const;
    let name = input.name;
    if (input.providerId) {
      const provider = await tx.serviceProvider.findFirst({ where: { id: input.providerId, listed: true }, select: { organization: { select: { name: true } } } });
      if (!provider) return { ok: false, reason: "PROVIDER_NOT_FOUND" } as const;
      name ??= provider.organization.name;
    }
    const item = await tx.resourceListItem.create({ data: { listId: input.listId, providerId: input.providerId ?? null, name: name!, notes: input.notes }, select: { id: true } });
    await recordAudit(tx, actor, { action: "resource_list.add_item", entityType: "ResourceList", entityId: input.listId, metadata: { itemId: item.id } });
    return { ok: true, id: item.id } as const;
  });
}

/** The item, on a list the actor may edit. */
async function editableItem(tx: Tx, actor: Actor, itemId: string) {
  return tx.resourceListItem.findFirst({ where: { id: itemId, list: resourceListEditScope(actor) }, select: { id: true, listId: true } });
}

export async function updateResourceItem(actor: Actor, input: UpdateResourceItemInput): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const item = await editableItem(tx, actor, input.itemId);
    if (!item) return { ok: false, reason: "NOT_FOUND" } as const;
    const claim = await claimList(tx, actor, item.listId, input.version);
    if (claim !== "OK") return { ok: false, reason: claim } as const;
    await tx.resourceListItem.update({ where: { id: item.id }, data: { name: input.name, notes: input.notes } });
    await recordAudit(tx, actor, { action: "resource_list.update_item", entityType: "ResourceList", entityId: item.listId, metadata: { itemId: item.id } });
    return { ok: true, id: item.id } as const;
  });
}

export async function removeResourceItem(actor: Actor, input: { itemId: string; version: number }): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const item = await editableItem(tx, actor, input.itemId);
    if (!item) return { ok: false, reason: "NOT_FOUND" } as const;
    const claim = await claimList(tx, actor, item.listId, input.version);
    if (claim !== "OK") return { ok: false, reason: claim } as const;
    await tx.resourceListItem.delete({ where: { id: item.id } });
    await recordAudit(tx, actor, { action: "resource_list.remove_item", entityType: "ResourceList", entityId: item.listId, metadata: { itemId: item.id } });
    return { ok: true, id: item.id } as const;
  });
}
