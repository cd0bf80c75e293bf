import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { policyAt, POLICY_KEYS, type Policy, type PolicyKey, type PolicyVersion } from "@/lib/policy/rules";

/**
 * Every version of every setting that was not withdrawn: a handful of rows, read once per request (React's cache)
 * by whichever rule needs the policy in force at some moment. Not scoped: the policy is the office's published
 * rulebook, and every rule that reads it runs for every role.
 */
export const loadPolicyVersions = cache(async (): Promise<PolicyVersion[]> => {
  const rows = await db().policyVersion.findMany({ where: { withdrawnAt: null }, select: { key: true, value: true, effectiveFrom: true }, orderBy: { effectiveFrom: "asc" } });
  return rows;
});

/** The policy in force at a moment. */
export async function policyInForce(at: Date): Promise<Policy> {
  return policyAt(await loadPolicyVersions(), at);
}

export type PolicyHistoryEntry = {
  id: string;
  key: PolicyKey;
  value: unknown;
  effectiveFrom: Date;
  reason: string;
  createdAt: Date;
  createdBy: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  /** In force now, scheduled for later, overtaken by a later version, or withdrawn before it took effect. */
  state: "IN_FORCE" | "SCHEDULED" | "SUPERSEDED" | "WITHDRAWN";
};

export type PolicyPage = { now: Date; current: Policy; history: PolicyHistoryEntry[]; mayManage: boolean };

/** The policy page: what is in force now, and every version with who set it and why (policy.view). */
export async function getPolicyPage(actor: Actor, now: Date = new Date()): Promise<PolicyPage | null> {
  if (!can(actor, "policy.view")) return null;
  const rows = await db().policyVersion.findMany({
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { id: true, key: true, value: true, effectiveFrom: true, reason: true, createdAt: true, withdrawnAt: true, createdBy: { select: { name: true } }, withdrawnBy: { select: { name: true } } },
  });
  const live = rows.filter((row) => !row.withdrawnAt);
  // The version in force for each setting: the latest live one already effective.
  const inForce = new Map<string, string>();
  for (const row of live) if (row.effectiveFrom.getTime() <= now.getTime() && !inForce.has(row.key)) inForce.set(row.key, row.id);
  const history = rows
    .filter((row): row is typeof row & { key: PolicyKey } => (POLICY_KEYS as string[]).includes(row.key))
    .map((row) => ({
      id: row.id,
      key: row.key,
      value: row.value,
      effectiveFrom: row.effectiveFrom,
      reason: row.reason,
      createdAt: row.createdAt,
      createdBy: row.createdBy.name,
      withdrawnAt: row.withdrawnAt,
      withdrawnBy: row.withdrawnBy?.name ?? null,
      state: row.withdrawnAt ? "WITHDRAWN" : row.effectiveFrom.getTime() > now.getTime() ? "SCHEDULED" : inForce.get(row.key) === row.id ? "IN_FORCE" : "SUPERSEDED",
    }) satisfies PolicyHistoryEntry);
  return { now, current: policyAt(live, now), history, mayManage: can(actor, "policy.manage") };
}
