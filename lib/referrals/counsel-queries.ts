import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { counselReferralScope } from "@/lib/authz/referrals";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

/** A referral as counsel of record see it: which provider, where it stands, when it was sent and answered. Nothing else. */
export type CounselReferral = { id: string; providerName: string; status: ReferralStatus; sentAt: Date | null; respondedAt: Date | null };

/**
 * The referrals of a case for its counsel of record (counselReferralScope), newest first; null for anyone else (the
 * office reads its own list, lib/referrals/inbox-queries.ts). The select is the whole of what counsel learn: no
 * packet, messages, consent or decline reason is loaded.
 */
export async function listCounselReferrals(actor: Actor, detentionId: string): Promise<CounselReferral[] | null> {
  if (actor.role !== "COUNSEL") return null;
  const rows = await db().referral.findMany({
    where: { AND: [counselReferralScope(actor), { detentionId }] },
    orderBy: [{ sentAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: { id: true, status: true, sentAt: true, respondedAt: true, provider: { select: { organization: { select: { name: true } } } } },
  });
  return rows.map(({ provider, ...referral }) => ({ ...referral, providerName: provider.organization.name }));
}

/** The directory as counsel choose from it when proposing an option: every provider, by name (providers.view). */
export async function listOptionProviders(actor: Actor): Promise<{ id: string; name: string }[] | null> {
  if (actor.role !== "COUNSEL") return null;
  const rows = await db().serviceProvider.findMany({ where: { organization: { active: true } }, orderBy: { organization: { name: "asc" } }, select: { id: true, organization: { select: { name: true } } } });
  return rows.map((row) => ({ id: row.id, name: row.organization.name }));
}
