import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { mayEditResourceList, resourceListEditScope } from "@/lib/authz/resource-lists";
import { sharedOfficesToKeep } from "@/lib/resource-lists/rules";
import type { AddResourceItemInput, CreateResourceListInput, MoveResourceItemInput, UpdateResourceItemInput, UpdateResourceListInput } from "@/lib/resource-lists/schema";

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

/** Restoring puts a retired list back in use where it was offered before (its topic and sharing are unchanged). */
export async function restoreResourceList(actor: Actor, input: { listId: string; version: number }): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const updated = await tx.resourceList.updateMany({
      where: { AND: [resourceListEditScope(actor), { id: input.listId, version: input.version, retiredAt: { not: null } }] },
      data: { retiredAt: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const exists = await tx.resourceList.findFirst({ where: { AND: [resourceListEditScope(actor), { id: input.listId }] }, select: { id: true } });
      // In use already, or read at an older version: either way the page was stale.
      return { ok: false, reason: exists ? "STALE_VERSION" : "NOT_FOUND" } as const;
    }
    await recordAudit(tx, actor, { action: "resource_list.restore", entityType: "ResourceList", entityId: input.listId });
    return { ok: true, id: input.listId } as const;
  });
}

/** Whether the actor may edit the list as read: found in their office, in use, at that version. */
async function checkList(tx: Tx, actor: Actor, listId: string, version: number): Promise<"OK" | "NOT_FOUND" | "STALE_VERSION" | "RETIRED"> {
  const list = await tx.resourceList.findFirst({ where: { AND: [resourceListEditScope(actor), { id: listId }] }, select: { version: true, retiredAt: true } });
  if (!list) return "NOT_FOUND";
  if (list.retiredAt) return "RETIRED";
  return list.version === version ? "OK" : "STALE_VERSION";
}

/** Bumps the list's version if it is still the one read: the items' edits are edits of the list. */
async function claimList(tx: Tx, actor: Actor, listId: string, version: number): Promise<"OK" | "NOT_FOUND" | "STALE_VERSION" | "RETIRED"> {
  const checked = await checkList(tx, actor, listId, version);
  if (checked !== "OK") return checked;
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
    // Last in the list: after the highest place so far (the list's version, claimed above, serialises additions).
    const last = await tx.resourceListItem.aggregate({ where: { listId: input.listId }, _max: { position: true } });
    const position = (last._max.position ?? -1) + 1;
    const item = await tx.resourceListItem.create({ data: { listId: input.listId, providerId: input.providerId ?? null, name: name!, notes: input.notes, position }, select: { id: true } });
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

/**
 * Moves an option one place up or down its list by swapping places with its neighbour. The list's version guards the
 * move like any edit, so two people reordering at once never interleave. The first item moved up, or the last moved
 * down, stays where it is: nothing changes and nothing is audited, but the answer is a success (the order asked for holds).
 */
export async function moveResourceItem(actor: Actor, input: MoveResourceItemInput): Promise<ResourceListResult> {
  return db().$transaction(async (tx) => {
    const item = await tx.resourceListItem.findFirst({ where: { id: input.itemId, list: resourceListEditScope(actor) }, select: { id: true, listId: true, position: true } });
    if (!item) return { ok: false, reason: "NOT_FOUND" } as const;
    // The list in its shown order (position, then id for items that share a place).
    const items = await tx.resourceListItem.findMany({ where: { listId: item.listId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const order = items.map((entry) => entry.id);
    const from = order.indexOf(item.id);
    const to = input.direction === "UP" ? from - 1 : from + 1;
    const stays = to < 0 || to >= order.length;
    // Nowhere to go: checked like a move (a stale page is still told so), but nothing is written, the version included.
    const claim = stays ? await checkList(tx, actor, item.listId, input.version) : await claimList(tx, actor, item.listId, input.version);
    if (claim !== "OK") return { ok: false, reason: claim } as const;
    if (stays) return { ok: true, id: item.id } as const;
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Renumbered from 0: places are then distinct whatever they were before.
    for (const [place, id] of order.entries()) await tx.resourceListItem.update({ where: { id }, data: { position: place } });
    await recordAudit(tx, actor, { action: "resource_list.move_item", entityType: "ResourceList", entityId: item.listId, metadata: { itemId: item.id, direction: input.direction } });
    return { ok: true, id: item.id } as const;
  });
}
