import "server-only";
import { db, type Transaction } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import type { AuditEntry } from "@/lib/audit/mutations";
import { deliveryFor, isNotifyingAction, type EventParties, type NotifyingAction } from "@/lib/notifications/rules";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { teamReferral } from "@/lib/authz/team";
import { routeByPreferences } from "@/lib/notifications/preferences/mutations";
import { kickEmailDelivery } from "@/lib/jobs/kick";

/**
 * Notifications are written in the transaction of the change they report, from its audit event: nothing is told
 * that did not commit, and nothing committed goes untold (the audit event is the outbox). Each recipient is told
 * once per event (unique recipient and key), so a retried transaction cannot tell anyone twice.
 */

type Told = {
  parties: EventParties;
  path: string;
  reference: string | null;
  params?: InputJsonValue;
  /** Where a recipient is sent when it differs from `path` (a provider: to its own referral, without the reference). */
  perRecipient?: Map<string, { path: string; reference: string | null }>;
};

function actorSide(actor: Actor): EventParties["actorSide"] {
  if (actor.organizationKind === "CBSA_OFFICE") return "OFFICE";
  if (actor.role === "NGO_CASEWORKER") return "PROVIDER";
  if (actor.role === "COUNSEL") return "COUNSEL";
  return "OTHER";
}

/** Active users of an organisation with one of these roles. */
async function activeMembers(tx: Transaction, organizationId: string, roles: ("CLO" | "SUPERVISOR" | "NGO_CASEWORKER")[]): Promise<string[]> {
  const users = await tx.user.findMany({ where: { organizationId, role: { in: roles }, active: true }, select: { id: true } });
  return users.map((user) => user.id);
}

/** The id, when that user is active and still works in the office responsible for the case. */
async function officeMember(tx: Transaction, userId: string | null, officeId: string): Promise<string | null> {
  if (!userId) return null;
  const user = await tx.user.findFirst({ where: { id: userId, organizationId: officeId, role: { in: ["CLO", "SUPERVISOR"] }, active: true }, select: { id: true } });
  return user?.id ?? null;
}

async function referralEvent(tx: Transaction, actor: Actor, referralId: string, tellProvider: boolean): Promise<Told | null> {
  const referral = await tx.referral.findUnique({
    where: { id: referralId },
    select: {
      status: true,
      createdById: true,
      consent: { select: { withdrawnAt: true } },
      provider: { select: { organizationId: true } },
      detention: { select: { reference: true, officeId: true, assignedCloId: true } },
    },
  });
  if (!referral) return null;
  // The provider sees a referral once sent and while the consent is in force (lib/authz/referrals.ts).
  const providerMaySee = referral.status !== "DRAFT" && !referral.consent?.withdrawnAt;
  const parties: EventParties = {
    actorId: actor.userId,
    actorSide: actorSide(actor),
    providerCaseworkerIds: tellProvider && providerMaySee ? await activeMembers(tx, referral.provider.organizationId, ["NGO_CASEWORKER"]) : [],
    referralCreatorId: tellProvider ? null : await officeMember(tx, referral.createdById, referral.detention.officeId),
    assignedCloId: tellProvider ? null : await officeMember(tx, referral.detention.assignedCloId, referral.detention.officeId),
  };
  // A provider knows the person only through the packet: no case reference on their side.
  return { parties, path: `/referrals/${referralId}`, reference: tellProvider ? null : referral.detention.reference, params: { status: referral.status } };
}

async function caseEvent(tx: Transaction, actor: Actor, detentionId: string, path: string): Promise<{ officeId: string; reference: string; assignedCloId: string | null; told: Omit<Told, "parties"> } | null> {
  const detention = await tx.detention.findUnique({ where: { id: detentionId }, select: { reference: true, officeId: true, assignedCloId: true } });
  if (!detention) return null;
  return { ...detention, told: { path, reference: detention.reference } };
}

/** Referrals a provider is still working on: it is told when the person leaves detention or moves. */
const OPEN_REFERRAL_STATUSES = ["SENT", "UNDER_REVIEW", "ACCEPTED", "WAITLISTED"] as const;

/** A release, an end or a transfer: counsel of record (to their clients) and the caseworkers of providers with an open referral. */
async function lifecycleEvent(tx: Transaction, actor: Actor, detentionId: string): Promise<Told | null> {
  const detention = await tx.detention.findUnique({
    where: { id: detentionId },
    select: {
      reference: true,
      status: true,
      detainee: { select: { counsel: { select: { id: true, active: true } } } },
      referrals: {
        where: { status: { in: [...OPEN_REFERRAL_STATUSES] }, OR: [{ consentId: null }, { consent: { withdrawnAt: null } }] },
        orderBy: { sentAt: "desc" },
        select: { id: true, provider: { select: { organization: { select: { users: { where: { role: "NGO_CASEWORKER", active: true }, select: { id: true } } } } } } },
      },
    },
  });
  if (!detention) return null;
  const counselId = detention.detainee.counsel?.active ? detention.detainee.counsel.id : null;
  const perRecipient = new Map<string, { path: string; reference: string | null }>();
  for (const referral of detention.referrals) {
    for (const user of referral.provider.organization.users) if (!perRecipient.has(user.id)) perRecipient.set(user.id, { path: `/referrals/${referral.id}`, reference: null });
  }
  const endedAs = detention.status === "DETAINED" ? null : detention.status;
  return {
    parties: { actorId: actor.userId, actorSide: actorSide(actor), counselId, providerCaseworkerIds: [...perRecipient.keys()], endedAs },
    path: "/clients",
    reference: detention.reference,
    perRecipient,
  };
}

/**
 * A team message: told are the people in its audience who may read it now (lib/authz/team.ts): the office through
 * the case's CLO, counsel of record when counsel's organisation was named, and the caseworkers of each provider named
 * that still has a pending or accepted referral with consent in force, each sent to that referral.
 */
async function teamMessageEvent(tx: Transaction, actor: Actor, messageId: string): Promise<Told | null> {
  const message = await tx.caseMessage.findUnique({
    where: { id: messageId },
    select: {
      audience: { select: { organizationId: true } },
      detention: { select: { id: true, reference: true, officeId: true, assignedCloId: true, detainee: { select: { counsel: { select: { id: true, active: true, organizationId: true } } } } } },
    },
  });
  if (!message) return null;
  const { detention } = message;
  const named = new Set(message.audience.map((entry) => entry.organizationId));
  const counsel = detention.detainee.counsel;
  const counselId = counsel?.active && named.has(counsel.organizationId) ? counsel.id : null;
  const assignedCloId = await officeMember(tx, detention.assignedCloId, detention.officeId);
  const officeSupervisorIds = assignedCloId ? [] : await activeMembers(tx, detention.officeId, ["SUPERVISOR"]);
  const perRecipient = new Map<string, { path: string; reference: string | null }>();
  for (const organizationId of named) {
    const referral = await tx.referral.findFirst({ where: { AND: [teamReferral(organizationId), { detentionId: detention.id }] }, orderBy: { sentAt: "desc" }, select: { id: true } });
    if (!referral) continue;
    for (const id of await activeMembers(tx, organizationId, ["NGO_CASEWORKER"])) perRecipient.set(id, { path: `/referrals/${referral.id}#case-team`, reference: null });
  }
  return {
    parties: { actorId: actor.userId, actorSide: actorSide(actor), assignedCloId, officeSupervisorIds, counselId, providerCaseworkerIds: [...perRecipient.keys()] },
    path: `/cases/${detention.id}#case-team`,
    reference: detention.reference,
    perRecipient,
  };
}

/**
 * A complaint's event: its office's active supervisors, the filer, the handler and the officer it names, read in the
 * change's transaction. The notification carries the complaint's reference, never the case's or anyone's name.
 */
async function complaintEvent(tx: Transaction, actor: Actor, complaintId: string): Promise<Told | null> {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: { reference: true, officeId: true, handlerId: true, subjectId: true, filedBy: { select: { id: true, active: true } } },
  });
  if (!complaint) return null;
  return {
    parties: {
      actorId: actor.userId,
      actorSide: actorSide(actor),
      officeSupervisorIds: await activeMembers(tx, complaint.officeId, ["SUPERVISOR"]),
      complainantId: complaint.filedBy.active ? complaint.filedBy.id : null,
      complaintHandlerId: await officeMember(tx, complaint.handlerId, complaint.officeId),
      complaintSubjectId: complaint.subjectId,
    },
    path: `/complaints/${complaintId}`,
    reference: complaint.reference,
  };
}

async function partiesFor(tx: Transaction, actor: Actor, action: NotifyingAction, entry: AuditEntry): Promise<Told | null> {
  const base = { actorId: actor.userId, actorSide: actorSide(actor) };
  switch (action) {
    case "referral.send":
      return entry.entityId ? referralEvent(tx, actor, entry.entityId, true) : null;
    case "referral.answer":
      return entry.entityId ? referralEvent(tx, actor, entry.entityId, false) : null;
    case "referral.message":
      // The other side of the referral is told.
      return entry.entityId ? referralEvent(tx, actor, entry.entityId, base.actorSide === "OFFICE") : null;
    case "consent.withdraw": {
      if (!entry.entityId || !entry.detentionId) return null;
      const consent = await tx.consent.findUnique({ where: { id: entry.entityId }, select: { recipientOrgId: true } });
      if (!consent) return null;
      // Only an organisation that was sent a referral about this case knows the person at all.
      const referred = await tx.referral.count({ where: { detentionId: entry.detentionId, status: { not: "DRAFT" }, provider: { organizationId: consent.recipientOrgId } } });
      const caseworkers = referred > 0 ? await activeMembers(tx, consent.recipientOrgId, ["NGO_CASEWORKER"]) : [];
      return { parties: { ...base, providerCaseworkerIds: caseworkers }, path: "/referrals", reference: null };
    }
    case "plan.bondsperson.propose":
    case "plan.option.propose": {
      if (!entry.detentionId) return null;
      const found = await caseEvent(tx, actor, entry.detentionId, action === "plan.option.propose" ? `/cases/${entry.detentionId}#case-tasks` : `/cases/${entry.detentionId}/plan`);
      if (!found) return null;
      const assignedCloId = await officeMember(tx, found.assignedCloId, found.officeId);
      const officeSupervisorIds = assignedCloId ? [] : await activeMembers(tx, found.officeId, ["SUPERVISOR"]);
      return { parties: { ...base, assignedCloId, officeSupervisorIds }, ...found.told };
    }
    case "counsel.request": {
      // A request that matched no one carries no case: nobody is told (and counsel cannot tell the difference).
      if (!entry.detentionId) return null;
      const found = await caseEvent(tx, actor, entry.detentionId, `/cases/${entry.detentionId}#case-counsel`);
      if (!found) return null;
      const assignedCloId = await officeMember(tx, found.assignedCloId, found.officeId);
      const officeSupervisorIds = assignedCloId ? [] : await activeMembers(tx, found.officeId, ["SUPERVISOR"]);
      return { parties: { ...base, assignedCloId, officeSupervisorIds }, ...found.told };
    }
    case "detention.outcome.record":
    case "detention.transfer": {
      if (!entry.detentionId) return null;
      return lifecycleEvent(tx, actor, entry.detentionId);
    }
    case "detention.assign": {
      if (!entry.detentionId) return null;
      const found = await caseEvent(tx, actor, entry.detentionId, `/cases/${entry.detentionId}`);
      if (!found) return null;
      return { parties: { ...base, newlyAssignedCloId: await officeMember(tx, found.assignedCloId, found.officeId) }, ...found.told };
    }
    case "team.message":
      return entry.entityId ? teamMessageEvent(tx, actor, entry.entityId) : null;
    case "complaint.file":
    case "complaint.review":
    case "complaint.respond":
    case "complaint.share":
      return entry.entityId ? complaintEvent(tx, actor, entry.entityId) : null;
  }
}

/** Tells whoever an audit event concerns, in the event's transaction (called by recordAudit). */
export async function notifyFromAuditEvent(tx: Transaction, actor: Actor, entry: AuditEntry, auditEventId: bigint): Promise<number> {
  if (!isNotifyingAction(entry.action)) return 0;
  const told = await partiesFor(tx, actor, entry.action, entry);
  if (!told) return 0;
  const delivery = deliveryFor(entry.action, told.parties);
  if (!delivery) return 0;
  // Each recipient's preferences: off writes nothing; an e-mail is decided here, in the change's transaction.
  const data = await routeByPreferences(
    tx,
    delivery.recipients.map((recipientId) => ({
      recipientId,
      kind: delivery.kind,
      key: `audit:${auditEventId}`,
      auditEventId,
      detentionId: entry.detentionId ?? null,
      reference: told.reference,
      path: told.path,
      params: told.params,
      ...told.perRecipient?.get(recipientId),
    })),
    new Date(),
  );
  if (data.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data, skipDuplicates: true });
  if (data.some((row) => row.emailState === "PENDING")) kickEmailDelivery();
  return count;
}

export type NotificationChangeResult = { ok: true; count: number } | { ok: false; reason: "NOT_FOUND" };

/** Marks one of the actor's own notifications read (anyone else's is not found). */
export async function markNotificationRead(actor: Actor, input: { notificationId: string }, now = new Date()): Promise<NotificationChangeResult> {
  const notification = await db().notification.findFirst({ where: { id: input.notificationId, recipientId: actor.userId }, select: { id: true, readAt: true } });
  if (!notification) return { ok: false, reason: "NOT_FOUND" };
  if (notification.readAt) return { ok: true, count: 0 };
  const { count } = await db().notification.updateMany({ where: { id: notification.id, recipientId: actor.userId, readAt: null }, data: { readAt: now } });
  return { ok: true, count };
}

/** Marks every unread notification of the actor read. */
export async function markAllNotificationsRead(actor: Actor, _input: Record<string, never>, now = new Date()): Promise<NotificationChangeResult> {
  const { count } = await db().notification.updateMany({ where: { recipientId: actor.userId, readAt: null }, data: { readAt: now } });
  return { ok: true, count };
}

/** Deletes notifications older than the retention period, and the record of digests sent before it (run daily by the job runner). */
export async function deleteExpiredNotifications(before: Date): Promise<number> {
  const { count } = await db().notification.deleteMany({ where: { createdAt: { lt: before } } });
  await db().notificationDigest.deleteMany({ where: { claimedAt: { lt: before } } });
  return count;
}
