import { can, detentionScope, referralScope, type Actor } from "@/lib/authz";
import type { ConsentWhereInput, ReferralWhereInput } from "@/lib/generated/prisma/models";
import type { ReferralSide } from "@/lib/referrals/rules";

/**
 * Relationship rules for referrals and consent, on top of referralScope (lib/authz/index.ts):
 * a provider's caseworkers see a referral only while the consent behind it is in force; withdrawal takes
 * effect at the next query because the consent is part of every where clause below.
 */

const NO_REFERRAL: ReferralWhereInput = { id: { in: [] } };

/** A consent that has not been withdrawn. */
export const CONSENT_IN_FORCE: ReferralWhereInput = { consent: { is: { withdrawnAt: null } } };

/**
 * Referrals whose next review date the recipient organisation may know: the consent in force shares review dates
 * with it and the packet sent carries them. Only these may be ordered by that date in the provider's inbox; for
 * the others even the order must not hint at how urgent the person's detention review is.
 */
export const REVIEW_DATES_SHARED: ReferralWhereInput = { packetFields: { has: "REVIEW_DATES" }, consent: { is: { fields: { has: "REVIEW_DATES" } } } };

/** Which side of a referral the actor is on. */
export function referralSide(actor: Pick<Actor, "role">): ReferralSide | null {
  if (can(actor, "referrals.inbox")) return "PROVIDER";
  if (can(actor, "referrals.compose")) return "CLO";
  return null;
}

/**
 * Referrals whose packet, messages and status the actor may see.
 * Provider caseworkers: sent to their organisation, consent in force. CLOs and supervisors: their office's.
 */
export function referralAccessScope(actor: Actor): ReferralWhereInput {
  switch (referralSide(actor)) {
    case "PROVIDER":
      return { AND: [referralScope(actor), CONSENT_IN_FORCE, { outside: false }] };
    case "CLO":
      return referralScope(actor);
    default:
      return NO_REFERRAL;
  }
}

/**
 * Referrals counsel of record see for their client: every one sent (never the office's drafts), as provider, status
 * and dates only. The packet, the messages and a decline's reason and details stay between the office and the
 * provider: they are what the provider was told and answered within the person's consent to that organisation, and a
 * decline for "risk profile" would carry a view of risk drawn from a packet counsel never see (docs/domain.md).
 */
export function counselReferralScope(actor: Actor): ReferralWhereInput {
  if (actor.role !== "COUNSEL") return NO_REFERRAL;
  return { detention: { detainee: { counselId: actor.userId } }, status: { not: "DRAFT" } };
}

/** "My referrals": a CLO's own; a supervisor's whole office. */
export function myReferralsScope(actor: Actor): ReferralWhereInput {
  if (actor.role === "SUPERVISOR") return referralScope(actor);
  if (actor.role === "CLO") return { AND: [referralScope(actor), { createdById: actor.userId }] };
  return NO_REFERRAL;
}

/** Consents the actor may see and withdraw: those of people whose detention the actor may open as a case. */
export function consentScope(actor: Actor): ConsentWhereInput {
  if (!can(actor, "consent.record")) return { id: { in: [] } };
  return { detainee: { detentions: { some: detentionScope(actor) } } };
}
