import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { visibilityForNewNote } from "@/lib/authz/notes";
import { recordAudit } from "@/lib/audit/mutations";
import type { AddCounselNoteInput } from "@/lib/counsel/schema";

export type CounselNoteResult = { ok: true; noteId: string } | { ok: false; reason: "NOT_FOUND" };

/**
 * Counsel's privileged note on a client's detention: always OWN_ORGANISATION and authored by the
 * counsel's organisation, so lib/authz/notes.ts keeps it from every CBSA user. The audit event records
 * that a note was written, never what it says.
 */
export async function addCounselNote(actor: Actor, input: AddCounselNoteInput): Promise<CounselNoteResult> {
  // Only counsel write privileged notes: a CLO's detention scope includes the case too, and a note of theirs written
  // here would be hidden from their own case team as if it were solicitor-client privileged. CBSA staff write case
  // notes (lib/notes/mutations.ts).
  if (actor.role !== "COUNSEL" || !can(actor, "notes.write")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const detention = await tx.detention.findFirst({ where: { AND: [{ id: input.detentionId }, detentionScope(actor)] }, select: { id: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" } as const;
    const note = await tx.note.create({
      data: { detentionId: detention.id, authorId: actor.userId, authorOrgId: actor.organizationId, visibility: visibilityForNewNote(actor, "OWN_ORGANISATION"), body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "note.create", entityType: "Note", entityId: note.id, detentionId: detention.id, metadata: { visibility: "OWN_ORGANISATION" } });
    return { ok: true, noteId: note.id } as const;
  });
}
