import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/authz";
import { detaineeSearchScope } from "@/lib/authz/cases";
import type { PersonSearch } from "@/lib/detentions/schema";

/** Intake (/cases/new): the office's facilities, and the search for a person detained before, before a new detention is recorded. */

export type IntakeOptions = { facilities: { id: string; name: string; timeZone: string }[] };

/** What the intake form offers: the office's facilities, each with its time zone. */
export async function intakeOptions(actor: Actor): Promise<IntakeOptions> {
  if (!can(actor, "cases.create") || actor.organizationKind !== "CBSA_OFFICE") return { facilities: [] };
  const facilities = await db().facility.findMany({ where: { officeId: actor.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } });
  return { facilities };
}

export type PersonMatch = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  clientId: string | null;
  citizenship: string;
  /** The person's detentions in the actor's office (none shown from other offices). */
  detentions: { id: string; reference: string; status: string }[];
  currentlyDetained: boolean;
};

const SEARCH_LIMIT = 20;

/**
 * People matching a search before intake, within detaineeSearchScope: people detained before in the
 * office, or the one person whose UCI is typed exactly.
 */
export async function searchPeople(actor: Actor, search: PersonSearch): Promise<PersonMatch[]> {
  if (!can(actor, "cases.create")) return [];
  if (!search.name && !search.dateOfBirth && !search.clientId) return [];
  const conditions: Prisma.DetaineeWhereInput[] = [];
  for (const word of search.name.split(/\s+/).filter(Boolean)) {
    conditions.push({ OR: [{ givenName: { contains: word, mode: "insensitive" } }, { familyName: { contains: word, mode: "insensitive" } }] });
  }
  if (search.dateOfBirth) conditions.push({ dateOfBirth: new Date(`${search.dateOfBirth}T00:00:00Z`) });
  const matching: Prisma.DetaineeWhereInput = search.clientId ? { OR: [{ clientId: search.clientId }, { AND: conditions.length ? conditions : [{ id: { in: [] } }] }] } : { AND: conditions };
  const people = await db().detainee.findMany({
    where: { AND: [detaineeSearchScope(actor, search.clientId || null), matching] },
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
    select: personMatchSelect(actor),
  });
  return people.map(toPersonMatch);
}

/** What the intake search shows of a person: who they are, and their detentions in the actor's office. */
function personMatchSelect(actor: Actor) {
  return {
    id: true,
    givenName: true,
    familyName: true,
    dateOfBirth: true,
    clientId: true,
    citizenship: true,
    detentions: { where: { officeId: actor.organizationId }, orderBy: { detainedAt: "desc" as const }, select: { id: true, reference: true, status: true } },
    _count: { select: { detentions: { where: { status: "DETAINED" as const } } } },
  } satisfies Prisma.DetaineeSelect;
}

function toPersonMatch({ _count, ...person }: Prisma.DetaineeGetPayload<{ select: ReturnType<typeof personMatchSelect> }>): PersonMatch {
  return { ...person, currentlyDetained: _count.detentions > 0 };
}

/** One person for the intake form, when picked from the search (same scope as the search). */
export async function pickedPerson(actor: Actor, detaineeId: string, searchedClientId: string | null): Promise<PersonMatch | null> {
  if (!can(actor, "cases.create")) return null;
  const person = await db().detainee.findFirst({
    where: { AND: [detaineeSearchScope(actor, searchedClientId), { id: detaineeId }] },
    select: personMatchSelect(actor),
  });
  return person ? toPersonMatch(person) : null;
}
