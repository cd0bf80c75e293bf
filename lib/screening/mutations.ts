import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { visibleFlags } from "@/lib/authz/cases";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/mutations";
import type { RecordFlagInput, RemoveFlagInput } from "@/lib/screening/schema";

export type ScreeningResult = { ok: true } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" };

/**
 * Claims the screening at the version the actor read (0: none yet), creating it on the first flag.
 * Two people saving at once: the second finds the version moved on and is refused.
 */
async function claimScreening(tx: Transaction, actor: Actor, detentionId: string, version: number): Promise<{ ok: true; screeningId: string } | { ok: false; reason: "STALE_VERSION" }> {
  if (version === 0) {
    const existing = await tx.screening.findUnique({ where: { detentionId }, select: { id: true } });
    if (existing) return { ok: false, reason: "STALE_VERSION" };
    const created = await tx.screening.create({ data: { detentionId, recordedById: actor.userId }, select: { id: true } });
    return { ok: true, screeningId: created.id };
  }
  const { count } = await tx.screening.updateMany({ where: { detentionId, version }, data: { version: { increment: 1 }, recordedById: actor.userId } });
  if (count === 0) return { ok: false, reason: "STALE_VERSION" };
  const screening = await tx.screening.findUniqueOrThrow({ where: { detentionId }, select: { id: true } });
  return { ok: true, screeningId: screening.id };
}

/** The detention, if the actor may edit its screening; trafficking indicators only for those who may see them. */
async function editableDetention(tx: Transaction, actor: Actor, detentionId: string, flag: VulnerabilityFlag) {
  if (!can(actor, "cases.edit")) return null;
  const detention = await tx.detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: { id: true, assignedCloId: true, detainee: { select: { counselId: true } } },
  });
  if (!detention) return null;
  // One may record or remove only a flag one may see (lib/authz/cases.ts).
  if (visibleFlags(actor, { assignedCloId: detention.assignedCloId, counselId: detention.detainee.counselId }, [flag]).length === 0) return null;
  return detention;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Records (or updates the details of) a vulnerability flag. The assessment deadline it moves is computed on
 * read from the flags each viewer may see (lib/assessments/rules.ts), never stored.
 */
export async function recordFlag(actor: Actor, input: RecordFlagInput): Promise<ScreeningResult> {
  // The gate first: someone who may not edit the case learns nothing, not even that consent is missing.
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  // Trafficking indicators are recorded only through the trafficking screen, after the disclosure of risks
  // (lib/trafficking/mutations.ts). The schema refuses the flag here; checked again because this function is the gate.
  if ((input.flag as VulnerabilityFlag) === "TRAFFICKING_INDICATORS") return { ok: false, reason: "NOT_FOUND" };
  try {
    return await db().$transaction(async (tx): Promise<ScreeningResult> => {
      const detention = await editableDetention(tx, actor, input.detentionId, input.flag);
      if (!detention) return { ok: false, reason: "NOT_FOUND" };
      const claimed = await claimScreening(tx, actor, detention.id, input.version);
      if (!claimed.ok) return claimed;
      await tx.screeningFlag.upsert({
        where: { screeningId_flag: { screeningId: claimed.screeningId, flag: input.flag } },
        create: { screeningId: claimed.screeningId, flag: input.flag, details: input.details },
        update: { details: input.details },
      });
      await recordAudit(tx, actor, { action: "screening.flag.record", entityType: "Screening", entityId: claimed.screeningId, detentionId: detention.id, metadata: { flag: input.flag } });
      return { ok: true };
    });
  } catch (error) {
    // Two first flags at once: the unique screening per detention decides; the second is stale.
    if (isUniqueViolation(error)) return { ok: false, reason: "STALE_VERSION" };
    throw error;
  }
}

/** Removes a flag; with the last visible one gone the assessment is due before the 7-day review again (computed on read). */
export async function removeFlag(actor: Actor, input: RemoveFlagInput): Promise<ScreeningResult> {
  return db().$transaction(async (tx): Promise<ScreeningResult> => {
    const detention = await editableDetention(tx, actor, input.detentionId, input.flag);
    if (!detention || input.version === 0) return { ok: false, reason: "NOT_FOUND" };
    const claimed = await claimScreening(tx, actor, detention.id, input.version);
    if (!claimed.ok) return claimed;
    await tx.screeningFlag.deleteMany({ where: { screeningId: claimed.screeningId, flag: input.flag } });
    await recordAudit(tx, actor, { action: "screening.flag.remove", entityType: "Screening", entityId: claimed.screeningId, detentionId: detention.id, metadata: { flag: input.flag } });
    return { ok: true };
  });
}
