import { can, detentionScope, type Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import type { DocumentWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who may read a document on a case (docs/domain.md, Documents). The one rule for the case page, the referral page,
 * the download route and the hearing bundle's index:
 * - CLOs and supervisors of the office responsible for the case, and the person's counsel of record (detentionScope):
 *   their own organisation's documents, and those shared with the case team. So counsel's documents reach CBSA only
 *   when counsel shares them, and the office's reach counsel only when the office does.
 * - A provider's caseworkers: only CASE_TEAM documents that name their organisation, on a case with a referral sent
 *   to them that they may see (sent, consent in force), and only while the person's consent to their organisation is
 *   in force and covers the release plan (documents are the plan's evidence). The consent is in the where clause, so
 *   withdrawing it hides the documents at the next query.
 * - Admins read no case content.
 */
export function documentReadScope(actor: Actor): DocumentWhereInput {
  switch (actor.role) {
    case "CLO":
    case "SUPERVISOR":
    case "COUNSEL":
      return { AND: [{ detention: detentionScope(actor) }, { OR: [{ authorOrgId: actor.organizationId }, { sharing: "CASE_TEAM" }] }] };
    case "NGO_CASEWORKER":
      return {
        AND: [
          { sharing: "CASE_TEAM", shares: { some: { organizationId: actor.organizationId } } },
          {
            detention: {
              referrals: { some: referralAccessScope(actor) },
              detainee: { consents: { some: providerConsentInForce(actor.organizationId) } },
            },
          },
        ],
      };
    case "ADMIN":
      return { id: { in: [] } };
  }
}

/** The consent a document may be shared with a provider under: to that organisation, in force, covering the release plan. */
export function providerConsentInForce(organizationId: string) {
  return { recipientOrgId: organizationId, withdrawnAt: null, fields: { has: "RELEASE_PLAN" as const } };
}

/**
 * Who may add a document to a case: the case team (CLOs and supervisors of the office, counsel of record). Which case
 * is decided by detentionScope where the case is loaded.
 */
export function mayUploadDocuments(actor: Pick<Actor, "role">): boolean {
  return can(actor, "plans.edit") || can(actor, "bondsperson.propose");
}

/**
 * Who may share a document with a provider: the CBSA office, which recorded the consent and sent the referral.
 * Counsel does not see the case's referrals, so offering them the providers would reveal them.
 */
export function mayShareWithProviders(actor: Pick<Actor, "role">): boolean {
  return can(actor, "referrals.compose");
}

/** Documents the actor may remove: those of their own organisation, on a case they may open. */
export function documentRemoveScope(actor: Actor): DocumentWhereInput {
  if (!mayUploadDocuments(actor)) return { id: { in: [] } };
  return { AND: [{ detention: detentionScope(actor) }, { authorOrgId: actor.organizationId }] };
}
