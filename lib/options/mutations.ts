import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { officeCaseworkerScope } from "@/lib/authz/cases";
import { recordAudit } from "@/lib/audit/mutations";
import type { ProposeOptionInput } from "@/lib/options/schema";

export type ProposeOptionResult = { ok: true; taskId: string } | { ok: false; reason: "NOT_FOUND" | "PROVIDER_NOT_FOUND" | "TOO_MANY_OPEN" };

/** How many of counsel's proposals may wait on one case at once: enough for real work, not a flood of tasks. */
export const MAX_OPEN_PROPOSALS = 10;

/**
 * Task titles and descriptions are stored text, read by the office in either language; like the Minister's disclosure
 * task (lib/reviews/mutations.ts), the words around counsel's own are fixed English.
 */
const TITLE = "Counsel proposed an option";

/**
 * Counsel of record propose an option for their client's plan: it becomes an open task on the case for the assigned
 * CLO (unassigned when the case is, for the office to pick up), and its audit event tells that CLO (or the office's
 * supervisors) through lib/notifications, in the same transaction. Gate: options.propose (counsel) and detentionScope
 * (their clients only); anyone else, or another counsel's client, is "not found".
 */
export async function proposeOption(actor: Actor, input: ProposeOptionInput): Promise<ProposeOptionResult> {
  if (!can(actor, "options.propose")) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx): Promise<ProposeOptionResult> => {
    const detention = await tx.detention.findFirst({ where: { AND: [detentionScope(actor), { id: input.detentionId }] }, select: { id: true, officeId: true, assignedCloId: true } });
    if (!detention) return { ok: false, reason: "NOT_FOUND" };
    const waiting = await tx.task.count({ where: { detentionId: detention.id, createdById: actor.userId, status: { in: ["OPEN", "IN_PROGRESS"] } } });
    if (waiting >= MAX_OPEN_PROPOSALS) return { ok: false, reason: "TOO_MANY_OPEN" };

    let option: string;
    if (input.source === "DIRECTORY") {
      const provider = await tx.serviceProvider.findFirst({ where: { id: input.providerId, organization: { active: true } }, select: { organization: { select: { name: true } } } });
      if (!provider) return { ok: false, reason: "PROVIDER_NOT_FOUND" };
      option = `Provider in the directory: ${provider.organization.name}`;
    } else {
      option = `Program outside the directory: ${input.programName}\nContact: ${input.contact}`;
    }
    // The task goes to the assigned CLO only while they still work the office's cases.
    const owner = detention.assignedCloId ? await tx.user.findFirst({ where: { id: detention.assignedCloId, ...officeCaseworkerScope(detention.officeId) }, select: { id: true } }) : null;
    const task = await tx.task.create({
      data: {
        detentionId: detention.id,
        category: "OTHER",
        title: TITLE,
        description: `${option}\nWhy: ${input.why}\nProposed by ${actor.name} (${actor.organizationName}), counsel of record.`,
        ownerId: owner?.id ?? null,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "plan.option.propose",
      entityType: "Task",
      entityId: task.id,
      detentionId: detention.id,
      metadata: input.source === "DIRECTORY" ? { source: input.source, providerId: input.providerId } : { source: input.source },
    });
    return { ok: true, taskId: task.id };
  });
}
