import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { AuditAction } from "@/lib/audit/events";

/**
 * Who is told what (docs/domain.md, "Notifications"). Pure: the caller (lib/notifications/mutations.ts) reads the
 * people related to the record in the change's own transaction and passes them here; these functions only decide.
 *
 * A notification holds no personal data: its kind, a case reference (never given to a provider, who knows the
 * person only through the packet), status values and a link. The page it links to applies the reader's access again.
 */

/** The people related to the record an event is about, as read in the event's transaction. */
export type EventParties = {
  /** Who made the change: never told about their own change. */
  actorId: string;
  /** The side the actor is on, for events either side of a referral can cause. */
  actorSide: "OFFICE" | "PROVIDER" | "COUNSEL" | "OTHER";
  /** The case's assigned CLO, when assigned and active. */
  assignedCloId?: string | null;
  /** The CLO who created the referral, when still active in the office. */
  referralCreatorId?: string | null;
  /** Active caseworkers of the provider organisation that may see the referral. */
  providerCaseworkerIds?: readonly string[];
  /** Active supervisors of the office responsible for the case. */
  officeSupervisorIds?: readonly string[];
  /** The CLO a case was just assigned to. */
  newlyAssignedCloId?: string | null;
  /** Counsel of record with an account, when active. */
  counselId?: string | null;
  /** How a detention ended (the status the outcome gave it), for the outcome's event. */
  endedAs?: "RELEASED" | "REMOVED" | "TRANSFERRED_OUT" | "ENDED" | null;
  /** A complaint's filer, when active. */
  complainantId?: string | null;
  /** The supervisor a complaint was just given to. */
  complaintHandlerId?: string | null;
  /** The officer a complaint names: told only of a summary shared with them, and left out of every other complaint event. */
  complaintSubjectId?: string | null;
};

export type Delivery = { kind: NotificationKind; recipients: string[] };

/** The audit actions that tell someone something. Every other action is recorded and tells no one. */
export const NOTIFYING_ACTIONS = [
  "referral.send",
  "referral.answer",
  "referral.message",
  "consent.withdraw",
  "plan.bondsperson.propose",
  "plan.option.propose",
  "counsel.request",
  "detention.assign",
  "detention.outcome.record",
  "detention.transfer",
  "team.message",
  "complaint.file",
  "complaint.review",
  "complaint.respond",
  "complaint.share",
] as const satisfies readonly AuditAction[];
export type NotifyingAction = (typeof NOTIFYING_ACTIONS)[number];

export function isNotifyingAction(action: AuditAction): action is NotifyingAction {
  return (NOTIFYING_ACTIONS as readonly string[]).includes(action);
}

/** Distinct ids, the actor and empty values left out: nobody is told of their own change, nobody twice. */
export function recipientsOf(actorId: string, ...groups: (readonly (string | null | undefined)[])[]): string[] {
  const ids = new Set<string>();
  for (const group of groups) for (const id of group) if (id && id !== actorId) ids.add(id);
  return [...ids].sort();
}

/** The office side of a referral: the CLO who sent it and the case's assigned CLO. */
function officeSide(parties: EventParties): (string | null | undefined)[] {
  return [parties.referralCreatorId, parties.assignedCloId];
}

/** What an event tells, and to whom; null when it tells no one. */
export function deliveryFor(action: NotifyingAction, parties: EventParties): Delivery | null {
  const delivery = (kind: NotificationKind, ...groups: (readonly (string | null | undefined)[])[]): Delivery | null => {
    const recipients = recipientsOf(parties.actorId, ...groups);
    return recipients.length > 0 ? { kind, recipients } : null;
  };
  switch (action) {
    case "referral.send":
      return delivery("REFERRAL_RECEIVED", parties.providerCaseworkerIds ?? []);
    case "referral.answer":
      return delivery("REFERRAL_ANSWERED", officeSide(parties));
    case "referral.message":
      // A message tells the other side of the referral.
      if (parties.actorSide === "PROVIDER") return delivery("REFERRAL_MESSAGE", officeSide(parties));
      if (parties.actorSide === "OFFICE") return delivery("REFERRAL_MESSAGE", parties.providerCaseworkerIds ?? []);
      return null;
    case "consent.withdraw":
      // The provider is told that consent was withdrawn, never why (the reason is not recorded on their side).
      return delivery("CONSENT_WITHDRAWN", parties.providerCaseworkerIds ?? []);
    case "plan.bondsperson.propose":
      // Counsel's proposal goes to the case's CLO; an unassigned case's proposal to the office's supervisors.
      return parties.assignedCloId ? delivery("BONDSPERSON_PROPOSED", [parties.assignedCloId]) : delivery("BONDSPERSON_PROPOSED", parties.officeSupervisorIds ?? []);
    case "plan.option.propose":
      // Counsel's option is a task for the case's CLO; on an unassigned case the office's supervisors, who assign it.
      return parties.assignedCloId ? delivery("OPTION_PROPOSED", [parties.assignedCloId]) : delivery("OPTION_PROPOSED", parties.officeSupervisorIds ?? []);
    case "counsel.request":
      // Only a request that matched a person reaches anyone (the caller passes no parties otherwise): the case's CLO,
      // or for an unassigned case the office's supervisors, who confirm or decline it.
      return parties.assignedCloId ? delivery("COUNSEL_REQUESTED", [parties.assignedCloId]) : delivery("COUNSEL_REQUESTED", parties.officeSupervisorIds ?? []);
    case "detention.outcome.record": {
      // Counsel of record and the providers with a referral still open are told the person left detention, not why.
      if (!parties.endedAs) return null;
      return delivery(parties.endedAs === "RELEASED" ? "PERSON_RELEASED" : "PERSON_REMOVED", [parties.counselId], parties.providerCaseworkerIds ?? []);
    }
    case "detention.transfer":
      return delivery("PERSON_TRANSFERRED", [parties.counselId], parties.providerCaseworkerIds ?? []);
    case "detention.assign":
      return delivery("CASE_ASSIGNED", [parties.newlyAssignedCloId]);
    case "team.message":
      // The message's audience (lib/team): the office, always, through its case's CLO (unassigned: its supervisors);
      // counsel of record and the providers' caseworkers only when named in it and still on the case's team. The caller
      // passes only those; a provider is sent to its own referral, without the case reference.
      return delivery(
        "TEAM_MESSAGE",
        parties.assignedCloId ? [parties.assignedCloId] : (parties.officeSupervisorIds ?? []),
        [parties.counselId],
        parties.providerCaseworkerIds ?? [],
      );
    case "complaint.file":
      // The office's supervisors triage it; the officer it names is never told (recipientsOf drops nobody, so the
      // subject is taken out here too, should a supervisor ever be named).
      return delivery("COMPLAINT_FILED", (parties.officeSupervisorIds ?? []).filter((id) => id !== parties.complaintSubjectId));
    case "complaint.review":
      return parties.complaintHandlerId && parties.complaintHandlerId !== parties.complaintSubjectId ? delivery("COMPLAINT_ASSIGNED", [parties.complaintHandlerId]) : null;
    case "complaint.respond":
      return delivery("COMPLAINT_RESPONDED", [parties.complainantId]);
    case "complaint.share":
      return delivery("COMPLAINT_SHARED", [parties.complaintSubjectId]);
  }
}

/** How long notifications are kept. */
export const NOTIFICATION_RETENTION_DAYS = 90;
