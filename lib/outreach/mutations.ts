import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { OutreachContactInput } from "@/lib/outreach/schema";

export type OutreachMutationResult = { ok: true; id: string } | { ok: false; reason: "NOT_FOUND" | "PROVIDER_NOT_FOUND" };

function officeOf(actor: Actor): string | null {
  return can(actor, "outreach.manage") && actor.organizationKind === "CBSA_OFFICE" ? actor.organizationId : null;
}

/** Contacted-on is a calendar date (stored at midnight UTC, like every date without a time). */
const calendarDate = (value: string) => new Date(`${value}T00:00:00Z`);

export async function createOutreachContact(actor: Actor, input: OutreachContactInput): Promise<OutreachMutationResult> {
  const officeId = officeOf(actor);
  if (!officeId) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    let organizationName = input.organizationName;
    if (input.providerId) {
      const provider = await tx.serviceProvider.findUnique({ where: { id: input.providerId }, select: { organization: { select: { name: true } } } });
      if (!provider) return { ok: false, reason: "PROVIDER_NOT_FOUND" } as const;
      organizationName ??= provider.organization.name;
    }
    const contact = await tx.outreachContact.create({
      data: { officeId, cloId: actor.userId, providerId: input.providerId ?? null, organizationName: organizationName!, contactedOn: calendarDate(input.contactedOn), topic: input.topic, outcome: input.outcome },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "outreach.create", entityType: "OutreachContact", entityId: contact.id });
    return { ok: true, id: contact.id } as const;
  });
}
