import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";

/**
 * Families and minors on the real database: resource lists shared by office, retired out of use; the case page's
 * families slices following the flags and cases the viewer may see; family links within the office. A database of its
 * own (it adds detentions, which other files count).
 */
const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { createResourceList, updateResourceList, retireResourceList, restoreResourceList, addResourceItem, updateResourceItem, removeResourceItem, moveResourceItem } = await import("@/lib/resource-lists/mutations");
const { listResourceLists, familyResourceLists } = await import("@/lib/resource-lists/queries");
const { linkFamilyMember, unlinkFamilyMember, recordBestInterests } = await import("@/lib/families/mutations");
const { getCaseFile } = await import("@/lib/case-file/queries");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const TORONTO = "CBSA Greater Toronto Area Region";
const VANCOUVER = "CBSA Pacific Region";
const clo = await actorFor(prisma, "clo.toronto@liaison.example");
const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
const montreal = await actorFor(prisma, "clo.montreal@liaison.example");
const vancouver = await actorFor(prisma, "clo.vancouver@liaison.example");
const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
const quebecOfficeId = montreal.organizationId;

const list = (overrides: Partial<Parameters<typeof createResourceList>[1]> = {}) => ({
  name: `Families ${Math.random().toString(36).slice(2, 8)}`,
  description: null,
  topic: "FAMILIES_AND_MINORS" as const,
  sharing: "OFFICE" as const,
  sharedOfficeIds: [] as string[],
  ...overrides,
});

async function created(result: Awaited<ReturnType<typeof createResourceList>>): Promise<string> {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.id;
}

async function torontoCase(flags: VulnerabilityFlag[] = [], counselId: string | null = null): Promise<{ id: string; reference: string }> {
  const { id, detaineeId } = await insertDetention(prisma, { officeName: TORONTO, detainedAt: new Date(now.getTime() - 20 * HOUR), nextReviewDueBy: new Date(now.getTime() + 28 * HOUR), flags });
  if (counselId) await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId } });
  const { reference } = await prisma.detention.findUniqueOrThrow({ where: { id }, select: { reference: true } });
  return { id, reference };
}

const versionOf = async (listId: string) => (await prisma.resourceList.findUniqueOrThrow({ where: { id: listId }, select: { version: true } })).version;

describe("resource lists by sharing", () => {
  it("a list shared with all offices is read by another office's CLO and edited only by its own office", async () => {
    const listId = await created(await createResourceList(clo, list({ sharing: "ALL_OFFICES" })));
    const seen = (await listResourceLists(montreal)).find((entry) => entry.id === listId);
    expect(seen).toMatchObject({ editable: false, officeName: TORONTO, sharedOffices: [] });
    expect((await familyResourceLists(vancouver)).map((entry) => entry.id)).toContain(listId);

    // Read there, never edited there: every write is "not found" and changes nothing.
    expect(await updateResourceList(montreal, { listId, version: 1, ...list({ name: "Taken over" }) })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await addResourceItem(montreal, { listId, version: 1, name: "Elsewhere", notes: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await retireResourceList(montreal, { listId, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await versionOf(listId)).toBe(1);

    // Its own office edits it, at the version read.
    const added = await addResourceItem(supervisor, { listId, version: 1, name: "Host family network", notes: null });
    if (!added.ok) throw new Error("refused");
    expect(await updateResourceItem(montreal, { itemId: added.id, version: 2, name: "Renamed", notes: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await removeResourceItem(montreal, { itemId: added.id, version: 2 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await updateResourceItem(clo, { itemId: added.id, version: 1, name: "Stale", notes: null })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await updateResourceItem(clo, { itemId: added.id, version: 2, name: "Host family network (Lakeshore)", notes: "Two weeks' notice" })).ok).toBe(true);
    expect((await listResourceLists(montreal)).find((entry) => entry.id === listId)!.items.map((item) => item.name)).toEqual(["Host family network (Lakeshore)"]);
    expect((await removeResourceItem(clo, { itemId: added.id, version: 3 })).ok).toBe(true);

    // Back to the office alone: the other office no longer reads it.
    expect((await updateResourceList(clo, { listId, version: 4, ...list({ name: "Ours again" }) })).ok).toBe(true);
    expect((await listResourceLists(montreal)).map((entry) => entry.id)).not.toContain(listId);

    // Audited with ids only: the actions, never the list's words.
    const events = await prisma.auditEvent.findMany({ where: { entityId: listId }, orderBy: { id: "asc" }, select: { action: true, metadata: true } });
    expect(events.map((event) => event.action)).toEqual(["resource_list.create", "resource_list.add_item", "resource_list.update_item", "resource_list.remove_item", "resource_list.update"]);
    expect(JSON.stringify(events)).not.toContain("Lakeshore");
  });

  it("a list shared by name is read by the offices named only", async () => {
    const listId = await created(await createResourceList(clo, list({ sharing: "NAMED_OFFICES", sharedOfficeIds: [quebecOfficeId] })));
    expect((await listResourceLists(montreal)).map((entry) => entry.id)).toContain(listId);
    expect((await listResourceLists(vancouver)).map((entry) => entry.id)).not.toContain(listId);
    // Only CBSA offices may be named; counsel and caseworkers read no office's lists.
    expect(await createResourceList(clo, list({ sharing: "NAMED_OFFICES", sharedOfficeIds: [caseworker.organizationId] }))).toEqual({ ok: false, reason: "OFFICE_NOT_FOUND" });
    expect(await listResourceLists(counsel)).toEqual([]);
    expect(await createResourceList(caseworker, list())).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("a retired list disappears from use, stays in its office's history and can no longer be changed", async () => {
    const listId = await created(await createResourceList(clo, list({ sharing: "ALL_OFFICES" })));
    expect((await familyResourceLists(clo)).map((entry) => entry.id)).toContain(listId);
    expect(await retireResourceList(clo, { listId, version: 9 })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await retireResourceList(supervisor, { listId, version: 1 })).ok).toBe(true);

    expect((await familyResourceLists(clo)).map((entry) => entry.id)).not.toContain(listId);
    expect((await familyResourceLists(montreal)).map((entry) => entry.id)).not.toContain(listId);
    expect((await listResourceLists(montreal)).map((entry) => entry.id)).not.toContain(listId);
    expect((await listResourceLists(clo)).find((entry) => entry.id === listId)!.retiredAt).not.toBeNull();
    expect(await addResourceItem(clo, { listId, version: 2, name: "Late", notes: null })).toEqual({ ok: false, reason: "RETIRED" });
    expect(await retireResourceList(clo, { listId, version: 2 })).toEqual({ ok: false, reason: "RETIRED" });
  });

  it("a retired list is put back in use by its own office, at the version read, where it was offered before", async () => {
    const listId = await created(await createResourceList(clo, list({ sharing: "ALL_OFFICES" })));
    expect((await retireResourceList(clo, { listId, version: 1 })).ok).toBe(true);
    // Another office, even one that read it, cannot; a stale page cannot; nothing changes.
    expect(await restoreResourceList(montreal, { listId, version: 2 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await restoreResourceList(clo, { listId, version: 1 })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await versionOf(listId)).toBe(2);

    expect((await restoreResourceList(supervisor, { listId, version: 2 })).ok).toBe(true);
    expect((await familyResourceLists(montreal)).map((entry) => entry.id)).toContain(listId);
    expect((await listResourceLists(clo)).find((entry) => entry.id === listId)!.retiredAt).toBeNull();
    // Already in use: a second restore from the same page is stale, not a second event.
    expect(await restoreResourceList(clo, { listId, version: 3 })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await addResourceItem(clo, { listId, version: 3, name: "Back in use", notes: null })).ok).toBe(true);
    const events = await prisma.auditEvent.findMany({ where: { entityId: listId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual(["resource_list.create", "resource_list.retire", "resource_list.restore", "resource_list.add_item"]);
  });
});

describe("the order of a list's options", () => {
  const names = async (listId: string, reader: Actor) => (await listResourceLists(reader)).find((entry) => entry.id === listId)!.items.map((item) => item.name);

  it("is the order added, and the office moves an option up or down one place at a time; every office reads that order", async () => {
    const listId = await created(await createResourceList(clo, list({ sharing: "ALL_OFFICES" })));
    const ids: string[] = [];
    for (const [index, name] of ["Zinnia shelter", "Aster house", "Maple drop-in"].entries()) ids.push(await created(await addResourceItem(clo, { listId, version: 1 + index, name, notes: null })));
    // Not by name: the order added.
    expect(await names(listId, clo)).toEqual(["Zinnia shelter", "Aster house", "Maple drop-in"]);

    expect((await moveResourceItem(clo, { itemId: ids[2]!, version: 4, direction: "UP" })).ok).toBe(true);
    expect(await names(listId, clo)).toEqual(["Zinnia shelter", "Maple drop-in", "Aster house"]);
    expect((await moveResourceItem(supervisor, { itemId: ids[0]!, version: 5, direction: "DOWN" })).ok).toBe(true);
    expect(await names(listId, montreal)).toEqual(["Maple drop-in", "Zinnia shelter", "Aster house"]);
    expect((await getCaseFile(clo, (await torontoCase(["MINOR_HOUSED"], null)).id, now))!.families!.lists.find((entry) => entry.id === listId)!.items.map((item) => item.name)).toEqual([
      "Maple drop-in",
      "Zinnia shelter",
      "Aster house",
    ]);

    // The first up and the last down stay where they are: nothing changes, not even the version, nothing is audited.
    expect((await moveResourceItem(clo, { itemId: ids[2]!, version: 6, direction: "UP" })).ok).toBe(true);
    expect((await moveResourceItem(clo, { itemId: ids[1]!, version: 6, direction: "DOWN" })).ok).toBe(true);
    expect(await names(listId, clo)).toEqual(["Maple drop-in", "Zinnia shelter", "Aster house"]);
    expect(await versionOf(listId)).toBe(6);

    // A stale page, another office, a retired list: refused, the order unchanged.
    expect(await moveResourceItem(clo, { itemId: ids[1]!, version: 5, direction: "UP" })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await moveResourceItem(clo, { itemId: ids[2]!, version: 5, direction: "UP" })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await moveResourceItem(montreal, { itemId: ids[1]!, version: 6, direction: "UP" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await retireResourceList(clo, { listId, version: 6 })).ok).toBe(true);
    expect(await moveResourceItem(clo, { itemId: ids[1]!, version: 7, direction: "UP" })).toEqual({ ok: false, reason: "RETIRED" });
    expect(await names(listId, clo)).toEqual(["Maple drop-in", "Zinnia shelter", "Aster house"]);

    const moves = await prisma.auditEvent.findMany({ where: { entityId: listId, action: "resource_list.move_item" }, select: { metadata: true } });
    expect(moves.map((event) => event.metadata)).toEqual([
      { itemId: ids[2], direction: "UP" },
      { itemId: ids[0], direction: "DOWN" },
    ]);
  });
});

describe("the case page's Families and minors section", () => {
  it("appears with the office's lists and the region's family-capable providers on a case with a minor flag, and not without one", async () => {
    const minor = await torontoCase(["MINOR_HOUSED"], counsel.userId);
    const listId = await created(await createResourceList(clo, list({ name: "Toronto families list" })));
    const families = (await getCaseFile(clo, minor.id, now))!.families!;
    expect(families.lists.map((entry) => entry.id)).toContain(listId);
    expect(families.region).toBe("Greater Toronto Area");
    // Family Welcome Centre (GTA, families and minors) is in; a Quebec family housing collective is not (another region).
    const providers = families.providers.map((provider) => provider.name);
    expect(providers).toContain("Family Welcome Centre");
    expect(providers).not.toContain("Montreal Refugee Housing Collective");
    expect(families.recordsBestInterests).toBe(true);

    // Counsel of record sees the flag, so the section and the directory's providers, but no office list or best interests.
    const forCounsel = (await getCaseFile(counsel, minor.id, now))!.families!;
    expect(forCounsel).toMatchObject({ lists: [], readsLists: false, bestInterests: null, recordsBestInterests: false });
    expect(forCounsel.providers.map((provider) => provider.name)).toContain("Family Welcome Centre");

    const plain = await torontoCase(["MEDICAL"]);
    expect((await getCaseFile(clo, plain.id, now))!.families).toBeNull();
  });

  it("records the best interests of the child on a minor-affected case only, versioned and audited", async () => {
    const minor = await torontoCase(["SEPARATED_FROM_CHILD"]);
    const input = { detentionId: minor.id, version: 0, ageBand: "UNDER_5" as const, whereabouts: "IN_THE_COMMUNITY" as const, careArrangement: "OTHER_PARENT" as const, considerations: "The child lives with the other parent and visits weekly." };
    expect(await recordBestInterests(counsel, input)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await recordBestInterests(montreal, input)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await recordBestInterests(clo, input)).ok).toBe(true);
    expect(await recordBestInterests(supervisor, input)).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await recordBestInterests(supervisor, { ...input, version: 1, whereabouts: "OUTSIDE_CANADA" })).ok).toBe(true);
    expect((await getCaseFile(clo, minor.id, now))!.families!.bestInterests).toMatchObject({ whereabouts: "OUTSIDE_CANADA", version: 2, recordedBy: { name: supervisor.name } });
    const events = await prisma.auditEvent.findMany({ where: { detentionId: minor.id, action: "best_interests.record" }, select: { metadata: true } });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain("weekly");

    const plain = await torontoCase([]);
    expect(await recordBestInterests(clo, { ...input, detentionId: plain.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("linked family members", () => {
  it("each case shows the others the viewer may open, and nothing of the ones they may not", async () => {
    const parent = await torontoCase(["SEPARATED_FROM_CHILD"], counsel.userId);
    const otherParent = await torontoCase(["MINOR_HOUSED"]);
    const sibling = await torontoCase([]);
    expect(await linkFamilyMember(counsel, { detentionId: parent.id, reference: otherParent.reference })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await linkFamilyMember(clo, { detentionId: parent.id, reference: parent.reference })).toEqual({ ok: false, reason: "SAME_CASE" });
    expect((await linkFamilyMember(clo, { detentionId: parent.id, reference: otherParent.reference.toLowerCase() })).ok).toBe(true);
    expect(await linkFamilyMember(clo, { detentionId: otherParent.id, reference: parent.reference })).toEqual({ ok: false, reason: "ALREADY_LINKED" });
    expect((await linkFamilyMember(supervisor, { detentionId: sibling.id, reference: parent.reference })).ok).toBe(true);

    const membersOf = async (actor: typeof clo, detentionId: string) => (await getCaseFile(actor, detentionId, now))?.familyMembers ?? null;
    expect((await membersOf(clo, parent.id))!.members.map((member) => member.reference).sort()).toEqual([otherParent.reference, sibling.reference].sort());
    expect((await membersOf(clo, otherParent.id))!.members.map((member) => member.reference).sort()).toEqual([parent.reference, sibling.reference].sort());
    expect((await membersOf(clo, parent.id))!.members[0]).toMatchObject({ status: "DETAINED", givenName: "Test" });

    // The sibling's case is handed over to Vancouver: Toronto no longer sees it among the family, not even as a count.
    const vancouverOffice = await prisma.organization.findFirstOrThrow({ where: { name: VANCOUVER }, select: { id: true } });
    await prisma.detention.update({ where: { id: sibling.id }, data: { officeId: vancouverOffice.id } });
    expect((await membersOf(clo, parent.id))!.members.map((member) => member.reference)).toEqual([otherParent.reference]);
    // Vancouver opens the sibling's case and sees no Toronto case in its family.
    expect(await membersOf(vancouver, sibling.id)).toEqual({ members: [], mayLink: true });
    // A case of another office cannot be named for a link.
    expect(await linkFamilyMember(vancouver, { detentionId: sibling.id, reference: otherParent.reference })).toEqual({ ok: false, reason: "OTHER_NOT_FOUND" });

    // Counsel of record of one parent only: the other parent's case is not theirs, so no family section at all.
    expect(await membersOf(counsel, parent.id)).toBeNull();

    // Unlinking: from either case of the office; the link is audited with ids only.
    expect(await unlinkFamilyMember(vancouver, { detentionId: sibling.id, memberDetentionId: parent.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await unlinkFamilyMember(clo, { detentionId: parent.id, memberDetentionId: otherParent.id })).ok).toBe(true);
    expect((await membersOf(clo, otherParent.id))!.members).toEqual([]);
    const events = await prisma.auditEvent.findMany({ where: { action: { in: ["family.link", "family.unlink"] }, detentionId: { in: [parent.id, sibling.id] } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual(["family.link", "family.link", "family.unlink"]);
  });
});

describe("the demo's families and minors", () => {
  it("has two family-and-minors lists (one shared with all offices), a linked Toronto family and best interests on a MINOR_HOUSED case", async () => {
    const toronto = await prisma.organization.findFirstOrThrow({ where: { name: TORONTO }, select: { id: true } });
    const lists = await prisma.resourceList.findMany({ where: { officeId: toronto.id, topic: "FAMILIES_AND_MINORS", name: { in: ["Families with children: alternatives to detention", "Children separated from a detained parent"] } }, select: { sharing: true } });
    expect(lists.map((entry) => entry.sharing).sort()).toEqual(["ALL_OFFICES", "NAMED_OFFICES"]);
    const groups = await prisma.familyGroup.findMany({ where: { officeId: toronto.id, members: { some: { addedBy: { email: "clo.toronto@liaison.example" } } } }, select: { members: { select: { detention: { select: { officeId: true } } } } } });
    expect(groups.some((group) => group.members.length === 2 && group.members.every((member) => member.detention.officeId === toronto.id))).toBe(true);
    const record = await prisma.bestInterestsRecord.findFirst({ where: { detention: { officeId: toronto.id, screening: { flags: { some: { flag: "MINOR_HOUSED" } } } } }, select: { id: true } });
    expect(record).not.toBeNull();
  });
});
