import "server-only";
import { db } from "@/lib/db";
import { can, managedUserScope, type Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

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

export async function listUsers(actor: Actor, page: number): Promise<Page<ManagedUser>> {
  if (!can(actor, "users.manage")) return toPage([], 0, 1);
  const where = managedUserScope(actor);
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ organization: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        version: true,
        organization: { select: { id: true, name: true } },
        roleGrants: { where: { status: "PENDING" }, select: { role: true }, take: 1 },
      },
    }),
    db().user.count({ where }),
  ]);
  return toPage(
    rows.map(({ roleGrants, ...user }) => ({ ...user, pendingRole: roleGrants[0]?.role ?? null })),
    total,
    page,
  );
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
