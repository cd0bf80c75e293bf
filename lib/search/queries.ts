import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { mayListOfficeQueue, officeQueueSql } from "@/lib/authz/sql";
import { SEARCH_LIMIT, type ParsedSearch } from "@/lib/search/rules";

/** One case found: what the results list shows, nothing more (no flag, no assignment, no plan). */
export type SearchHit = {
  id: string;
  reference: string;
  givenName: string;
  familyName: string;
  status: string;
  officeName: string;
  facilityName: string;
};

export type SearchResult = { hits: SearchHit[]; more: boolean };

/** Whether the actor has the shell's search box: the CBSA roles with an office caseload (CLOs and supervisors). */
export function maySearchCases(actor: Pick<Actor, "role" | "organizationKind">): boolean {
  return mayListOfficeQueue(actor);
}

/**
 * The cases of the actor's office matching a parsed query (lib/search/rules.ts), detained first, then the most
 * recent. The gate is in the query: the office scope (lib/authz/sql.ts officeQueueSql, detentionScope for the office
 * queue) is a condition of the same statement, so another office's case is never read, counted or ordered; anyone
 * else (counsel, caseworkers, admins) gets no rows. Of what it finds, it returns only the columns of the list.
 *
 * Three matches, each served by its own index (migration search_index), joined by UNION so the planner can use each
 * one (an OR across two tables reads them whole): the name's words, each a LIKE on the indexed expression
 * f_unaccent(lower(given || ' ' || family)), written here exactly as in the index; the reference prefix (a LIKE on
 * upper(reference), a btree range); the client identifier in full (its unique index).
 */
export async function searchCases(actor: Actor, search: ParsedSearch): Promise<SearchResult> {
  if (!maySearchCases(actor)) return { hits: [], more: false };
  // Each branch yields detention ids, so the outer statement reads only the detentions found (a few hundred at
  // most), never the office's whole caseload nor every person.
  const branches: Prisma.Sql[] = [];
  if (search.nameWords.length > 0) {
    const name = Prisma.sql`public.f_unaccent(lower(dt."givenName" || ' ' || dt."familyName"))`;
    const words = Prisma.join(
      search.nameWords.map((word) => Prisma.sql`${name} LIKE ${`%${word}%`} ESCAPE '\\'`),
      " AND ",
    );
    branches.push(Prisma.sql`SELECT d.id FROM "Detainee" dt JOIN "Detention" d ON d."detaineeId" = dt.id WHERE ${words}`);
  }
  // upper(reference) LIKE 'PREFIX%' (the prefix is upper case already): the btree of migration
  // search_reference_prefix, written here exactly as in the index, reads only the references that match.
  if (search.referencePrefix) branches.push(Prisma.sql`SELECT d.id FROM "Detention" d WHERE upper(d.reference) LIKE ${`${search.referencePrefix}%`} ESCAPE '\\'`);
  branches.push(Prisma.sql`SELECT d.id FROM "Detainee" dt JOIN "Detention" d ON d."detaineeId" = dt.id WHERE dt."clientId" = ${search.text}`);
  const scope = officeQueueSql(actor, { officeId: Prisma.sql`d."officeId"` });
  const rows = await db().$queryRaw<
    { id: string; reference: string; given_name: string; family_name: string; status: string; office_name: string; facility_name: string }[]
  >`
    WITH hits AS (${Prisma.join(branches, " UNION ")})
    SELECT d.id, d.reference, dt."givenName" AS given_name, dt."familyName" AS family_name, d.status::text AS status,
      o.name AS office_name, f.name AS facility_name
    FROM "Detention" d
    JOIN "Detainee" dt ON dt.id = d."detaineeId"
    JOIN "Organization" o ON o.id = d."officeId"
    JOIN "Facility" f ON f.id = d."facilityId"
    WHERE d.id IN (SELECT id FROM hits)
      AND ${scope}
      AND dt."mergedIntoId" IS NULL
    ORDER BY (d.status = 'DETAINED') DESC, d."detainedAt" DESC, d.id
    LIMIT ${SEARCH_LIMIT + 1}`;
  return {
    hits: rows.slice(0, SEARCH_LIMIT).map((row) => ({
      id: row.id,
      reference: row.reference,
      givenName: row.given_name,
      familyName: row.family_name,
      status: row.status,
      officeName: row.office_name,
      facilityName: row.facility_name,
    })),
    more: rows.length > SEARCH_LIMIT,
  };
}
