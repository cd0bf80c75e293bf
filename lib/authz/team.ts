import { detentionScope, type Actor } from "@/lib/authz";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import type { CaseMessageWhereInput, DetentionWhereInput, ReferralWhereInput } from "@/lib/generated/prisma/models";
import { teamSide } from "@/lib/team/rules";

/**
 * Who is on a case's team, and which team messages each may read (docs/domain.md, "The case team's thread").
 * Both are where clauses, so a message a reader may not see is never loaded and access ends at the next query:
 * counsel no longer of record, a referral declined or withdrawn, a consent withdrawn.
 */

/** A referral that keeps its provider on the case team: sent and not declined or withdrawn (pending or accepted). */
export const TEAM_REFERRAL_STATUSES = ["SENT", "UNDER_REVIEW", "WAITLISTED", "ACCEPTED", "INTAKE_COMPLETE"] as const satisfies readonly ReferralStatus[];

/** The referrals that put a provider organisation on a case's team: pending or accepted, the person's consent to that organisation in force. */
export function teamReferral(providerOrgId: string): ReferralWhereInput {
  return {
    status: { in: [...TEAM_REFERRAL_STATUSES] },
    // An outside program has no users and reads nothing in Liaison: its referral puts no one on the team.
    outside: false,
    provider: { organizationId: providerOrgId },
    consent: { is: { withdrawnAt: null, recipientOrgId: providerOrgId } },
  };
}

const NO_DETENTION: DetentionWhereInput = { id: { in: [] } };

/**
 * Cases whose team thread the actor may read and write to: the office's CLOs and supervisors (detentionScope),
 * counsel of record (detentionScope: the person's current counsel), and a provider's caseworkers while their
 * organisation has a team referral on the case.
 */
export function teamCaseScope(actor: Actor): DetentionWhereInput {
  switch (teamSide(actor)) {
    case "OFFICE":
    case "COUNSEL":
      return detentionScope(actor);
    case "PROVIDER":
      return { referrals: { some: teamReferral(actor.organizationId) } };
    default:
      return NO_DETENTION;
  }
}

/**
 * Team messages the actor may read: on a case of their team (above), and written for them. The office responsible
 * for the case is in every audience; anyone else reads a message their organisation wrote or was named in.
 */
export function teamMessageReadScope(actor: Actor): CaseMessageWhereInput {
  const side = teamSide(actor);
  if (!side) return { id: { in: [] } };
  const onTheTeam: CaseMessageWhereInput = { detention: teamCaseScope(actor) };
  if (side === "OFFICE") return onTheTeam;
  return {
    AND: [onTheTeam, { OR: [{ authorOrgId: actor.organizationId }, { audience: { some: { organizationId: actor.organizationId } } }] }],
  };
}
