import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import { TARGET_INDICATORS } from "@/lib/targets/rules";
import type { SetTargetsInput } from "@/lib/targets/schema";

export type SetTargetsResult = { ok: true; changed: number } | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" };

/**
 * Sets one office's targets for one period (policy.manage: administrators). Each indicator's target is created,
 * changed, or removed (blank), and each carries a version: a target another administrator changed since the form
 * was opened refuses the whole form (nothing is half-saved). A target created at the same moment by two people is
 * caught by the unique (office, indicator, period) and refused the same way.
 */
export async function setTargets(actor: Actor, input: SetTargetsInput): Promise<SetTargetsResult> {
  if (!can(actor, "policy.manage")) return { ok: false, reason: "NOT_FOUND" };
  try {
    return await db().$transaction(async (tx) => {
      const office = await tx.organization.findFirst({ where: { id: input.officeId, kind: "CBSA_OFFICE" }, select: { id: true } });
      if (!office) return { ok: false, reason: "NOT_FOUND" } as const;
      const existing = await tx.target.findMany({ where: { officeId: office.id, period: input.period }, select: { id: true, indicator: true, value: true, version: true } });
      const byIndicator = new Map(existing.map((target) => [target.indicator, target]));
      // Every version is checked before anything is written: a refusal leaves the period as it was.
      if (TARGET_INDICATORS.some((indicator) => (byIndicator.get(indicator)?.version ?? 0) !== input[`version_${indicator}`])) return { ok: false, reason: "STALE_VERSION" } as const;
      const changed: string[] = [];
      for (const indicator of TARGET_INDICATORS) {
        const value = input[`target_${indicator}`];
        const current = byIndicator.get(indicator);
        if (value === (current?.value ?? null)) continue;
        if (!current) {
          await tx.target.create({ data: { officeId: office.id, indicator, period: input.period, value: value!, updatedById: actor.userId } });
        } else {
          // Guarded by the version read above: a change in between throws, and the whole transaction rolls back.
          const written =
            value === null
              ? await tx.target.deleteMany({ where: { id: current.id, version: current.version } })
              : await tx.target.updateMany({ where: { id: current.id, version: current.version }, data: { value, version: { increment: 1 }, updatedById: actor.userId } });
          if (written.count !== 1) throw new StaleTarget();
        }
        changed.push(indicator);
      }
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: "target.set", entityType: "Organization", entityId: office.id, metadata: { period: input.period, indicators: changed } });
      }
      return { ok: true, changed: changed.length } as const;
    });
  } catch (error) {
    if (error instanceof StaleTarget) return { ok: false, reason: "STALE_VERSION" };
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") return { ok: false, reason: "STALE_VERSION" };
    throw error;
  }
}

class StaleTarget extends Error {}
