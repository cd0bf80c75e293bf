import "server-only";
import { db } from "@/lib/db";
import type { TransactionRunner } from "@/lib/transfers/mutations";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { traffickingVisible } from "@/lib/authz/cases";
import { recordAudit } from "@/lib/audit/mutations";
import { TRAFFICKING_FLAG, outcomeSetsFlag } from "@/lib/trafficking/rules";
import type { RecordTraffickingScreenInput } from "@/lib/trafficking/schema";

export type TraffickingScreenResult = { ok: true; screenId: string } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "DISCLOSURE_REQUIRED" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Records a trafficking screen. Only those who may edit the case and see its trafficking flag may (the assigned CLO,
 * supervisors of the office). A finding (trafficking, or exploitation short of it) sets the TRAFFICKING_INDICATORS
 * flag in the same transaction, with the disclosure as its consent: the flag brings the assessment forward (computed
 * on read) and keeps the case's indicators to the flag's audience. The audit event holds ids only: never an
 * indicator, a note or the outcome, which would tell the audit log's readers what the screen found.
 */
export async function recordTraffickingScreen(
  actor: Actor,
  input: RecordTraffickingScreenInput,
  now = new Date(),
  transaction: TransactionRunner = (work) => db().$transaction(work),
): Promise<TraffickingScreenResult> {
  // The gate first: someone who may not edit the case learns nothing, not even that the confirmation is missing.
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  // The schema requires it; checked again here because this function is the gate, whoever calls it.
  if (input.disclosureConfirmed !== true) return { ok: false, reason: "DISCLOSURE_REQUIRED" };
  try {
    return await transaction(async (tx): Promise<TraffickingScreenResult> => {
      const detention = await tx.detention.findFirst({
        where: { AND: [detentionScope(actor), { id: input.detentionId }] },
        select: { id: true, assignedCloId: true, detainee: { select: { counselId: true } } },
      });
      if (!detention || !traffickingVisible(actor, { assignedCloId: detention.assignedCloId, counselId: detention.detainee.counselId })) return { ok: false, reason: "NOT_FOUND" };
      const screen = await tx.traffickingScreen.create({
        data: {
          detentionId: detention.id,
          recordedById: actor.userId,
          recordedAt: now,
          disclosureConfirmedAt: now,
          disclosureMethod: input.disclosureMethod,
          interpreterLanguage: input.interpreterLanguage,
          indicators: input.indicators,
          recruitmentNotes: input.recruitmentNotes,
          controlNotes: input.controlNotes,
          debtNotes: input.debtNotes,
          conditionsNotes: input.conditionsNotes,
          threatsNotes: input.threatsNotes,
          marriageNotes: input.marriageNotes,
          outcome: input.outcome,
        },
        select: { id: true },
      });
      if (outcomeSetsFlag(input.outcome)) {
        // The screening moves on a version, so a flag form opened before this save is refused as stale, not overwritten.
        const screening = await tx.screening.upsert({
          where: { detentionId: detention.id },
          create: { detentionId: detention.id, recordedById: actor.userId },
          update: { version: { increment: 1 }, recordedById: actor.userId },
          select: { id: true },
        });
        await tx.screeningFlag.upsert({
          where: { screeningId_flag: { screeningId: screening.id, flag: TRAFFICKING_FLAG } },
          create: { screeningId: screening.id, flag: TRAFFICKING_FLAG, consentRecordedAt: now },
          update: { consentRecordedAt: now },
        });
      }
      await recordAudit(tx, actor, { action: "trafficking.screen.record", entityType: "TraffickingScreen", entityId: screen.id, detentionId: detention.id });
      return { ok: true, screenId: screen.id };
    });
  } catch (error) {
    // The first screening of a case saved twice at once: the unique screening per detention decides; the second is stale.
    if (isUniqueViolation(error)) return { ok: false, reason: "STALE_VERSION" };
    throw error;
  }
}
