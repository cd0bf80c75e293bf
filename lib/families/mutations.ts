import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { MINOR_FLAGS } from "@/lib/families/rules";
import type { LinkFamilyMemberInput, RecordBestInterestsInput, UnlinkFamilyMemberInput } from "@/lib/families/schema";

/**
 * Family links and best-interests records are the case team's (cases.edit) on cases of their office (detentionScope).
 * A link is made within the office: both cases must be ones the actor may open, so no one links a case they cannot
 * see, and nothing of another office's case is read or revealed by a refusal (an unknown reference and another
 * office's reference answer the same).
 */
export type FamilyLinkResult =
  | { ok: true; groupId: string }
  | { ok: false; reason: "NOT_FOUND" | "OTHER_NOT_FOUND" | "SAME_CASE" | "ALREADY_LINKED" | "IN_ANOTHER_FAMILY" };

export async function linkFamilyMember(actor: Actor, input: LinkFamilyMemberInput): Promise<FamilyLinkResult> {
  if (!can(actor, "cases.edit") || actor.organizationKind !== "CBSA_OFFICE") return { ok: false, reason: "NOT_FOUND" };
  const scope = detentionScope(actor);
  return db().$transaction(async (tx) => {
    const select = { id: true, familyMember: { select: { groupId: true } } } as const;
    const [current, other] = await Promise.all([
      tx.detention.findFirst({ where: { AND: [scope, { id: input.detentionId }] }, select }),
      // As typed: "tor-26-0003" finds TOR-26-0003.
      tx.detention.findFirst({ where: { AND: [scope, { reference: { equals: input.reference.trim(), mode: "insensitive" } }] }, select }),
    ]);
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    if (!other) return { ok: false, reason: "OTHER_NOT_FOUND" } as const;
    if (other.id === current.id) return { ok: false, reason: "SAME_CASE" } as const;
    const currentGroup = current.familyMember?.groupId ?? null;
    const otherGroup = other.familyMember?.groupId ?? null;
    if (currentGroup && currentGroup === otherGroup) return { ok: false, reason: "ALREADY_LINKED" } as const;
    // Two families are not merged silently: the CLO unlinks one case first (its group may hold cases they cannot see).
    if (currentGroup && otherGroup) return { ok: false, reason: "IN_ANOTHER_FAMILY" } as const;
    const groupId = currentGroup ?? otherGroup ?? (await tx.familyGroup.create({ data: { officeId: actor.organizationId }, select: { id: true } })).id;
    const joining = [current, other].filter((detention) => !detention.familyMember).map((detention) => ({ groupId, detentionId: detention.id, addedById: actor.userId }));
    await tx.familyGroupMember.createMany({ data: joining });
    await recordAudit(tx, actor, { action: "family.link", entityType: "FamilyGroup", entityId: groupId, detentionId: current.id, metadata: { linkedDetentionId: other.id } });
    return { ok: true, groupId } as const;
  });
}

export async function unlinkFamilyMember(actor: Actor, input: UnlinkFamilyMemberInput): Promise<FamilyLinkResult> {
  if (!can(actor, "cases.edit") || actor.organizationKind !== "CBSA_OFFICE") return { ok: false, reason: "NOT_FOUND" };
  const scope = detentionScope(actor);
  return db().$transaction(async (tx) => {
    // Both the page's case and the member taken out must be cases the actor may open, and in one group.
    const members = await tx.familyGroupMember.findMany({
      where: { detentionId: { in: [input.detentionId, input.memberDetentionId] }, detention: scope },
      select: { id: true, groupId: true, detentionId: true },
    });
    const page = members.find((member) => member.detentionId === input.detentionId);
    const leaving = members.find((member) => member.detentionId === input.memberDetentionId);
    if (!page || !leaving || page.groupId !== leaving.groupId) return { ok: false, reason: "NOT_FOUND" } as const;
    await tx.familyGroupMember.delete({ where: { id: leaving.id } });
    // A family of one is no family: the group goes with its last link.
    const left = await tx.familyGroupMember.count({ where: { groupId: leaving.groupId } });
    if (left < 2) await tx.familyGroup.delete({ where: { id: leaving.groupId } });
    await recordAudit(tx, actor, { action: "family.unlink", entityType: "FamilyGroup", entityId: leaving.groupId, detentionId: input.detentionId, metadata: { unlinkedDetentionId: leaving.detentionId } });
    return { ok: true, groupId: leaving.groupId } as const;
  });
}

export type BestInterestsResult = { ok: true; id: string } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" };

/** Records or revises the case's best-interests considerations: only on a case with a minor-related flag. */
export async function recordBestInterests(actor: Actor, input: RecordBestInterestsInput): Promise<BestInterestsResult> {
  if (!can(actor, "cases.edit") || actor.organizationKind !== "CBSA_OFFICE") return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const detention = await tx.detention.findFirst({
      where: { AND: [detentionScope(actor), { id: input.detentionId }, { screening: { flags: { some: { flag: { in: [...MINOR_FLAGS] } } } } }] },
      select: { id: true, bestInterests: { select: { id: true, version: true } } },
    });
    if (!detention) return { ok: false, reason: "NOT_FOUND" } as const;
    const existing = detention.bestInterests;
    if ((existing?.version ?? 0) !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    const data = { ageBand: input.ageBand, whereabouts: input.whereabouts, careArrangement: input.careArrangement, considerations: input.considerations, recordedById: actor.userId, recordedAt: new Date() };
    let id: string;
    if (existing) {
      const updated = await tx.bestInterestsRecord.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) return { ok: false, reason: "STALE_VERSION" } as const;
      id = existing.id;
    } else {
      id = (await tx.bestInterestsRecord.create({ data: { ...data, detentionId: detention.id }, select: { id: true } })).id;
    }
    await recordAudit(tx, actor, { action: "best_interests.record", entityType: "BestInterestsRecord", entityId: id, detentionId: detention.id, metadata: { version: input.version + 1 } });
    return { ok: true, id } as const;
  });
}
