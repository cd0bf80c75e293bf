import { can, type Actor } from "@/lib/authz";
import type { ComplaintWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who sees a complaint (docs/domain.md, "Complaints"). Least privilege:
 * - its filer, and no one else of the filer's organisation (a complaint is the filer's to follow, as counsel's work is
 *   counsel's own);
 * - the supervisors of the office it was made to, who handle it;
 * - never the officer it names (`subjectId`), in any list, count, report or notification, unless a supervisor shares
 *   a written summary with them, and then only that summary (`sharedWithSubjectScope`);
 * - no administrator: a complaint is case content, and admins see none (the audit log shows them its events, ids only).
 */

const NONE: ComplaintWhereInput = { id: { in: [] } };

/** Not about the actor. Written with an explicit null arm: `subjectId: { not: x }` alone would drop rows with no subject. */
function notAbout(actor: Actor): ComplaintWhereInput {
  return { OR: [{ subjectId: null }, { subjectId: { not: actor.userId } }] };
}

/** Complaints the actor handles: a supervisor's office's, never one naming the supervisor. */
export function complaintHandlingScope(actor: Actor): ComplaintWhereInput {
  if (!can(actor, "complaints.handle") || actor.organizationKind !== "CBSA_OFFICE") return NONE;
  return { AND: [{ officeId: actor.organizationId }, notAbout(actor)] };
}

/** Complaints the actor filed (or recorded for a detained person), never one naming the actor. */
export function complaintFiledScope(actor: Actor): ComplaintWhereInput {
  if (!can(actor, "complaints.file")) return NONE;
  return { AND: [{ filedById: actor.userId }, notAbout(actor)] };
}

/** Every complaint the actor may open in full: filed or handled. */
export function complaintReadScope(actor: Actor): ComplaintWhereInput {
  return { OR: [complaintFiledScope(actor), complaintHandlingScope(actor)] };
}

/** Complaints about the actor whose summary a supervisor shared with them: only the summary is ever read. */
export function sharedWithSubjectScope(actor: Actor): ComplaintWhereInput {
  if (actor.organizationKind !== "CBSA_OFFICE") return NONE;
  return { subjectId: actor.userId, subjectSharedAt: { not: null }, subjectSummary: { not: null } };
}
