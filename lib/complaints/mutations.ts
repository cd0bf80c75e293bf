import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import { complaintFiledScope, complaintHandlingScope } from "@/lib/authz/complaints";
import { recordAudit } from "@/lib/audit/mutations";
import { officePrefix } from "@/lib/detentions/rules";
import { policyInForce } from "@/lib/policy/queries";
import { canTakeStep, filingYear, formatComplaintReference, responseDueAt, statusAfter, type ComplaintSide, type ComplaintStep } from "@/lib/complaints/rules";
import type { ComplaintStepInput, FileComplaintInput, RespondComplaintInput, ReviewComplaintInput, ShareComplaintInput } from "@/lib/complaints/schema";
import type { ComplaintUpdateManyMutationInput, ComplaintWhereInput } from "@/lib/generated/prisma/models";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

export type ComplaintResult =
  | { ok: true; complaintId: string; reference: string }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "INVALID_TRANSITION" | "OWN_CASE" | "OFFICE_REQUIRED" | "HANDLER_NOT_FOUND" | "NO_SUBJECT" };

type Target = { officeId: string; detentionId: string | null; referralId: string | null; subjectId: string | null };

/**
 * What a complaint is about, under the filer's own access: a case they may open (counsel of record, the office's CBSA
 * users), a referral a provider's caseworker sees (its case, which they never see, comes with it), or the service at an
 * office (a CBSA user's own; anyone else chooses an active CBSA office). The officer named is the case's assigned CLO at
 * filing. A CLO does not record a complaint about a case assigned to them: the person's complaint may be about them.
 */
async function resolveTarget(tx: Transaction, actor: Actor, input: FileComplaintInput): Promise<{ ok: true; target: Target } | { ok: false; reason: "NOT_FOUND" | "OWN_CASE" | "OFFICE_REQUIRED" }> {
  const cbsa = actor.organizationKind === "CBSA_OFFICE" && (actor.role === "CLO" || actor.role === "SUPERVISOR");
  if (input.referralId) {
    if (actor.role !== "NGO_CASEWORKER") return { ok: false, reason: "NOT_FOUND" };
    const referral = await tx.referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: input.referralId }] }, select: { detention: { select: { id: true, officeId: true, assignedCloId: true } } } });
    if (!referral) return { ok: false, reason: "NOT_FOUND" };
    const { detention } = referral;
    return { ok: true, target: { officeId: detention.officeId, detentionId: detention.id, referralId: input.referralId, subjectId: detention.assignedCloId } };
  }
  if (input.detentionId) {
    if (actor.role !== "COUNSEL" && !cbsa) return { ok: false, reason: "NOT_FOUND" };
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, officeId: true, assignedCloId: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" };
    if (detention.assignedCloId === actor.userId) return { ok: false, reason: "OWN_CASE" };
    return { ok: true, target: { officeId: detention.officeId, detentionId: detention.id, referralId: null, subjectId: detention.assignedCloId } };
  }
  if (cbsa) return { ok: true, target: { officeId: actor.organizationId, detentionId: null, referralId: null, subjectId: null } };
  if (!input.officeId) return { ok: false, reason: "OFFICE_REQUIRED" };
  const office = await tx.organization.findFirst({ where: { id: input.officeId, kind: "CBSA_OFFICE", active: true }, select: { id: true } });
  if (!office) return { ok: false, reason: "NOT_FOUND" };
  return { ok: true, target: { officeId: office.id, detentionId: null, referralId: null, subjectId: null } };
}

/**
 * The office's next complaint number for the year: one upsert that inserts 1 or adds 1 and returns it. PostgreSQL
 * locks the sequence row for the rest of the transaction, so two complaints filed at once take turns and never draw
 * the same number (the unique index on Complaint.reference is the backstop).
 */
async function nextSequence(tx: Transaction, officeId: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ComplaintSequence" ("officeId", year, last) VALUES (${officeId}::uuid, ${year}, 1)
    ON CONFLICT ("officeId", year) DO UPDATE SET last = "ComplaintSequence".last + 1
    RETURNING last`;
  return row!.last;
}

/**
 * Files a complaint: acknowledged at once with its reference, due for a response by the end of the
 * n-th day on the office's calendar, n the policy's complaintResponseDays in force at filing (30 by default). Audited; the office's supervisors are told (never the officer
 * it names). The audit event carries no case: a complaint's events stay out of the case's and the office's audit trail.
 */
export async function fileComplaint(actor: Actor, input: FileComplaintInput, now: Date = new Date()): Promise<ComplaintResult> {
  if (!can(actor, "complaints.file")) return { ok: false, reason: "NOT_FOUND" };
  // Read before the transaction: a read on another connection while holding one would starve the pool under load.
  const responseDays = (await policyInForce(now)).complaintResponseDays;
  return db().$transaction(async (tx) => {
    const resolved = await resolveTarget(tx, actor, input);
    if (!resolved.ok) return resolved;
    const { target } = resolved;
    const office = await tx.organization.findUniqueOrThrow({ where: { id: target.officeId }, select: { name: true, region: true, timeZone: true } });
    const year = filingYear(now, office.timeZone);
    const reference = formatComplaintReference(officePrefix(office), year, await nextSequence(tx, target.officeId, year));
    const complaint = await tx.complaint.create({
      data: {
        reference,
        officeId: target.officeId,
        detentionId: target.detentionId,
        referralId: target.referralId,
        subjectId: target.subjectId,
        filedById: actor.userId,
        filedByOrgId: actor.organizationId,
        onBehalfOf: input.onBehalfOf,
        category: input.category,
        description: input.description,
        remedySought: input.remedySought,
        filedAt: now,
        responseDueAt: responseDueAt(now, office.timeZone, responseDays),
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "complaint.file",
      entityType: "Complaint",
      entityId: complaint.id,
      metadata: { category: input.category, onBehalfOf: input.onBehalfOf, aboutCase: target.detentionId !== null, responseDays },
    });
    return { ok: true, complaintId: complaint.id, reference } as const;
  });
}

/**
 * One step of the transition table on a complaint in the actor's scope for that side, version-checked: reads the
 * complaint, checks the step, writes the change naming the version and status read, and audits it — in one transaction.
 */
async function takeStep(
  actor: Actor,
  step: ComplaintStep,
  input: { complaintId: string; version: number },
  change: (tx: Transaction, current: { status: ComplaintStatus; subjectId: string | null; officeId: string }) => Promise<{ ok: true; data: ComplaintUpdateManyMutationInput; metadata: Record<string, string | null> } | { ok: false; reason: "HANDLER_NOT_FOUND" | "NO_SUBJECT" }>,
): Promise<ComplaintResult> {
  const side: ComplaintSide = step === "withdraw" ? "COMPLAINANT" : "OFFICE";
  const scope: ComplaintWhereInput = side === "COMPLAINANT" ? complaintFiledScope(actor) : complaintHandlingScope(actor);
  return db().$transaction(async (tx) => {
    const current = await tx.complaint.findFirst({ where: { AND: [scope, { id: input.complaintId }] }, select: { reference: true, status: true, version: true, subjectId: true, officeId: true } });
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    if (current.version !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    if (!canTakeStep(step, current.status, side)) return { ok: false, reason: "INVALID_TRANSITION" } as const;
    const changed = await change(tx, current);
    if (!changed.ok) return changed;
    const to = statusAfter(step, current.status);
    const { count } = await tx.complaint.updateMany({
      where: { AND: [scope, { id: input.complaintId, version: input.version, status: current.status }] },
      data: { ...changed.data, status: to, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, { action: `complaint.${step}`, entityType: "Complaint", entityId: input.complaintId, metadata: { from: current.status, to, ...changed.metadata } });
    return { ok: true, complaintId: input.complaintId, reference: current.reference } as const;
  });
}

/** A supervisor takes the complaint, or gives it to another active supervisor of the office (never the officer it names). */
export function reviewComplaint(actor: Actor, input: ReviewComplaintInput): Promise<ComplaintResult> {
  return takeStep(actor, "review", input, async (tx, current) => {
    if (input.handlerId === current.subjectId) return { ok: false, reason: "HANDLER_NOT_FOUND" };
    const handler = await tx.user.findFirst({ where: { id: input.handlerId, organizationId: current.officeId, role: "SUPERVISOR", active: true }, select: { id: true } });
    if (!handler) return { ok: false, reason: "HANDLER_NOT_FOUND" };
    return { ok: true, data: { handlerId: handler.id, investigationNotes: input.investigationNotes }, metadata: { handlerId: handler.id } };
  });
}

/** The written response with its outcome: the complainant is told, and sees it. */
export function respondComplaint(actor: Actor, input: RespondComplaintInput, now: Date = new Date()): Promise<ComplaintResult> {
  return takeStep(actor, "respond", input, async () => ({ ok: true, data: { response: input.response, outcome: input.outcome, respondedAt: now }, metadata: { outcome: input.outcome } }));
}

/** Closes a complaint responded to. */
export function closeComplaint(actor: Actor, input: ComplaintStepInput, now: Date = new Date()): Promise<ComplaintResult> {
  return takeStep(actor, "close", input, async () => ({ ok: true, data: { closedAt: now }, metadata: {} }));
}

/** The complainant withdraws their complaint before a response: closed, outcome WITHDRAWN. */
export function withdrawComplaint(actor: Actor, input: ComplaintStepInput, now: Date = new Date()): Promise<ComplaintResult> {
  return takeStep(actor, "withdraw", input, async () => ({ ok: true, data: { outcome: "WITHDRAWN", closedAt: now }, metadata: { outcome: "WITHDRAWN" } }));
}

/**
 * Shares a written summary with the officer the complaint names: the only part of a complaint they ever see. Explicit,
 * audited, and told to them; sharing again replaces the summary.
 */
export function shareComplaintSummary(actor: Actor, input: ShareComplaintInput, now: Date = new Date()): Promise<ComplaintResult> {
  return takeStep(actor, "share", input, async (_tx, current) => {
    if (!current.subjectId) return { ok: false, reason: "NO_SUBJECT" };
    return { ok: true, data: { subjectSummary: input.subjectSummary, subjectSharedAt: now }, metadata: { subjectId: current.subjectId } };
  });
}
