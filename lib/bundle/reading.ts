import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";

/**
 * Generating a hearing bundle is a read of the case file that leaves the application: audited (ids, the plan version
 * and the language; no personal data), and only once the bundle exists, so a refused or failed generation records
 * nothing. One INSERT, atomic on its own.
 */
export async function recordBundleGenerated(actor: Actor, detentionId: string, facts: { planVersion: number; language: string }): Promise<void> {
  await recordAudit(db(), actor, { action: "plan.bundle", entityType: "Detention", entityId: detentionId, detentionId, metadata: facts });
}
