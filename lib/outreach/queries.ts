import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

/** Outreach belongs to the office: every CLO and supervisor of the office sees the office's log. */
function officeOf(actor: Actor): string | null {
  return can(actor, "outreach.manage") && actor.organizationKind === "CBSA_OFFICE" ? actor.organizationId : null;
}

export type OutreachRow = { id: string; organizationName: string; providerId: string | null; contactedOn: Date; topic: string; outcome: string | null; cloName: string };

export async function listOutreachContacts(actor: Actor, page: number): Promise<Page<OutreachRow>> {
  const officeId = officeOf(actor);
  if (!officeId) return toPage([], 0, 1);
  const where = { officeId };
  const [rows, total] = await Promise.all([
    db().outreachContact.findMany({
      where,
      orderBy: [{ contactedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, organizationName: true, providerId: true, contactedOn: true, topic: true, outcome: true, clo: { select: { name: true } } },
    }),
    db().outreachContact.count({ where }),
  ]);
  return toPage(rows.map(({ clo, ...row }) => ({ ...row, cloName: clo.name })), total, page);
}

/** The office's time zone, for "today" in the contact form. */
export async function officeTimeZone(actor: Actor): Promise<string> {
  const organization = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { timeZone: true } });
  return organization?.timeZone ?? "America/Toronto";
}
