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
      select: { id: true, name: true, email: true, role: true, active: true, version: true, organization: { select: { id: true, name: true } } },
    }),
    db().user.count({ where }),
  ]);
  return toPage(rows, total, page);
}
