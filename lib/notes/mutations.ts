import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { visibilityForNewNote } from "@/lib/authz/notes";
import { recordAudit } from "@/lib/audit/mutations";
import type { AddNoteInput } from "@/lib/notes/schema";

export type NoteResult = { ok: true; noteId: string } | { ok: false; reason: "NOT_FOUND" };

export async function addNote(actor: Actor, input: AddNoteInput): Promise<NoteResult> {
  if (!can(actor, "notes.write")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx): Promise<NoteResult> => {
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" };
    const visibility = visibilityForNewNote(actor, input.visibility);
    const note = await tx.note.create({
      data: { detentionId: detention.id, authorId: actor.userId, authorOrgId: actor.organizationId, visibility, body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "note.create", entityType: "Note", entityId: note.id, detentionId: detention.id, metadata: { visibility } });
    return { ok: true, noteId: note.id };
  });
}
