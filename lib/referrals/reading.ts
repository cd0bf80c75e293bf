import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { referralAccessScope, referralSide } from "@/lib/authz/referrals";
import { recordAudit } from "@/lib/audit/mutations";
import { isUuid } from "@/lib/referrals/schema";
import { unreadFor } from "@/lib/referrals/inbox-queries";

/**
 * What reading a referral records, kept apart from the read itself (lib/referrals/queries.ts getReferral never
 * writes). The referral page calls each of these by name after it has read the referral, so a reader of the page
 * sees every write it makes. None changes the referral: its status moves only through the transition table
 * (lib/referrals/rules.ts), by an explicit action (startReferralReview in lib/referrals/mutations.ts).
 */

/**
 * The provider's caseworker opened the packet: audited, as every read of case information is (docs/domain.md,
 * Audit; ids only, no personal data). The case team's own reads of a referral are not audited here: the case page
 * they come from audits the case file.
 */
export async function recordReferralOpened(actor: Actor, referralId: string): Promise<void> {
  if (!isUuid(referralId) || referralSide(actor) !== "PROVIDER") return;
  await db().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: referralId }] }, select: { id: true } });
    if (referral) await recordAudit(tx, actor, { action: "referral.open_packet", entityType: "Referral", entityId: referral.id });
  });
}

/**
 * Read receipts: the messages from the other side of the referral become read by this side, as opening a
 * conversation does in any mail program. Only on a referral the actor may see; returns how many were marked.
 */
export async function markReferralMessagesRead(actor: Actor, referralId: string, now = new Date()): Promise<number> {
  const side = referralSide(actor);
  if (!isUuid(referralId) || !side) return 0;
  const { count } = await db().referralMessage.updateMany({
    where: { AND: [unreadFor(side), { referral: referralAccessScope(actor) }, { referralId }] },
    data: { readAt: now },
  });
  return count;
}
