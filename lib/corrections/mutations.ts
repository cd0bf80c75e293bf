import "server-only";
import { db, type Transaction } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { detaineeSearchScope } from "@/lib/authz/cases";
import { recordAudit } from "@/lib/audit/mutations";
import { recomputeReviewClock } from "@/lib/reviews/mutations";
import { instantToDateTimeLocal, wallClockToInstant } from "@/lib/time/facility-clock";
import {
  DETENTION_FIELDS,
  PERSON_FIELDS,
  detentionTimeRefusal,
  detentionValues,
  diffFields,
  facilityRefusal,
  mergeRefusal,
  mergedClientId,
  personValues,
  recomputesClock,
  type DetentionField,
  type FieldValue,
  type MergeCandidate,
} from "@/lib/corrections/rules";
import type { CorrectDetentionInput, CorrectPersonInput, MergePeopleInput } from "@/lib/corrections/schema";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type CorrectionResult =
  | { ok: true; fields: string[] }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "NO_CHANGE" | "CLIENT_ID_TAKEN" | "FACILITY_NOT_FOUND" | "HAS_TRANSFERS" | "INVALID_TIME" | "FUTURE_TIME" | "AFTER_RELEASE" | "AFTER_FIRST_REVIEW" };

export type MergeResult =
  | { ok: true; keptId: string; detentionsMoved: number }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" | "SAME_PERSON" | "ALREADY_MERGED" | "BOTH_DETAINED" | "UCI_CONFLICT" | "COUNSEL_CONFLICT" };

/** Thrown inside a transaction to roll it back and report an expected refusal. */
class Refusal<Result> extends Error {
  constructor(readonly result: Result) {
    super("refused");
  }
}

async function run<Result>(work: (tx: Transaction) => Promise<Result>): Promise<Result> {
  try {
    return await db().$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result as Result;
    throw error;
  }
}

function isUniqueViolation(error: unknown, field: string): boolean {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "P2002") return false;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes(field);
}

const PERSON_SELECT = {
  id: true,
  givenName: true,
  familyName: true,
  dateOfBirth: true,
  gender: true,
  languages: true,
  interpreterNeeded: true,
  interpreterLanguage: true,
  citizenship: true,
  clientId: true,
} as const;

/**
 * Corrects the person's details, from one of their detentions: a CLO or supervisor of the office responsible for that
 * detention (detentionScope + cases.edit; counsel of record and everyone else: "not found"). Versioned on the person
 * (two writers with the same version: the first wins, the second is refused and writes nothing), one transaction, a
 * Correction row with the values before and after and the reason, and an audit event naming the fields only.
 */
export async function correctPerson(actor: Actor, input: CorrectPersonInput): Promise<CorrectionResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  try {
    return await run(async (tx): Promise<CorrectionResult> => {
      const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, detaineeId: true } });
      if (!detention) return { ok: false, reason: "NOT_FOUND" };
      // The claim: the person's version moves only if it is still the one the form was rendered from. The row stays
      // locked until the end of the transaction, so a second writer waits, then finds the version changed.
      const { count } = await tx.detainee.updateMany({ where: { id: detention.detaineeId, version: input.detaineeVersion, mergedIntoId: null }, data: { version: { increment: 1 } } });
      if (count === 0) return { ok: false, reason: "STALE_VERSION" };
      const stored = await tx.detainee.findUniqueOrThrow({ where: { id: detention.detaineeId }, select: PERSON_SELECT });
      const diff = diffFields(PERSON_FIELDS, personValues(stored), personValues(input));
      if (!diff.ok) throw new Refusal<CorrectionResult>({ ok: false, reason: "NO_CHANGE" });
      const after = diff.after;
      if (diff.fields.includes("clientId") && input.clientId) {
        const taken = await tx.detainee.findFirst({ where: { clientId: input.clientId, id: { not: stored.id } }, select: { id: true } });
        if (taken) throw new Refusal<CorrectionResult>({ ok: false, reason: "CLIENT_ID_TAKEN" });
      }
      const values = personValues(input);
      await tx.detainee.update({
        where: { id: stored.id },
        data: {
          givenName: values.givenName as string,
          familyName: values.familyName as string,
          dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
          gender: input.gender,
          languages: input.languages,
          interpreterNeeded: input.interpreterNeeded,
          interpreterLanguage: values.interpreterLanguage as string | null,
          citizenship: input.citizenship,
          clientId: input.clientId,
        },
      });
      const version = input.detaineeVersion + 1;
      await tx.correction.create({
        data: {
          subject: "PERSON",
          detaineeId: stored.id,
          // The case it was corrected from: context for the history, not its scope (the person's history is read by person).
          detentionId: detention.id,
          version,
          fields: diff.fields,
          before: diff.before as InputJsonValue,
          after: after as InputJsonValue,
          reason: input.reason,
          changedById: actor.userId,
        },
      });
      // Field names only: the values are personal data and stay in the Correction row.
      await recordAudit(tx, actor, { action: "person.correct", entityType: "Detainee", entityId: stored.id, detentionId: detention.id, metadata: { fields: diff.fields, version } });
      return { ok: true, fields: diff.fields };
    });
  } catch (error) {
    // Two corrections racing to the same UCI: the unique index decides.
    if (isUniqueViolation(error, "clientId")) return { ok: false, reason: "CLIENT_ID_TAKEN" };
    throw error;
  }
}

/**
 * Corrects the detention's details: the time of detention (on the facility's clock), the facility entered at intake
 * (one of the office's; a move is a transfer, not a correction, so it is refused once a transfer is recorded), the
 * grounds and the review schedule. The review clock is recomputed in the same transaction when the time, the facility
 * (its zone) or the schedule changes; the assessment deadline is computed from the same facts when the case is read.
 */
export async function correctDetention(actor: Actor, input: CorrectDetentionInput, now = new Date()): Promise<CorrectionResult> {
  if (!can(actor, "cases.edit")) return { ok: false, reason: "NOT_FOUND" };
  return run(async (tx): Promise<CorrectionResult> => {
    const scoped = { AND: [detentionScope(actor), { id: input.detentionId }] };
    const { count } = await tx.detention.updateMany({ where: { AND: [scoped, { version: input.version }] }, data: { version: { increment: 1 } } });
    if (count === 0) return { ok: false, reason: (await tx.detention.count({ where: scoped })) ? "STALE_VERSION" : "NOT_FOUND" };
    const stored = await tx.detention.findUniqueOrThrow({
      where: { id: input.detentionId },
      select: {
        id: true,
        officeId: true,
        detainedAt: true,
        releasedAt: true,
        grounds: true,
        schedule: true,
        facility: { select: { id: true, name: true, timeZone: true } },
        reviews: { where: { startedOn: { not: null }, outcome: { not: null } }, orderBy: { startedOn: "asc" }, take: 1, select: { startedOn: true } },
        _count: { select: { transfers: true } },
      },
    });
    const storedLocal = instantToDateTimeLocal(stored.detainedAt, stored.facility.timeZone);
    const diff = diffFields(
      DETENTION_FIELDS,
      detentionValues({ detainedAtLocal: storedLocal, facilityId: stored.facility.id, grounds: stored.grounds, schedule: stored.schedule }),
      detentionValues({ detainedAtLocal: `${input.detainedOn}T${input.detainedAtTime}`, facilityId: input.facilityId, grounds: input.grounds, schedule: input.schedule }),
    );
    if (!diff.ok) throw new Refusal<CorrectionResult>({ ok: false, reason: "NO_CHANGE" });
    const changed = new Set<DetentionField>(diff.fields);

    let facility = stored.facility;
    if (changed.has("facility")) {
      const candidate = await tx.facility.findUnique({ where: { id: input.facilityId }, select: { id: true, name: true, timeZone: true, officeId: true } });
      const refused = facilityRefusal(candidate, { officeId: stored.officeId, transfers: stored._count.transfers });
      if (refused) throw new Refusal<CorrectionResult>({ ok: false, reason: refused });
      facility = candidate!;
    }
    let detainedAt = stored.detainedAt;
    if (changed.has("detainedAt")) {
      // The corrected time is read on the clock of the facility where the person was held (as corrected).
      const instant = wallClockToInstant(input.detainedOn, input.detainedAtTime, facility.timeZone);
      if (!instant) throw new Refusal<CorrectionResult>({ ok: false, reason: "INVALID_TIME" });
      const refused = detentionTimeRefusal(instant, { now, releasedAt: stored.releasedAt, firstReviewStartedOn: stored.reviews[0]?.startedOn ?? null });
      if (refused) throw new Refusal<CorrectionResult>({ ok: false, reason: refused });
      detainedAt = instant;
    }
    await tx.detention.update({ where: { id: stored.id }, data: { detainedAt, facilityId: facility.id, grounds: input.grounds, schedule: input.schedule } });

    // What the history shows: the time as an instant (shown in the facility's zone), the facility by name.
    const shown = (field: DetentionField, side: "before" | "after"): FieldValue => {
      if (field === "detainedAt") return (side === "before" ? stored.detainedAt : detainedAt).toISOString();
      if (field === "facility") return side === "before" ? stored.facility.name : facility.name;
      return (side === "before" ? diff.before[field] : diff.after[field]) ?? null;
    };
    const before = Object.fromEntries(diff.fields.map((field) => [field, shown(field, "before")]));
    const after = Object.fromEntries(diff.fields.map((field) => [field, shown(field, "after")]));
    const clockRecomputed = recomputesClock(diff.fields);
    if (clockRecomputed) await recomputeReviewClock(tx, stored.id, now);
    const version = input.version + 1;
    await tx.correction.create({
      data: { subject: "DETENTION", detentionId: stored.id, version, fields: diff.fields, before: before as InputJsonValue, after: after as InputJsonValue, reason: input.reason, changedById: actor.userId },
    });
    await recordAudit(tx, actor, { action: "detention.correct", entityType: "Detention", entityId: stored.id, detentionId: stored.id, metadata: { fields: diff.fields, version, clockRecomputed } });
    return { ok: true, fields: diff.fields };
  });
}

/**
 * Merges a person recorded twice (SUPERVISOR only, people.merge): the duplicate's detentions, consents and counsel of
 * record rows move to the kept record; the duplicate is kept, marked merged (mergedIntoId, mergedAt), and no search or
 * list shows it again. Nothing is deleted. Both records are versioned (the versions the confirmation page showed), both
 * rows locked for the transaction, and the rules of lib/corrections/rules.ts mergeRefusal decide what is refused.
 */
export async function mergePeople(actor: Actor, input: MergePeopleInput, now = new Date()): Promise<MergeResult> {
  if (!can(actor, "people.merge") || actor.organizationKind !== "CBSA_OFFICE") return { ok: false, reason: "NOT_FOUND" };
  return run(async (tx): Promise<MergeResult> => {
    // Both rows locked, in id order (two merges of the same pair cannot deadlock).
    const ids = [input.keptId, input.duplicateId].sort();
    await tx.$queryRaw`SELECT id FROM "Detainee" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    const visible = new Set((await tx.detainee.findMany({ where: { AND: [detaineeSearchScope(actor), { id: { in: ids } }] }, select: { id: true } })).map((row) => row.id));
    const load = async (id: string): Promise<(MergeCandidate & { version: number; counselId: string | null }) | null> => {
      const row = await tx.detainee.findUnique({
        where: { id },
        select: {
          id: true,
          mergedIntoId: true,
          clientId: true,
          counselId: true,
          version: true,
          _count: { select: { detentions: { where: { status: "DETAINED" } }, counselRecords: { where: { status: "ACTIVE" } } } },
        },
      });
      if (!row) return null;
      return { id: row.id, mergedIntoId: row.mergedIntoId, visible: visible.has(row.id), detained: row._count.detentions > 0, clientId: row.clientId, activeCounsel: row._count.counselRecords, version: row.version, counselId: row.counselId };
    };
    const [kept, duplicate] = [await load(input.keptId), await load(input.duplicateId)];
    // A record already merged is out of every scope, so it reads as "not found" unless the supervisor still sees it.
    const refused = mergeRefusal(kept, duplicate);
    if (refused) return { ok: false, reason: refused };
    if (kept!.version !== input.keptVersion || duplicate!.version !== input.duplicateVersion) return { ok: false, reason: "STALE_VERSION" };

    const moved = await tx.detention.findMany({ where: { detaineeId: duplicate!.id }, select: { id: true } });
    await tx.detention.updateMany({ where: { detaineeId: duplicate!.id }, data: { detaineeId: kept!.id } });
    const consents = await tx.consent.updateMany({ where: { detaineeId: duplicate!.id }, data: { detaineeId: kept!.id } });
    const counselRecords = await tx.counselOfRecord.updateMany({ where: { detaineeId: duplicate!.id }, data: { detaineeId: kept!.id } });
    // Records merged into the duplicate before now point at the kept record: a merged record always names a live one.
    await tx.detainee.updateMany({ where: { mergedIntoId: duplicate!.id }, data: { mergedIntoId: kept!.id } });

    const clientId = mergedClientId(kept!, duplicate!);
    const clientIdMoved = clientId !== kept!.clientId;
    // The duplicate gives up its UCI (unique) before the kept record takes it; its counsel of record moved with its rows.
    await tx.detainee.updateMany({
      where: { id: duplicate!.id, version: input.duplicateVersion },
      data: { mergedIntoId: kept!.id, mergedAt: now, clientId: null, counselId: null, version: { increment: 1 } },
    });
    await tx.detainee.updateMany({
      where: { id: kept!.id, version: input.keptVersion },
      data: { clientId, counselId: kept!.counselId ?? duplicate!.counselId, version: { increment: 1 } },
    });
    if (clientIdMoved) {
      // The kept record's UCI changed: its history says so, like any correction.
      await tx.correction.create({
        data: { subject: "PERSON", detaineeId: kept!.id, version: input.keptVersion + 1, fields: ["clientId"], before: { clientId: kept!.clientId }, after: { clientId }, reason: input.reason, changedById: actor.userId },
      });
    }
    await recordAudit(tx, actor, {
      action: "person.merge",
      entityType: "Detainee",
      entityId: kept!.id,
      metadata: {
        keptId: kept!.id,
        duplicateId: duplicate!.id,
        detentionIds: moved.map((detention) => detention.id),
        consentsMoved: consents.count,
        counselRecordsMoved: counselRecords.count,
        clientIdMoved,
      },
    });
    return { ok: true, keptId: kept!.id, detentionsMoved: moved.length };
  });
}
