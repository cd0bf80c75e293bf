import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

/** Outreach belongs to the office: every CLO and supervisor of the office sees the office's log and lists. */
function officeOf(actor: Actor): string | null {
  return can(actor, "outreach.manage") && actor.organizationKind === "CBSA_OFFICE" ? actor.organizationId : null;
}

export type OutreachRow = {
  id: string;
  version: number;
  organizationName: string;
  providerId: string | null;
  contactedOn: Date;
  topic: string;
  outcome: string | null;
  nextStep: string | null;
  nextStepDueOn: Date | null;
  nextStepDoneAt: Date | null;
  cloName: string;
};

const OUTREACH_ROW_SELECT = {
  id: true,
  version: true,
  organizationName: true,
  providerId: true,
  contactedOn: true,
  topic: true,
  outcome: true,
  nextStep: true,
  nextStepDueOn: true,
  nextStepDoneAt: true,
  clo: { select: { name: true } },
} as const;

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
      select: OUTREACH_ROW_SELECT,
    }),
    db().outreachContact.count({ where }),
  ]);
  return toPage(rows.map(({ clo, ...row }) => ({ ...row, cloName: clo.name })), total, page);
}

/** The office's follow-ups still to do, the earliest due first (overdue ones at the top). At most 50: a work list. */
export async function listOpenFollowUps(actor: Actor): Promise<OutreachRow[]> {
  const officeId = officeOf(actor);
  if (!officeId) return [];
  const rows = await db().outreachContact.findMany({
    where: { officeId, nextStepDoneAt: null, nextStepDueOn: { not: null } },
    orderBy: [{ nextStepDueOn: "asc" }, { contactedOn: "asc" }, { id: "asc" }],
    take: 50,
    select: OUTREACH_ROW_SELECT,
  });
  return rows.map(({ clo, ...row }) => ({ ...row, cloName: clo.name }));
}

/** The office's time zone, for "today" in the contact form. */
export async function officeTimeZone(actor: Actor): Promise<string> {
  const organization = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { timeZone: true } });
  return organization?.timeZone ?? "America/Toronto";
}
