import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { OutreachContactInput, UpdateOutreachContactInput } from "@/lib/outreach/schema";

export type OutreachMutationResult = { ok: true; id: string } | { ok: false; reason: "NOT_FOUND" | "PROVIDER_NOT_FOUND" | "STALE_VERSION" | "NO_NEXT_STEP" };

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
      data: {
        officeId,
        cloId: actor.userId,
        providerId: input.providerId ?? null,
        organizationName: organizationName!,
        contactedOn: calendarDate(input.contactedOn),
        topic: input.topic,
        outcome: input.outcome,
        nextStep: input.nextStep,
        nextStepDueOn: input.nextStepDueOn ? calendarDate(input.nextStepDueOn) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "outreach.create", entityType: "OutreachContact", entityId: contact.id });
    return { ok: true, id: contact.id } as const;
  });
}

/**
 * Corrects or completes a contact of the actor's office (any of its CLOs and supervisors: the log is the office's),
 * at the version the form was built from. A changed next step is open again; the same one keeps its state.
 */
export async function updateOutreachContact(actor: Actor, input: UpdateOutreachContactInput): Promise<OutreachMutationResult> {
  const officeId = officeOf(actor);
  if (!officeId) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const contact = await tx.outreachContact.findFirst({ where: { id: input.contactId, officeId }, select: { id: true, version: true, nextStep: true, nextStepDueOn: true, nextStepDoneAt: true } });
    if (!contact) return { ok: false, reason: "NOT_FOUND" } as const;
    if (contact.version !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    let organizationName = input.organizationName;
    if (input.providerId) {
      const provider = await tx.serviceProvider.findUnique({ where: { id: input.providerId }, select: { organization: { select: { name: true } } } });
      if (!provider) return { ok: false, reason: "PROVIDER_NOT_FOUND" } as const;
      organizationName ??= provider.organization.name;
    }
    const nextStepDueOn = input.nextStepDueOn ? calendarDate(input.nextStepDueOn) : null;
    const sameStep = contact.nextStep === input.nextStep && (contact.nextStepDueOn?.getTime() ?? null) === (nextStepDueOn?.getTime() ?? null);
    const updated = await tx.outreachContact.updateMany({
      where: { id: contact.id, version: contact.version },
      data: {
        providerId: input.providerId ?? null,
        organizationName: organizationName!,
        contactedOn: calendarDate(input.contactedOn),
        topic: input.topic,
        outcome: input.outcome,
        nextStep: input.nextStep,
        nextStepDueOn,
        nextStepDoneAt: sameStep ? contact.nextStepDoneAt : null,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, { action: "outreach.update", entityType: "OutreachContact", entityId: contact.id });
    return { ok: true, id: contact.id } as const;
  });
}

/** Marks a contact's next step done (its office's CLOs and supervisors), at the version read. */
export async function markFollowUpDone(actor: Actor, input: { contactId: string; version: number }, now: Date = new Date()): Promise<OutreachMutationResult> {
  const officeId = officeOf(actor);
  if (!officeId) return { ok: false, reason: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const contact = await tx.outreachContact.findFirst({ where: { id: input.contactId, officeId }, select: { id: true, version: true, nextStep: true, nextStepDoneAt: true } });
    if (!contact) return { ok: false, reason: "NOT_FOUND" } as const;
    if (contact.version !== input.version) return { ok: false, reason: "STALE_VERSION" } as const;
    if (!contact.nextStep || contact.nextStepDoneAt) return { ok: false, reason: "NO_NEXT_STEP" } as const;
    const updated = await tx.outreachContact.updateMany({ where: { id: contact.id, version: contact.version }, data: { nextStepDoneAt: now, version: { increment: 1 } } });
    if (updated.count !== 1) return { ok: false, reason: "STALE_VERSION" } as const;
    await recordAudit(tx, actor, { action: "outreach.followUp", entityType: "OutreachContact", entityId: contact.id });
    return { ok: true, id: contact.id } as const;
  });
}
