import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { effectiveDateProblem } from "@/lib/policy/rules";
import { POLICY_TIME_ZONE, type SchedulePolicyInput } from "@/lib/policy/schema";
import { localToday, wallClockToInstant } from "@/lib/time/facility-clock";

export type PolicyMutationResult = { ok: true; versionId: string } | { ok: false; reason: "NOT_FOUND" | "IN_THE_PAST" | "BEFORE_SCHEDULED" };

/**
 * Schedules a new version of one setting (policy.manage: administrators). It takes effect at the start of its day
 * in Eastern time, or at once when the day is today; never earlier (a change is not retroactive), and never before
 * a version of the same setting already scheduled (the history reads in order). The versions of a setting are
 * serialised by a transaction-scoped advisory lock on the setting, so two administrators cannot interleave them.
 */
export async function schedulePolicyVersion(actor: Actor, input: SchedulePolicyInput, now: Date = new Date()): Promise<PolicyMutationResult> {
  if (!can(actor, "policy.manage")) return { ok: false, reason: "NOT_FOUND" };
  const today = localToday(POLICY_TIME_ZONE, now);
  const effectiveFrom = input.effectiveOn === today ? now : wallClockToInstant(input.effectiveOn, "00:00", POLICY_TIME_ZONE);
  if (!effectiveFrom) return { ok: false, reason: "IN_THE_PAST" };
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`policy:${input.key}`}))`;
    const later = await tx.policyVersion.findFirst({
      where: { key: input.key, withdrawnAt: null, effectiveFrom: { gt: now } },
      orderBy: { effectiveFrom: "desc" },
      select: { effectiveFrom: true },
    });
    const problem = effectiveDateProblem(effectiveFrom, now, later?.effectiveFrom ?? null);
    if (problem) return { ok: false, reason: problem } as const;
    const version = await tx.policyVersion.create({
      data: { key: input.key, value: input.value as never, effectiveFrom, reason: input.reason, createdById: actor.userId },
      select: { id: true },
    });
    // The setting's name and the effective date: the value and the reason are on the version itself.
    await recordAudit(tx, actor, { action: "policy.schedule", entityType: "PolicyVersion", entityId: version.id, metadata: { key: input.key, effectiveFrom: effectiveFrom.toISOString() } });
    return { ok: true, versionId: version.id } as const;
  });
}

/** Withdraws a version that has not taken effect yet (policy.manage). One in force stays: schedule another instead. */
export async function withdrawPolicyVersion(actor: Actor, input: { versionId: string }, now: Date = new Date()): Promise<PolicyMutationResult> {
  if (!can(actor, "policy.manage")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const withdrawn = await tx.policyVersion.updateMany({
      where: { id: input.versionId, withdrawnAt: null, effectiveFrom: { gt: now } },
      data: { withdrawnAt: now, withdrawnById: actor.userId },
    });
    if (withdrawn.count !== 1) return { ok: false, reason: "NOT_FOUND" } as const;
    await recordAudit(tx, actor, { action: "policy.withdraw", entityType: "PolicyVersion", entityId: input.versionId });
    return { ok: true, versionId: input.versionId } as const;
  });
}
