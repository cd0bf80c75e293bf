import { can, type Actor } from "@/lib/authz";

/**
 * Who records how a detention ended, and who may set a recorded outcome aside. Which detentions is detentionScope's
 * (the office's own); these add the role. Recording is the case team's work (cases.edit: CLOs and supervisors of the
 * office). Correcting or undoing an outcome reverses a change the whole office and the reports rely on, so it is a
 * supervisor's, with a reason.
 */
export function mayRecordOutcome(actor: Pick<Actor, "role" | "organizationKind">): boolean {
  return can(actor, "cases.edit") && actor.organizationKind === "CBSA_OFFICE";
}

export function maySupersedeOutcome(actor: Pick<Actor, "role" | "organizationKind">): boolean {
  return mayRecordOutcome(actor) && actor.role === "SUPERVISOR";
}
