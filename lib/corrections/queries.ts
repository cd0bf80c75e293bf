import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CorrectionSubject } from "@/lib/generated/prisma/enums";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { detaineeSearchScope } from "@/lib/authz/cases";
import type { DuplicateSearch } from "@/lib/corrections/schema";

/**
 * Reads for corrections: the history's select and mapping (the case file reads it in its one statement,
 * lib/case-file/queries.ts), and the supervisor's merge page (/cases/[id]/merge).
 */

/** One correction in a case's history: who, when, which fields, before → after, why. */
export type CorrectionEntry = {
  id: string;
  subject: CorrectionSubject;
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string | null;
  changedAt: Date;
  changedBy: string;
};

/** The history's columns, selected under the case file's relation (the person's corrections and the detention's). */
export const CORRECTION_SELECT = {
  id: true,
  subject: true,
  fields: true,
  before: true,
  after: true,
  reason: true,
  changedAt: true,
  changedBy: { select: { name: true } },
} as const satisfies Prisma.CorrectionSelect;

type CorrectionRow = Prisma.CorrectionGetPayload<{ select: typeof CORRECTION_SELECT }>;

const asRecord = (value: Prisma.JsonValue): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The person's corrections and the detention's, newest first. */
export function correctionHistory(person: CorrectionRow[], detention: CorrectionRow[]): CorrectionEntry[] {
  return [...person, ...detention]
    .map((row) => ({ id: row.id, subject: row.subject, fields: row.fields, before: asRecord(row.before), after: asRecord(row.after), reason: row.reason, changedAt: row.changedAt, changedBy: row.changedBy.name }))
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime() || b.id.localeCompare(a.id));
}

// ------------------------------------------------------------------------------------------ merge page

export type MergePerson = {
  id: string;
  version: number;
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  clientId: string | null;
  citizenship: string;
  /** The person's detentions in the supervisor's office (none shown from other offices). */
  detentions: { id: string; reference: string; status: string }[];
  currentlyDetained: boolean;
  consents: number;
  counselRecords: number;
};

function mergePersonSelect(actor: Actor) {
  return {
    id: true,
    version: true,
    givenName: true,
    familyName: true,
    dateOfBirth: true,
    clientId: true,
    citizenship: true,
    detentions: { where: { officeId: actor.organizationId }, orderBy: { detainedAt: "desc" as const }, select: { id: true, reference: true, status: true } },
    _count: { select: { detentions: { where: { status: "DETAINED" as const } }, consents: true, counselRecords: true } },
  } satisfies Prisma.DetaineeSelect;
}

function toMergePerson({ _count, ...person }: Prisma.DetaineeGetPayload<{ select: ReturnType<typeof mergePersonSelect> }>): MergePerson {
  return { ...person, currentlyDetained: _count.detentions > 0, consents: _count.consents, counselRecords: _count.counselRecords };
}

const SEARCH_LIMIT = 20;

export type MergePage = {
  detentionId: string;
  reference: string;
  /** The record kept: the person of the case the merge was opened from. */
  kept: MergePerson;
  /** People of the office matching the search (never the kept one, never a merged record). */
  matches: MergePerson[] | null;
  /** The duplicate chosen for the confirmation step. */
  duplicate: MergePerson | null;
};

/**
 * The merge page of a case, for a supervisor of its office (people.merge; anyone else: null, "not found"): the
 * case's person (kept), the search for the duplicate within the office (by name, date of birth or UCI), and the
 * duplicate chosen, with what would move.
 */
export async function mergePage(actor: Actor, detentionId: string, search: DuplicateSearch, duplicateId: string | null): Promise<MergePage | null> {
  if (!can(actor, "people.merge") || !/^[0-9a-f-]{36}$/i.test(detentionId)) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: { id: true, reference: true, detainee: { select: mergePersonSelect(actor) } },
  });
  if (!detention) return null;
  const kept = toMergePerson(detention.detainee);
  const scope = detaineeSearchScope(actor);
  let matches: MergePerson[] | null = null;
  if (search.name || search.dateOfBirth || search.clientId) {
    const conditions: Prisma.DetaineeWhereInput[] = [];
    for (const word of search.name.split(/\s+/).filter(Boolean)) {
      conditions.push({ OR: [{ givenName: { contains: word, mode: "insensitive" } }, { familyName: { contains: word, mode: "insensitive" } }] });
    }
    if (search.dateOfBirth) conditions.push({ dateOfBirth: new Date(`${search.dateOfBirth}T00:00:00Z`) });
    if (search.clientId) conditions.push({ clientId: search.clientId });
    const people = await db().detainee.findMany({
      where: { AND: [scope, { id: { not: kept.id } }, ...conditions] },
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
      take: SEARCH_LIMIT,
      select: mergePersonSelect(actor),
    });
    matches = people.map(toMergePerson);
  }
  let duplicate: MergePerson | null = null;
  if (duplicateId && /^[0-9a-f-]{36}$/i.test(duplicateId) && duplicateId !== kept.id) {
    const person = await db().detainee.findFirst({ where: { AND: [scope, { id: duplicateId }] }, select: mergePersonSelect(actor) });
    duplicate = person ? toMergePerson(person) : null;
  }
  return { detentionId: detention.id, reference: detention.reference, kept, matches, duplicate };
}
