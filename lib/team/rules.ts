import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

/**
 * The case team's thread (docs/domain.md, "The case team's thread"): who may address whom. Pure: the caller reads
 * the facts (counsel of record, the providers on the case within consent) in the write's own transaction.
 *
 * The office responsible for the case is in every message's audience: it holds the case, and a message it could not
 * read would be a private channel between counsel and a provider about a detained person, which this thread is not
 * (counsel's privileged work stays in notes). Beyond the office:
 * - the office (a CLO or supervisor) may add counsel of record and any provider on the case within consent;
 * - counsel may add providers on the case within consent (whom counsel tells is counsel's choice);
 * - a provider may add counsel of record only once counsel has written to that provider in the thread: the person's
 *   consent is to share with the provider, not to introduce the provider to their lawyer, so counsel opens that
 *   channel. A provider never addresses another provider (it must not learn who else is working with the person).
 */

export type TeamSide = "OFFICE" | "COUNSEL" | "PROVIDER";

/** Which side of the case team a user writes from; null for a role that is on no case team (admins). */
export function teamSide(actor: { role: Role; organizationKind: OrganizationKind }): TeamSide | null {
  switch (actor.role) {
    case "CLO":
    case "SUPERVISOR":
      return actor.organizationKind === "CBSA_OFFICE" ? "OFFICE" : null;
    case "COUNSEL":
      return actor.organizationKind === "LEGAL" ? "COUNSEL" : null;
    case "NGO_CASEWORKER":
      return "PROVIDER";
    case "ADMIN":
      return null;
  }
}

/** What the thread knows when someone writes. */
export type AudienceFacts = {
  /** The organisation of counsel of record with a Liaison account; null when none (or an outside lawyer). */
  counselOrgId: string | null;
  /** Provider organisations with a sent, pending or accepted referral on the case and the person's consent in force. */
  providerOrgIds: readonly string[];
  /** For a provider author: counsel of record has written to the provider's organisation in this thread. */
  counselWroteToAuthor: boolean;
};

/** The audiences beyond the office an author may choose. */
export type AllowedAudience = { counsel: boolean; providerOrgIds: string[] };

export function allowedAudience(side: TeamSide, authorOrgId: string, facts: AudienceFacts): AllowedAudience {
  const providers = facts.providerOrgIds.filter((id) => id !== authorOrgId);
  switch (side) {
    case "OFFICE":
      return { counsel: facts.counselOrgId !== null, providerOrgIds: [...providers] };
    case "COUNSEL":
      // Counsel's own organisation reads its own messages as their author.
      return { counsel: false, providerOrgIds: [...providers] };
    case "PROVIDER":
      return { counsel: facts.counselOrgId !== null && facts.counselWroteToAuthor, providerOrgIds: [] };
  }
}

export type AudienceCheck = { ok: true; organizationIds: string[] } | { ok: false; reason: "COUNSEL_NOT_ALLOWED" | "PROVIDER_NOT_ALLOWED" };

/**
 * The organisations to store as a message's audience, or why the choice is refused: a choice outside what the
 * author may choose is refused whole (nothing is written), never silently narrowed.
 */
export function checkAudience(requested: { counsel: boolean; providerOrgIds: readonly string[] }, allowed: AllowedAudience, counselOrgId: string | null): AudienceCheck {
  if (requested.counsel && (!allowed.counsel || !counselOrgId)) return { ok: false, reason: "COUNSEL_NOT_ALLOWED" };
  const providers = [...new Set(requested.providerOrgIds)];
  if (providers.some((id) => !allowed.providerOrgIds.includes(id))) return { ok: false, reason: "PROVIDER_NOT_ALLOWED" };
  const organizationIds = new Set(providers);
  if (requested.counsel && counselOrgId) organizationIds.add(counselOrgId);
  return { ok: true, organizationIds: [...organizationIds].sort() };
}

/** What a reader is shown in a message's "Visible to" line. */
export type ShownAudience = { office: boolean; counsel: boolean; organizationIds: string[] };

/**
 * "Visible to", as this reader may be told it. The office and counsel read every organisation named. A provider is
 * told of the office, counsel (as a role) and its own organisation, never of another provider: that another
 * program is working with the person is not the provider's to know (it can reveal a health or housing need).
 */
export function audienceShownTo(viewerSide: TeamSide, viewerOrgId: string, audience: readonly { organizationId: string; kind: OrganizationKind }[]): ShownAudience {
  const counsel = audience.some((entry) => entry.kind === "LEGAL");
  if (viewerSide !== "PROVIDER") return { office: true, counsel, organizationIds: audience.map((entry) => entry.organizationId) };
  return { office: true, counsel, organizationIds: audience.filter((entry) => entry.organizationId === viewerOrgId).map((entry) => entry.organizationId) };
}
