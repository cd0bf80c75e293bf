import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { visibilityForNewNote } from "@/lib/authz/notes";
import { recordAudit } from "@/lib/audit/mutations";
import type { AddCounselNoteInput, DecideCounselRequestInput, EndCounselInput, RecordCounselInput, RequestCounselInput } from "@/lib/counsel/schema";
import {
  decideCounselRequestWith,
  endCounselWith,
  recordCounselWith,
  requestCounselWith,
  type DecideCounselResult,
  type EndCounselResult,
  type RecordCounselResult,
  type RequestCounselResult,
  type CounselTransaction,
} from "@/lib/counsel/workflow";

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

// ------------------------------------------------------------------------------------------ counsel of record
// The gates and writes live in lib/counsel/workflow.ts (shared with the demo seed); each runs in one transaction here.

/**
 * The app's transaction as the workflow's type: the same client at run time (its extension only turns database errors
 * into DatabaseError), typed apart by Prisma's extension generics, which TypeScript cannot relate.
 */
const plain = (tx: Transaction) => tx as unknown as CounselTransaction;

export type { DecideCounselResult, EndCounselResult, RecordCounselResult, RequestCounselResult } from "@/lib/counsel/workflow";

/** A CLO or supervisor of the office records counsel of record (a counsel account or an outside lawyer). */
export async function recordCounsel(actor: Actor, input: RecordCounselInput, now = new Date()): Promise<RecordCounselResult> {
  return db().$transaction((tx) => recordCounselWith(plain(tx), actor, input, now));
}

/** Counsel asks to be recorded; the answer never says whether the reference and name matched. */
export async function requestCounsel(actor: Actor, input: RequestCounselInput, now = new Date()): Promise<RequestCounselResult> {
  return db().$transaction((tx) => requestCounselWith(plain(tx), actor, input, now));
}

/** The office confirms or declines a request routed to one of its cases. */
export async function decideCounselRequest(actor: Actor, input: DecideCounselRequestInput, now = new Date()): Promise<DecideCounselResult> {
  return db().$transaction((tx) => decideCounselRequestWith(plain(tx), actor, input, now));
}

/** The office ends counsel of record, or counsel withdraws: access ends at once. */
export async function endCounsel(actor: Actor, input: EndCounselInput, now = new Date()): Promise<EndCounselResult> {
  return db().$transaction((tx) => endCounselWith(plain(tx), actor, input, now));
}
