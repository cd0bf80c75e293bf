import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { mayEndCounsel } from "@/lib/counsel/rules";
import type { CounselStatus } from "@/lib/generated/prisma/enums";
import type { CounselOfRecordWhereInput } from "@/lib/generated/prisma/models";

/**
 * Counsel of record as the case file shows it (lib/case-file/queries.ts getCaseFile selects it with the person, in
 * the case file's one statement). The office sees counsel in force, the history and the requests routed to its own
 * cases; counsel of record see their own record only (to withdraw), nothing of other counsel or of requests.
 */

export type CounselRecordView = {
  id: string;
  version: number;
  status: CounselStatus;
  counsel: { id: string; name: string; organization: string } | null;
  outside: { name: string; organization: string | null; phone: string | null; email: string | null } | null;
  requestDetentionId: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  declineReason: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
};

export type CounselChoice = { organization: string; counsel: { id: string; name: string }[] };

export type CaseCounsel = {
  /** The person's version, which recording counsel compares. */
  personVersion: number;
  current: CounselRecordView | null;
  /** Ended and declined records, and requests routed to other cases of the office; newest first. */
  history: CounselRecordView[];
  /** Requests waiting for the office on this case, oldest first. */
  requests: CounselRecordView[];
  /** Active counsel accounts by organisation, for the office's picker; empty for others. */
  choices: CounselChoice[];
  mayRecord: boolean;
  mayEndCurrent: boolean;
};

const NONE: CounselOfRecordWhereInput = { id: { in: [] } };

/** Which counsel records of the person this viewer reads, as the `counselRecords` relation of the case file's detainee. */
export function counselRecordsSelect(actor: Actor) {
  let where: CounselOfRecordWhereInput = NONE;
  if (can(actor, "cases.edit")) {
    // Requests and declines routed to another office's case are that office's business.
    where = { OR: [{ status: { in: ["ACTIVE", "ENDED"] } }, { requestDetentionId: null }, { requestDetention: { is: detentionScope(actor) } }] };
  } else if (actor.role === "COUNSEL") where = { counselId: actor.userId, status: "ACTIVE" };
  return {
    where,
    orderBy: [{ requestedAt: "desc" as const }, { id: "desc" as const }],
    select: {
      id: true,
      version: true,
      status: true,
      counsel: { select: { id: true, name: true, organization: { select: { name: true } } } },
      outsideName: true,
      outsideOrganization: true,
      outsidePhone: true,
      outsideEmail: true,
      requestDetentionId: true,
      requestedAt: true,
      decidedAt: true,
      declineReason: true,
      startedAt: true,
      endedAt: true,
      endReason: true,
    },
  };
}

type CounselRecordRow = {
  id: string;
  version: number;
  status: CounselStatus;
  counsel: { id: string; name: string; organization: { name: string } } | null;
  outsideName: string | null;
  outsideOrganization: string | null;
  outsidePhone: string | null;
  outsideEmail: string | null;
  requestDetentionId: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  declineReason: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
};

function view(row: CounselRecordRow): CounselRecordView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    counsel: row.counsel ? { id: row.counsel.id, name: row.counsel.name, organization: row.counsel.organization.name } : null,
    outside: row.outsideName ? { name: row.outsideName, organization: row.outsideOrganization, phone: row.outsidePhone, email: row.outsideEmail } : null,
    requestDetentionId: row.requestDetentionId,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    declineReason: row.declineReason,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
  };
}

/** The active counsel accounts the office may record, grouped by organisation (a select with option groups). */
export async function listCounselChoices(actor: Actor): Promise<CounselChoice[]> {
  if (!can(actor, "cases.edit")) return [];
  const users = await db().user.findMany({
    where: { role: "COUNSEL", active: true },
    orderBy: [{ organization: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, organization: { select: { name: true } } },
  });
  const groups: CounselChoice[] = [];
  for (const user of users) {
    const last = groups[groups.length - 1];
    if (last && last.organization === user.organization.name) last.counsel.push({ id: user.id, name: user.name });
    else groups.push({ organization: user.organization.name, counsel: [{ id: user.id, name: user.name }] });
  }
  return groups;
}

/** The case file's counsel slice, from the person's records as counselRecordsSelect loaded them. */
export function caseCounsel(actor: Actor, detentionId: string, person: { version: number; counselRecords: CounselRecordRow[] }, choices: CounselChoice[]): CaseCounsel {
  const rows = person.counselRecords.map(view);
  const current = rows.find((row) => row.status === "ACTIVE") ?? null;
  const office = can(actor, "cases.edit");
  return {
    personVersion: person.version,
    current,
    history: office ? rows.filter((row) => row.status === "ENDED" || row.status === "DECLINED" || (row.status === "REQUESTED" && row.requestDetentionId !== detentionId)) : [],
    requests: office ? rows.filter((row) => row.status === "REQUESTED" && row.requestDetentionId === detentionId).reverse() : [],
    choices: office ? choices : [],
    mayRecord: office,
    mayEndCurrent: current !== null && (office || mayEndCounsel(actor, { counselId: current.counsel?.id ?? null })),
  };
}
