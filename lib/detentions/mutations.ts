import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { assignableCloScope, detaineeSearchScope } from "@/lib/authz/cases";
import { recordAudit } from "@/lib/audit/mutations";
import { computeReviewSchedule } from "@/lib/reviews/rules";
import { formatReference, officePrefix, referenceSequence } from "@/lib/detentions/rules";
import { wallClockToInstant } from "@/lib/time/facility-clock";
import type { ExistingPersonIntake, NewPersonIntake } from "@/lib/detentions/schema";

export type IntakeResult =
  | { ok: true; detentionId: string; reference: string }
  | { ok: false; reason: "NOT_FOUND" | "FACILITY_NOT_FOUND" | "INVALID_TIME" | "FUTURE_TIME" }
  | { ok: false; reason: "CLIENT_ID_TAKEN"; existingDetaineeId: string }
  | { ok: false; reason: "ALREADY_DETAINED"; currentDetentionId: string | null };

// A detention typed a few minutes ahead of the server clock is a clock difference, not a future detention.
const CLOCK_TOLERANCE_MS = 5 * 60_000;

function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes(field);
}

/**
 * The next case reference of the office for this year. The office row is locked for the rest of the
 * transaction, so two intakes at once in the same office take turns and never draw the same number;
 * the unique index on Detention.reference is the backstop.
 */
async function nextReference(tx: Transaction, office: { id: string; name: string; region: string }, now: Date): Promise<string> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${office.id}::uuid FOR UPDATE`;
  const prefix = officePrefix(office);
  const year = now.getUTCFullYear();
  const series = formatReference(prefix, year, 0).slice(0, -4);
  // The highest number so far: longer numbers first (past 9999), then the text order.
  const [latest] = await tx.$queryRaw<{ reference: string }[]>`
    SELECT reference FROM "Detention" WHERE reference LIKE ${`${series}%`} ORDER BY length(reference) DESC, reference DESC LIMIT 1`;
  const sequence = latest ? (referenceSequence(latest.reference, prefix, year) ?? 0) : 0;
  return formatReference(prefix, year, sequence + 1);
}

/**
 * Intake: a new detention, for a person already known or a new person. A person is never duplicated:
 * a UCI that already exists is refused with a pointer to that person, and a person already detained
 * cannot be detained twice at once.
 */
export async function createDetention(
  actor: Actor,
  input: ({ kind: "existing" } & ExistingPersonIntake) | ({ kind: "new" } & NewPersonIntake),
  now = new Date(),
): Promise<IntakeResult> {
  if (!can(actor, "cases.create") || actor.organizationKind !== "CBSA_OFFICE") return { ok: false, reason: "NOT_FOUND" };
  const facility = await db().facility.findFirst({
    where: { id: input.facilityId, officeId: actor.organizationId },
    select: { id: true, timeZone: true, office: { select: { id: true, name: true, region: true } } },
  });
  if (!facility) return { ok: false, reason: "FACILITY_NOT_FOUND" };
  const detainedAt = wallClockToInstant(input.detainedOn, input.detainedAtTime, facility.timeZone);
  if (!detainedAt) return { ok: false, reason: "INVALID_TIME" };
  if (detainedAt.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) return { ok: false, reason: "FUTURE_TIME" };

  // IRPA s.57(1): a new detention starts its own review chain from its own detainedAt.
  const clock = computeReviewSchedule({ detainedAt, timeZone: facility.timeZone, schedule: input.schedule, reviews: [], now });

  try {
    return await db().$transaction(async (tx): Promise<IntakeResult> => {
      let detaineeId: string;
      if (input.kind === "existing") {
        const person = await tx.detainee.findFirst({ where: { id: input.detaineeId, ...detaineeSearchScope(actor, input.searchedClientId) }, select: { id: true } });
        if (!person) return { ok: false, reason: "NOT_FOUND" };
        // Lock the person: two intakes of the same person at once cannot both find them not detained.
        await tx.$queryRaw`SELECT id FROM "Detainee" WHERE id = ${person.id}::uuid FOR UPDATE`;
        const current = await tx.detention.findFirst({ where: { detaineeId: person.id, status: "DETAINED" }, select: { id: true, officeId: true } });
        if (current) return { ok: false, reason: "ALREADY_DETAINED", currentDetentionId: current.officeId === actor.organizationId ? current.id : null };
        detaineeId = person.id;
      } else {
        if (input.clientId) {
          const existing = await tx.detainee.findUnique({ where: { clientId: input.clientId }, select: { id: true } });
          if (existing) return { ok: false, reason: "CLIENT_ID_TAKEN", existingDetaineeId: existing.id };
        }
        const person = await tx.detainee.create({
          data: {
            givenName: input.givenName,
            familyName: input.familyName,
            dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
            gender: input.gender,
            languages: input.languages,
            interpreterNeeded: input.interpreterNeeded,
            interpreterLanguage: input.interpreterNeeded ? input.interpreterLanguage : null,
            citizenship: input.citizenship,
            clientId: input.clientId,
          },
          select: { id: true },
        });
        detaineeId = person.id;
      }
      const reference = await nextReference(tx, facility.office, now);
      const detention = await tx.detention.create({
        data: {
          reference,
          detaineeId,
          officeId: facility.office.id,
          facilityId: facility.id,
          detainedAt,
          grounds: input.grounds,
          schedule: input.schedule,
          assignedCloId: actor.role === "CLO" ? actor.userId : null,
          nextReviewKind: clock.next?.kind ?? null,
          nextReviewDueBy: clock.next?.dueBy ?? null,
          reviewNeedsCheck: clock.next?.needsCheck ?? false,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "detention.create",
        entityType: "Detention",
        entityId: detention.id,
        detentionId: detention.id,
        metadata: { reference, newPerson: input.kind === "new", schedule: input.schedule },
      });
      return { ok: true, detentionId: detention.id, reference };
    });
  } catch (error) {
    // Two intakes racing with the same UCI: the unique index decides; the loser is pointed to the winner.
    if (input.kind === "new" && input.clientId && isUniqueViolation(error, "clientId")) {
      const existing = await db().detainee.findUnique({ where: { clientId: input.clientId }, select: { id: true } });
      if (existing) return { ok: false, reason: "CLIENT_ID_TAKEN", existingDetaineeId: existing.id };
    }
    throw error;
  }
}

export type CaseChangeResult = { ok: true } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "CLO_NOT_FOUND" };

/** Bumps the detention's version if the actor may edit it and the version is the one they read. */
async function claimDetention(tx: Transaction, actor: Actor, detentionId: string, version: number, data: Record<string, unknown>): Promise<CaseChangeResult> {
  const { count } = await tx.detention.updateMany({ where: { AND: [detentionScope(actor), { id: detentionId, version }] }, data: { ...data, version: { increment: 1 } } });
  if (count > 0) return { ok: true };
  const visible = await tx.detention.count({ where: { AND: [detentionScope(actor), { id: detentionId }] } });
  return { ok: false, reason: visible ? "STALE_VERSION" : "NOT_FOUND" };
}

/** A supervisor assigns or reassigns the case to a CLO of the office. */
export async function assignDetention(actor: Actor, input: { detentionId: string; version: number; cloId: string }): Promise<CaseChangeResult> {
  if (!can(actor, "detentions.assign")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { officeId: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" } as const;
    const clo = await tx.user.findFirst({ where: { id: input.cloId, ...assignableCloScope(detention.officeId) }, select: { id: true } });
    if (!clo) return { ok: false, reason: "CLO_NOT_FOUND" } as const;
    const claimed = await claimDetention(tx, actor, input.detentionId, input.version, { assignedCloId: clo.id });
    if (!claimed.ok) return claimed;
    await recordAudit(tx, actor, { action: "detention.assign", entityType: "Detention", entityId: input.detentionId, detentionId: input.detentionId, metadata: { assignedCloId: clo.id } });
    return { ok: true } as const;
  });
}

/** "No current release prospect": lowers the case in the queue until the revisit date. */
export async function setNoProspect(actor: Actor, input: { detentionId: string; version: number; reason: string; revisitOn: string }): Promise<CaseChangeResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const claimed = await claimDetention(tx, actor, input.detentionId, input.version, { noProspectReason: input.reason, noProspectRevisitOn: new Date(`${input.revisitOn}T00:00:00Z`) });
    if (!claimed.ok) return claimed;
    await recordAudit(tx, actor, { action: "detention.noProspect.set", entityType: "Detention", entityId: input.detentionId, detentionId: input.detentionId, metadata: { revisitOn: input.revisitOn } });
    return { ok: true } as const;
  });
}

export async function clearNoProspect(actor: Actor, input: { detentionId: string; version: number }): Promise<CaseChangeResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const claimed = await claimDetention(tx, actor, input.detentionId, input.version, { noProspectReason: null, noProspectRevisitOn: null });
    if (!claimed.ok) return claimed;
    await recordAudit(tx, actor, { action: "detention.noProspect.clear", entityType: "Detention", entityId: input.detentionId, detentionId: input.detentionId });
    return { ok: true } as const;
  });
}
