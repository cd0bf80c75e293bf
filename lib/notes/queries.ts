import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { noteReadScope } from "@/lib/authz/notes";

export type CaseNote = { id: string; body: string; visibility: string; createdAt: Date; author: { name: string }; authorOrg: { name: string } };

const NOTES_SHOWN = 100;

/** The notes of a case the actor may read: the case team's, and their own organisation's (never another's privileged notes). */
export async function listCaseNotes(actor: Actor, detentionId: string): Promise<CaseNote[]> {
  if (!can(actor, "notes.write")) return [];
  return db().note.findMany({
    where: { AND: [{ detentionId }, noteReadScope(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTES_SHOWN,
    select: { id: true, body: true, visibility: true, createdAt: true, author: { select: { name: true } }, authorOrg: { select: { name: true } } },
  });
}
