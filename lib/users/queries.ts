import "server-only";
import { db } from "@/lib/db";
import { can, managedUserScope, type Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserSelect, UserWhereInput } from "@/lib/generated/prisma/models";
import { escapeLike, foldText } from "@/lib/search/rules";
import type { UserListFilters } from "@/lib/users/schema";

export type ManagedUser = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  version: number;
  organization: { id: string; name: string };
  /** The role a pending grant asks for, if any: shown beside the user until another admin decides. */
  pendingRole: string | null;
};

export type PendingGrant = {
  id: string;
  version: number;
  role: string;
  activates: boolean;
  requestedAt: Date;
  user: { id: string; name: string; email: string };
  organization: { name: string };
  requestedBy: { id: string; name: string };
  /** The viewer asked for it: only another administrator may approve. */
  requestedByViewer: boolean;
  /** The grant is about the viewer's own account: they may not approve it. */
  aboutViewer: boolean;
};

/**
 * The users an administrator manages, filtered by the list's query string. The search matches every word of the query
 * in the name or the e-mail address, in part, ignoring case and accents (f_unaccent, as the case search does; a few
 * hundred accounts need no index of their own).
 */
export async function listUsers(actor: Actor, page: number, filters: UserListFilters = { q: "" }): Promise<Page<ManagedUser>> {
  if (!can(actor, "users.manage")) return toPage([], 0, 1);
  const conditions: UserWhereInput[] = [managedUserScope(actor)];
  const words = [...new Set(foldText(filters.q).split(/\s+/).filter((word) => word !== ""))].slice(0, 8);
  if (words.length > 0) {
    const text = Prisma.sql`public.f_unaccent(lower(u.name || ' ' || u.email))`;
    const matches = Prisma.join(
      words.map((word) => Prisma.sql`${text} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`),
      " AND ",
    );
    const found = await db().$queryRaw<{ id: string }[]>`SELECT u.id FROM "User" u WHERE ${matches}`;
    conditions.push({ id: { in: found.map((row) => row.id) } });
  }
  if (filters.role) conditions.push({ role: filters.role });
  if (filters.organizationId) conditions.push({ organizationId: filters.organizationId });
  if (filters.status) conditions.push({ active: filters.status === "active" });
  const where: UserWhereInput = { AND: conditions };
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ organization: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: managedUserSelect,
    }),
    db().user.count({ where }),
  ]);
  return toPage(rows.map(toManagedUser), total, page);
}

const managedUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  version: true,
  organization: { select: { id: true, name: true } },
  roleGrants: { where: { status: "PENDING" as const }, select: { role: true }, take: 1 },
} satisfies UserSelect;

function toManagedUser({ roleGrants, ...user }: { roleGrants: { role: string }[] } & Omit<ManagedUser, "pendingRole">): ManagedUser {
  return { ...user, pendingRole: roleGrants[0]?.role ?? null };
}

export type ManagedUserDetail = ManagedUser & {
  createdAt: Date;
  /** Whether the person has set a password yet (never the hash itself). */
  hasPassword: boolean;
  /** The latest unused, unexpired password link's expiry, if one is outstanding. */
  openLinkExpiresAt: Date | null;
};

/** One user's page: what the list shows, plus whether a password is set and a link is outstanding. */
export async function getManagedUser(actor: Actor, userId: string, now: Date = new Date()): Promise<ManagedUserDetail | null> {
  if (!can(actor, "users.manage")) return null;
  const row = await db().user.findFirst({
    where: { AND: [managedUserScope(actor), { id: userId }] },
    select: {
      ...managedUserSelect,
      createdAt: true,
      passwordHash: true,
      passwordLinks: { where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" }, take: 1, select: { expiresAt: true } },
    },
  });
  if (!row) return null;
  const { passwordHash, passwordLinks, createdAt, ...user } = row;
  return { ...toManagedUser(user), createdAt, hasPassword: passwordHash !== null, openLinkExpiresAt: passwordLinks[0]?.expiresAt ?? null };
}

/** Access grants waiting for a second administrator, oldest first: every admin sees them on the users page. */
export async function listPendingGrants(actor: Actor): Promise<PendingGrant[]> {
  if (!can(actor, "users.manage")) return [];
  const rows = await db().roleGrant.findMany({
    where: { status: "PENDING" },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      version: true,
      role: true,
      activates: true,
      requestedAt: true,
      user: { select: { id: true, name: true, email: true } },
      organization: { select: { name: true } },
      requestedBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({ ...row, requestedByViewer: row.requestedBy.id === actor.userId, aboutViewer: row.user.id === actor.userId }));
}
