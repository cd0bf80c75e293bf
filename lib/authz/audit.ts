import { can, type Actor } from "@/lib/authz";
import type { AuditEventWhereInput } from "@/lib/generated/prisma/models";

/**
 * Events whose actor is counsel, or anyone at a legal organisation: when and on which clients opposing counsel work
 * is privileged (solicitor-client privilege), so it is no part of the other party's audit trail.
 */
const COUNSEL_ACTIVITY: AuditEventWhereInput = { actor: { OR: [{ role: "COUNSEL" }, { organization: { kind: "LEGAL" } }] } };

/**
 * A complaint's events: shown to an office only on the complaint itself (lib/complaints/queries.ts, to its handlers),
 * never in the office's audit log, where the officer a complaint names, or a supervisor colleague of theirs browsing
 * by person, could learn that it exists. Admins see them as any event (ids and action names only).
 */
const COMPLAINT_EVENTS: AuditEventWhereInput = { action: { startsWith: "complaint." } };

/**
 * Which audit events the actor may browse. Admins: all, as the designated auditor (events hold ids and action names,
 * no case content). Supervisors: events by people of their office, and events on their office's detentions, except
 * counsel's: a CBSA audit view never shows counsel's activity or sessions. Counsel have no audit view.
 */
export function auditScope(actor: Actor): AuditEventWhereInput {
  if (!can(actor, "audit.view")) return { id: { in: [] } };
  if (actor.role === "ADMIN") return {};
  return {
    OR: [{ actor: { organizationId: actor.organizationId } }, { detentionId: { not: null }, detention: { officeId: actor.organizationId } }],
    NOT: [COUNSEL_ACTIVITY, COMPLAINT_EVENTS],
  };
}
