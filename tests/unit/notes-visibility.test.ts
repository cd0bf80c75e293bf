import { describe, expect, it } from "vitest";
import { detentionScope, type Actor } from "@/lib/authz";
import { mayReadNote, noteReaders, noteReadScope, visibilityForNewNote, type NoteReader } from "@/lib/authz/notes";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { NoteVisibility, OrganizationKind, Role } from "@/lib/generated/prisma/enums";

const OFFICE = "00000000-0000-7000-8000-000000000001";
const OTHER_OFFICE = "00000000-0000-7000-8000-000000000004";
const LAW_OFFICE = "00000000-0000-7000-8000-000000000003";
const OTHER_LAW_OFFICE = "00000000-0000-7000-8000-000000000005";
const PROVIDER_ORG = "00000000-0000-7000-8000-000000000002";

function actor(role: Role, organizationKind: OrganizationKind, organizationId: string): Actor {
  return { userId: `user-${role}-${organizationId}`, sessionId: "session", name: "Test", role, organizationId, organizationKind, organizationName: "Org" };
}

const clo = actor("CLO", "CBSA_OFFICE", OFFICE);
const supervisor = actor("SUPERVISOR", "CBSA_OFFICE", OFFICE);
const counsel = actor("COUNSEL", "LEGAL", LAW_OFFICE);
const otherCounsel = actor("COUNSEL", "LEGAL", OTHER_LAW_OFFICE);
const caseworker = actor("NGO_CASEWORKER", "SERVICE_PROVIDER", PROVIDER_ORG);
const admin = actor("ADMIN", "OTHER_NGO", PROVIDER_ORG);

type Note = { authorOrgId: string; authorOrgKind: OrganizationKind; visibility: NoteVisibility };
const counselPrivileged: Note = { authorOrgId: LAW_OFFICE, authorOrgKind: "LEGAL", visibility: "OWN_ORGANISATION" };
const counselMisflagged: Note = { authorOrgId: LAW_OFFICE, authorOrgKind: "LEGAL", visibility: "CASE_TEAM" };
const cboCaseTeam: Note = { authorOrgId: OFFICE, authorOrgKind: "CBSA_OFFICE", visibility: "CASE_TEAM" };
const cboInternal: Note = { authorOrgId: OFFICE, authorOrgKind: "CBSA_OFFICE", visibility: "OWN_ORGANISATION" };
const otherOfficeInternal: Note = { authorOrgId: OTHER_OFFICE, authorOrgKind: "CBSA_OFFICE", visibility: "OWN_ORGANISATION" };

describe("who may read a case note (the matrix)", () => {
  const matrix: [string, Actor, Note, boolean][] = [
    ["a CLO never reads counsel's privileged note", clo, counselPrivileged, false],
    ["a supervisor never reads counsel's privileged note", supervisor, counselPrivileged, false],
    ["a CLO never reads a counsel note even if it was wrongly flagged CASE_TEAM", clo, counselMisflagged, false],
    ["counsel reads their own organisation's note", counsel, counselPrivileged, true],
    ["another law office's counsel does not read it", otherCounsel, counselPrivileged, false],
    ["a CLO reads the case team's note", clo, cboCaseTeam, true],
    ["a CLO reads their office's internal note", clo, cboInternal, true],
    ["counsel reads a CBSA case-team note on their client's case", counsel, cboCaseTeam, true],
    ["counsel does not read a CBSA internal note", counsel, cboInternal, false],
    ["a CLO does not read another office's internal note", clo, otherOfficeInternal, false],
    ["an NGO caseworker reads no case note", caseworker, cboCaseTeam, false],
    ["an admin reads no case note", admin, cboCaseTeam, false],
  ];
  it.each(matrix)("%s", (_name, reader, note, expected) => {
    expect(mayReadNote(reader, note, true)).toBe(expected);
  });

  it("reads nothing on a detention the actor may not open", () => {
    expect(mayReadNote(counsel, counselPrivileged, false)).toBe(false);
    expect(mayReadNote(clo, cboCaseTeam, false)).toBe(false);
  });
});

describe("the notes where-builder", () => {
  it("limits a CLO to their office's case files, their own organisation's notes and non-legal case-team notes", () => {
    expect(noteReadScope(clo)).toEqual({
      AND: [{ detention: detentionScope(clo) }, { OR: [{ authorOrgId: OFFICE }, { visibility: "CASE_TEAM", authorOrg: { kind: { not: "LEGAL" } } }] }],
    });
  });

  it("limits counsel to their clients' case files", () => {
    expect(noteReadScope(counsel)).toEqual({
      AND: [{ detention: { detainee: { counselId: counsel.userId } } }, { OR: [{ authorOrgId: LAW_OFFICE }, { visibility: "CASE_TEAM", authorOrg: { kind: { not: "LEGAL" } } }] }],
    });
  });

  it.each([caseworker, admin])("matches no note for a $role", (reader) => {
    expect(noteReadScope(reader)).toEqual({ id: { in: [] } });
  });

  it("writes counsel's notes as privileged whatever was asked", () => {
    expect(visibilityForNewNote(counsel, "CASE_TEAM")).toBe("OWN_ORGANISATION");
    expect(visibilityForNewNote(clo, "CASE_TEAM")).toBe("CASE_TEAM");
  });
});

describe("what the note form says about who reads a note", () => {
  // The form's words come from noteReaders; each word must be what the read rule does, for every reader kind.
  const readers: Record<NoteReader, Actor[]> = { AUTHOR_OFFICE: [clo, supervisor], COUNSEL_OF_RECORD: [counsel], AUTHOR_LEGAL_ORGANISATION: [counsel] };

  it.each(["CASE_TEAM", "OWN_ORGANISATION"] as const)("names exactly who reads a CBSA note written %s", (visibility) => {
    const note: Note = { authorOrgId: OFFICE, authorOrgKind: "CBSA_OFFICE", visibility };
    const named = noteReaders(clo, visibility);
    expect(mayReadNote(counsel, note, true)).toBe(named.includes("COUNSEL_OF_RECORD"));
    for (const reader of readers.AUTHOR_OFFICE) expect(mayReadNote(reader, note, true)).toBe(named.includes("AUTHOR_OFFICE"));
    for (const outsider of [caseworker, admin]) expect(mayReadNote(outsider, note, true)).toBe(false);
  });

  it("tells a CLO that a case-team note is read by counsel of record, in both languages", () => {
    expect(noteReaders(clo, "CASE_TEAM")).toEqual(["AUTHOR_OFFICE", "COUNSEL_OF_RECORD"]);
    expect(noteReaders(clo, "OWN_ORGANISATION")).toEqual(["AUTHOR_OFFICE"]);
    for (const locale of ["en", "fr"] as const) {
      const words = (messagesFor(locale) as { caseNotes: { readers: Record<NoteReader, string> } }).caseNotes.readers;
      expect(words.COUNSEL_OF_RECORD).toMatch(locale === "en" ? /counsel of record/ : /avocat inscrit au dossier/);
    }
  });

  it("tells counsel their notes are read by their organisation only, whatever they choose", () => {
    const note: Note = { authorOrgId: LAW_OFFICE, authorOrgKind: "LEGAL", visibility: visibilityForNewNote(counsel, "CASE_TEAM") };
    expect(noteReaders(counsel, "CASE_TEAM")).toEqual(["AUTHOR_LEGAL_ORGANISATION"]);
    expect(mayReadNote(clo, note, true)).toBe(false);
    expect(mayReadNote(counsel, note, true)).toBe(true);
  });
});
