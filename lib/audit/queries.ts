import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { auditScope } from "@/lib/authz/audit";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import type { AuditEventWhereInput } from "@/lib/generated/prisma/models";
import type { AuditFilters } from "@/lib/audit/schema";

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  sessionId: string | null;
  actor: { name: string; email: string } | null;
  caseReference: string | null;
};

function filterWhere(actor: Actor, filters: AuditFilters, timeZoneOffset = "Z"): AuditEventWhereInput {
  const and: AuditEventWhereInput[] = [auditScope(actor)];
  if (filters.actor) and.push({ actor: { OR: [{ email: { contains: filters.actor, mode: "insensitive" } }, { name: { contains: filters.actor, mode: "insensitive" } }] } });
  if (filters.caseReference) and.push({ detention: { reference: { equals: filters.caseReference, mode: "insensitive" } } });
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.from) and.push({ at: { gte: new Date(`${filters.from}T00:00:00${timeZoneOffset}`) } });
  if (filters.to) and.push({ at: { lt: new Date(new Date(`${filters.to}T00:00:00${timeZoneOffset}`).getTime() + 86_400_000) } });
  return { AND: and };
}

const SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  sessionId: true,
  actor: { select: { name: true, email: true } },
  detention: { select: { reference: true } },
} as const;

type SelectedRow = { id: bigint; at: Date; action: string; entityType: string; entityId: string | null; sessionId: string | null; actor: { name: string; email: string } | null; detention: { reference: string } | null };

function toRow(row: SelectedRow): AuditRow {
  return { ...row, id: row.id.toString(), caseReference: row.detention?.reference ?? null };
}

export async function listAuditEvents(actor: Actor, filters: AuditFilters): Promise<Page<AuditRow>> {
  if (!can(actor, "audit.view")) return toPage([], 0, 1);
  const where = filterWhere(actor, filters);
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: SELECT }),
    db().auditEvent.count({ where }),
  ]);
  return toPage(rows.map(toRow), total, filters.page);
}

/** Every matching event, newest first, in batches (keyset on id) so a large export never sits in memory at once. */
export async function* exportAuditEvents(actor: Actor, filters: AuditFilters, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  if (!can(actor, "audit.view")) return;
  const where = filterWhere(actor, filters);
  let before: bigint | undefined;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: batchSize,
      select: SELECT,
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    before = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}
