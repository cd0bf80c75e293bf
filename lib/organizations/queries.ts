import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";

export type OrganizationRow = { id: string; name: string; kind: string; region: string; timeZone: string; userCount: number };

/** Organisations for the admin pages and the user form's choices. Organisations are few (tens), so no paging. */
export async function listOrganizations(actor: Actor): Promise<OrganizationRow[]> {
  if (!can(actor, "organizations.manage") && !can(actor, "users.manage")) return [];
  const rows = await db().organization.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, region: true, timeZone: true, _count: { select: { users: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, userCount: _count.users }));
}
