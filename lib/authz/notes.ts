import { detentionScope, type Actor } from "@/lib/authz";
import type { NoteVisibility, OrganizationKind } from "@/lib/generated/prisma/enums";
import type { NoteWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who may read a case note (docs/domain.md, Note; People: counsel "keep privileged notes that no CBSA
 * user ever sees"). The one rule for every page, action and API that reads notes:
 * 1. the reader may open the case file (detentionScope), and
 * 2. the note was written in the reader's own organisation, or it is a CASE_TEAM note, and
 * 3. a note written in a legal organisation (counsel: solicitor-client privilege) is never readable by
 *    anyone outside that organisation, whatever its visibility says. Counsel's notes are always written
 *    OWN_ORGANISATION; rule 3 makes a mistaken CASE_TEAM flag on one fail closed.
 * NGO caseworkers and admins open no case files, so they read no notes.
 */
export function noteReadScope(actor: Actor): NoteWhereInput {
  if (actor.role === "NGO_CASEWORKER" || actor.role === "ADMIN") return { id: { in: [] } };
  return {
    AND: [
      { detention: detentionScope(actor) },
      {
        OR: [
          { authorOrgId: actor.organizationId },
          { visibility: "CASE_TEAM", authorOrg: { kind: { not: "LEGAL" } } },
        ],
      },
    ],
  };
}

/** The visibility a note must be written with: counsel's notes are always privileged to their organisation. */
export function visibilityForNewNote(actor: Pick<Actor, "role">, requested: NoteVisibility): NoteVisibility {
  return actor.role === "COUNSEL" ? "OWN_ORGANISATION" : requested;
}

/**
 * The same rule as noteReadScope as a predicate over one note, for tests and for checks on a note
 * already in hand. `detentionVisible` is whether detentionScope(actor) matches the note's detention.
 */
export function mayReadNote(
  actor: Actor,
  note: { authorOrgId: string; authorOrgKind: OrganizationKind; visibility: NoteVisibility },
  detentionVisible: boolean,
): boolean {
  if (actor.role === "NGO_CASEWORKER" || actor.role === "ADMIN") return false;
  if (!detentionVisible) return false;
  if (note.authorOrgId === actor.organizationId) return true;
  return note.visibility === "CASE_TEAM" && note.authorOrgKind !== "LEGAL";
}

/** Who reads a note, in words the note form shows (readers of the case beyond those, none). */
export type NoteReader = "AUTHOR_OFFICE" | "COUNSEL_OF_RECORD" | "AUTHOR_LEGAL_ORGANISATION";

/**
 * Who will read a note the actor writes with this visibility, from the rule above (noteReadScope): the note
 * form says it plainly before the note is written, so no CLO learns afterwards that counsel of record read a
 * CASE_TEAM note. CBSA: CASE_TEAM is the office and the person's counsel of record (the case team of
 * docs/domain.md, People); OWN_ORGANISATION the office alone. Counsel: always their own organisation.
 */
export function noteReaders(author: Pick<Actor, "role">, visibility: NoteVisibility): NoteReader[] {
  if (visibilityForNewNote(author, visibility) === "OWN_ORGANISATION") return author.role === "COUNSEL" ? ["AUTHOR_LEGAL_ORGANISATION"] : ["AUTHOR_OFFICE"];
  return ["AUTHOR_OFFICE", "COUNSEL_OF_RECORD"];
}
