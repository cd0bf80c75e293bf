import { can, type Actor } from "@/lib/authz";

/**
 * Who may read and change the ATD assessment and the release plan (docs/domain.md, People).
 * - CLOs and supervisors of the office responsible for the detention: read and edit both.
 * - Counsel of record: read the assessment without the CLO's risk opinion, read the plan, and propose
 *   bondspersons; never confirm one, never change anything else.
 * - Everyone else: nothing (their detention scope is empty, so records come back "not found").
 */

/** How much of the assessment the actor may read: all of it, all but the risk opinion, or none. */
export type AssessmentAudience = "CASE_TEAM" | "COUNSEL" | null;

export function assessmentAudience(actor: Actor): AssessmentAudience {
  if (can(actor, "cases.edit")) return "CASE_TEAM";
  // The risk opinion is the CLO's own view for CBSA (it is withheld from providers too unless the person
  // consents): counsel of record read the facts of the assessment, not CBSA's internal opinion of risk.
  if (actor.role === "COUNSEL") return "COUNSEL";
  return null;
}

export function canEditAssessment(actor: Actor): boolean {
  return can(actor, "cases.edit");
}

export function canEditPlan(actor: Actor): boolean {
  return can(actor, "plans.edit");
}

export function canReadPlan(actor: Actor): boolean {
  return can(actor, "plans.edit") || actor.role === "COUNSEL";
}

export function canProposeBondsperson(actor: Actor): boolean {
  return can(actor, "bondsperson.propose");
}

/** Only the case team vets and confirms a guarantor (IRPR s.47); a proposal by counsel stays unconfirmed. */
export function canConfirmBondsperson(actor: Actor): boolean {
  return can(actor, "plans.edit");
}

/**
 * Who may generate the hearing bundle (lib/bundle): whoever may read the plan. The office's CLOs and supervisors put
 * the plan to the Division; counsel of record represent the person at that hearing and may file the plan as their own
 * evidence. The bundle holds nothing counsel cannot already read (the plan, each ground's concern, the vetting, which
 * programs accepted), so letting counsel print it reveals nothing new. Providers and admins see no case file.
 */
export function mayGenerateBundle(actor: Actor): boolean {
  return canReadPlan(actor);
}
