import { can, detentionScope, type Actor } from "@/lib/authz";
import { recordAudit, type AuditEntry } from "@/lib/audit/mutations";
import {
  REPLACED,
  REQUEST_WINDOW_MS,
  mayBeCounselOfRecord,
  mayEndCounsel,
  mirroredCounselId,
  nextCounselStatus,
  planRecording,
  referenceCandidates,
  requestGate,
  requestMatches,
  requestOutcome,
} from "@/lib/counsel/rules";
import type { DecideCounselRequestInput, EndCounselInput, RecordCounselInput, RequestCounselInput } from "@/lib/counsel/schema";
import type { TransactionClient } from "@/lib/generated/prisma/internal/prismaNamespace";

/**
 * Counsel of record's writes, each inside a transaction it is given: lib/counsel/mutations.ts runs them in the app's
 * own (db().$transaction), and the demo seed (prisma/seed/demo.ts) in the seed's, so the demo's counsel of record are
 * made by the same gates, rules and audit events as the app's. Each function is the one gate for its change: the
 * capability (lib/authz), the scope of every read and write (detentionScope), the person's row locked so changes to
 * one person's counsel take turns, the version the user read compared before anything is written, and the audit event
 * in the same transaction. Detainee.counselId is written here only, always equal to the ACTIVE row's counsel user
 * (lib/counsel/rules.ts mirroredCounselId): every scope of counsel's access tests that column.
 */

export type CounselTransaction = TransactionClient;

export type RecordCounselResult = { ok: true; recordId: string } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "COUNSEL_NOT_FOUND" | "ALREADY_COUNSEL" };
/** The same answer whether or not the reference and name matched a person (derived values follow access). */
export type RequestCounselResult = { ok: true } | { ok: false; reason: "NOT_FOUND" | "TOO_MANY_PENDING" | "TOO_MANY_REQUESTS" };
export type DecideCounselResult = { ok: true; status: "ACTIVE" | "DECLINED" } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "COUNSEL_NOT_ELIGIBLE" };
export type EndCounselResult = { ok: true } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" };

/** The one answer to every request counsel is allowed to make. */
const REQUEST_SENT: RequestCounselResult = Object.freeze({ ok: true });

/**
 * The audit event, through recordAudit (lib/audit/mutations.ts) in the transaction given, so the change's notifications
 * are written with it. The seed's transaction is the plain client's; the app's is the extended one: the same at run time.
 */
async function audit(tx: CounselTransaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudit(tx as unknown as Parameters<typeof recordAudit>[0], actor, entry);
}

/** Locks the person for the rest of the transaction and reads the version of the record as it is now. */
async function lockPerson(tx: CounselTransaction, detaineeId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "Detainee" WHERE id = ${detaineeId}::uuid FOR UPDATE`;
  return row?.version ?? 0;
}

/** Writes the person's counselId (the mirror) and version, checked against the version read under the lock. */
async function writeMirror(tx: CounselTransaction, detaineeId: string, version: number, counselId: string | null): Promise<void> {
  const { count } = await tx.detainee.updateMany({ where: { id: detaineeId, version }, data: { counselId, version: { increment: 1 } } });
  // The row is locked: nothing else can have changed its version since it was read.
  if (count !== 1) throw new Error("The person changed under a lock");
}

/** Ends counsel in force because new counsel replaces them: history is kept, the row is never deleted. */
async function endReplaced(tx: CounselTransaction, actor: Actor, recordId: string, now: Date): Promise<void> {
  await tx.counselOfRecord.update({
    where: { id: recordId, status: "ACTIVE" },
    data: { status: nextCounselStatus("ACTIVE", "END")!, endedAt: now, endedById: actor.userId, endReason: REPLACED, version: { increment: 1 } },
  });
}

/**
 * A CLO or supervisor of the office records counsel of record for the person of one of the office's cases: a counsel
 * account (active, role COUNSEL) or an outside lawyer. Counsel in force is ended in the same transaction. An open
 * request by the same counsel becomes the record (it is what they asked for).
 */
export async function recordCounselWith(tx: CounselTransaction, actor: Actor, input: RecordCounselInput, now: Date): Promise<RecordCounselResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, detaineeId: true } });
  if (!detention) return { ok: false, reason: "NOT_FOUND" };
  if (input.kind === "ACCOUNT") {
    const user = await tx.user.findUnique({ where: { id: input.counselId }, select: { role: true, active: true } });
    if (!user || !mayBeCounselOfRecord(user)) return { ok: false, reason: "COUNSEL_NOT_FOUND" };
  }
  const version = await lockPerson(tx, detention.detaineeId);
  if (version !== input.version) return { ok: false, reason: "STALE_VERSION" };
  const current = await tx.counselOfRecord.findFirst({ where: { detaineeId: detention.detaineeId, status: "ACTIVE" }, select: { id: true, counselId: true } });
  const plan = planRecording(current, input.kind === "ACCOUNT" ? { kind: "ACCOUNT", counselId: input.counselId } : { kind: "OUTSIDE" });
  if (!plan.ok) return plan;

  if (plan.replaces) await endReplaced(tx, actor, plan.replaces, now);
  const decided = { status: "ACTIVE" as const, decidedById: actor.userId, decidedAt: now, startedAt: now };
  const request =
    input.kind === "ACCOUNT"
      ? await tx.counselOfRecord.findFirst({ where: { detaineeId: detention.detaineeId, counselId: input.counselId, status: "REQUESTED" }, select: { id: true } })
      : null;
  const record = request
    ? await tx.counselOfRecord.update({ where: { id: request.id }, data: { ...decided, version: { increment: 1 } }, select: { id: true, counselId: true } })
    : await tx.counselOfRecord.create({
        data: {
          detaineeId: detention.detaineeId,
          ...(input.kind === "ACCOUNT"
            ? { counselId: input.counselId }
            : { outsideName: input.outsideName, outsideOrganization: input.outsideOrganization, outsidePhone: input.outsidePhone, outsideEmail: input.outsideEmail }),
          requestedById: actor.userId,
          requestedAt: now,
          ...decided,
        },
        select: { id: true, counselId: true },
      });
  await writeMirror(tx, detention.detaineeId, version, mirroredCounselId(record));
  await audit(tx, actor, {
    action: "counsel.record",
    entityType: "CounselOfRecord",
    entityId: record.id,
    detentionId: detention.id,
    metadata: { kind: input.kind, counselId: record.counselId, replacedRecordId: plan.replaces, fromRequest: request !== null },
  });
  return { ok: true, recordId: record.id };
}

/**
 * Counsel asks to be recorded for a person, naming the case reference and the person's family name. The answer is
 * the same whether they matched or not ("request sent to the office"), so asking cannot tell counsel who is
 * detained; only a match writes a request, routed to the office of the detention named. Asking is capped by
 * counsel's own counts (pending requests, requests in the last day), decided before anything is looked up.
 */
export async function requestCounselWith(tx: CounselTransaction, actor: Actor, input: RequestCounselInput, now: Date): Promise<RequestCounselResult> {
  if (actor.role !== "COUNSEL" || !can(actor, "clients.list")) return { ok: false, reason: "NOT_FOUND" };
  // Counsel's own requests take turns, so two at once cannot both pass the caps.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
  const [pending, recent] = await Promise.all([
    tx.counselOfRecord.count({ where: { counselId: actor.userId, status: "REQUESTED" } }),
    tx.auditEvent.count({ where: { actorId: actor.userId, action: "counsel.request", at: { gte: new Date(now.getTime() - REQUEST_WINDOW_MS) } } }),
  ]);
  const gate = requestGate({ pending, recent });
  if (!gate.ok) return gate;

  const detention = await tx.detention.findFirst({
    where: { reference: { in: referenceCandidates(input.reference) } },
    orderBy: { reference: "asc" },
    select: { id: true, detaineeId: true, detainee: { select: { familyName: true, mergedIntoId: true } } },
  });
  const matched = detention !== null && detention.detainee.mergedIntoId === null && requestMatches(detention.detainee, input.familyName);
  let createdId: string | null = null;
  if (matched) {
    await lockPerson(tx, detention.detaineeId);
    const rows = await tx.counselOfRecord.findMany({ where: { detaineeId: detention.detaineeId, counselId: actor.userId, status: { in: ["ACTIVE", "REQUESTED"] } }, select: { counselId: true, status: true } });
    if (requestOutcome(actor.userId, rows) === "CREATE") {
      const created = await tx.counselOfRecord.create({
        data: { detaineeId: detention.detaineeId, counselId: actor.userId, status: "REQUESTED", requestDetentionId: detention.id, requestedById: actor.userId, requestedAt: now },
        select: { id: true },
      });
      createdId = created.id;
    }
  }
  // Every request is counted (the cap above) and audited, matched or not; counsel's events are never shown to CBSA.
  await audit(tx, actor, { action: "counsel.request", entityType: "CounselOfRecord", entityId: createdId, detentionId: matched ? detention.id : null, metadata: { matched } });
  return REQUEST_SENT;
}

/**
 * A CLO or supervisor of the office that a request was routed to confirms it (counsel becomes counsel of record,
 * replacing counsel in force) or declines it with a reason. `version` is the request's.
 */
export async function decideCounselRequestWith(tx: CounselTransaction, actor: Actor, input: DecideCounselRequestInput, now: Date): Promise<DecideCounselResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  const request = await tx.counselOfRecord.findFirst({
    where: { id: input.requestId, requestDetentionId: input.detentionId, requestDetention: detentionScope(actor) },
    select: { id: true, detaineeId: true, counselId: true },
  });
  if (!request) return { ok: false, reason: "NOT_FOUND" };
  const personVersion = await lockPerson(tx, request.detaineeId);
  const state = await tx.counselOfRecord.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, version: true } });
  const next = nextCounselStatus(state.status, input.decision);
  if (state.version !== input.version || !next) return { ok: false, reason: "STALE_VERSION" };

  if (input.decision === "DECLINE") {
    await tx.counselOfRecord.update({ where: { id: request.id }, data: { status: next, decidedById: actor.userId, decidedAt: now, declineReason: input.reason, version: { increment: 1 } } });
    await audit(tx, actor, { action: "counsel.decline", entityType: "CounselOfRecord", entityId: request.id, detentionId: input.detentionId, metadata: { status: next } });
    return { ok: true, status: "DECLINED" };
  }

  const user = request.counselId ? await tx.user.findUnique({ where: { id: request.counselId }, select: { role: true, active: true } }) : null;
  if (!user || !mayBeCounselOfRecord(user)) return { ok: false, reason: "COUNSEL_NOT_ELIGIBLE" };
  const current = await tx.counselOfRecord.findFirst({ where: { detaineeId: request.detaineeId, status: "ACTIVE" }, select: { id: true, counselId: true } });
  const plan = planRecording(current, { kind: "ACCOUNT", counselId: request.counselId! });
  // Counsel already in force for this person has no open request (a recording settles it): nothing to confirm.
  if (!plan.ok) return { ok: false, reason: "STALE_VERSION" };
  if (plan.replaces) await endReplaced(tx, actor, plan.replaces, now);
  await tx.counselOfRecord.update({ where: { id: request.id }, data: { status: next, decidedById: actor.userId, decidedAt: now, startedAt: now, version: { increment: 1 } } });
  await writeMirror(tx, request.detaineeId, personVersion, mirroredCounselId(request));
  await audit(tx, actor, { action: "counsel.confirm", entityType: "CounselOfRecord", entityId: request.id, detentionId: input.detentionId, metadata: { status: next, counselId: request.counselId, replacedRecordId: plan.replaces } });
  return { ok: true, status: "ACTIVE" };
}

/**
 * Counsel of record ends, with a reason: the office ends it, or counsel withdraws. Access ends at once
 * (Detainee.counselId is cleared in the same transaction); counsel's privileged notes stay their organisation's,
 * unread by anyone else (lib/authz/notes.ts), and the row stays as history.
 */
export async function endCounselWith(tx: CounselTransaction, actor: Actor, input: EndCounselInput, now: Date): Promise<EndCounselResult> {
  if (!can(actor, "cases.edit") && actor.role !== "COUNSEL") return { ok: false, reason: "NOT_FOUND" };
  const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, detaineeId: true } });
  if (!detention) return { ok: false, reason: "NOT_FOUND" };
  const record = await tx.counselOfRecord.findFirst({ where: { id: input.recordId, detaineeId: detention.detaineeId }, select: { id: true, counselId: true } });
  if (!record || !mayEndCounsel(actor, record)) return { ok: false, reason: "NOT_FOUND" };
  const personVersion = await lockPerson(tx, detention.detaineeId);
  const row = await tx.counselOfRecord.findUniqueOrThrow({ where: { id: record.id }, select: { status: true, version: true } });
  const next = nextCounselStatus(row.status, "END");
  if (row.version !== input.version || !next) return { ok: false, reason: "STALE_VERSION" };
  await tx.counselOfRecord.update({ where: { id: record.id }, data: { status: next, endedAt: now, endedById: actor.userId, endReason: input.reason, version: { increment: 1 } } });
  await writeMirror(tx, detention.detaineeId, personVersion, mirroredCounselId(null));
  await audit(tx, actor, {
    action: "counsel.end",
    entityType: "CounselOfRecord",
    entityId: record.id,
    detentionId: detention.id,
    metadata: { status: next, by: actor.role === "COUNSEL" ? "COUNSEL" : "OFFICE", kind: record.counselId ? "ACCOUNT" : "OUTSIDE" },
  });
  return { ok: true };
}
