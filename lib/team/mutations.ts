import "server-only";
import { db, type Transaction } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import { teamCaseScope } from "@/lib/authz/team";
import { recordAudit } from "@/lib/audit/mutations";
import { allowedAudience, checkAudience, teamSide } from "@/lib/team/rules";
import { readAudienceFacts } from "@/lib/team/queries";
import type { PostTeamMessageInput } from "@/lib/team/schema";

export type TeamMessageResult =
  | { ok: true; messageId: string; detentionId: string; referralId: string | null; duplicate: boolean }
  | { ok: false; reason: "NOT_FOUND" | "COUNSEL_NOT_ALLOWED" | "PROVIDER_NOT_ALLOWED" };

/** The case a write names: directly (office, counsel) or through the author's referral (a provider). Null when not on its team. */
async function teamCase(tx: Transaction, actor: Actor, input: Pick<PostTeamMessageInput, "detentionId" | "referralId">): Promise<{ detentionId: string; referralId: string | null } | null> {
  let detentionId = input.detentionId ?? null;
  let referralId: string | null = null;
  if (input.referralId) {
    const referral = await tx.referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: input.referralId }] }, select: { id: true, detentionId: true } });
    if (!referral) return null;
    detentionId = referral.detentionId;
    referralId = referral.id;
  }
  if (!detentionId) return null;
  const detention = await tx.detention.findFirst({ where: { AND: [teamCaseScope(actor), { id: detentionId }] }, select: { id: true } });
  return detention ? { detentionId: detention.id, referralId } : null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Posts a message to a case team's thread, for the audience the author chose within what they may choose
 * (lib/team/rules.ts). The audit event is the notification's source: the audience is told in the same transaction.
 * The same form sent twice (the same token) finds the first message and writes nothing.
 */
export async function postTeamMessage(actor: Actor, input: PostTeamMessageInput): Promise<TeamMessageResult> {
  const side = teamSide(actor);
  if (!side) return { ok: false, reason: "NOT_FOUND" };
  const write = () =>
    db().$transaction(async (tx): Promise<TeamMessageResult> => {
      const found = await teamCase(tx, actor, input);
      if (!found) return { ok: false, reason: "NOT_FOUND" };
      const earlier = await tx.caseMessage.findUnique({ where: { authorId_clientToken: { authorId: actor.userId, clientToken: input.token } }, select: { id: true, detentionId: true } });
      if (earlier) return earlier.detentionId === found.detentionId ? { ok: true, messageId: earlier.id, ...found, duplicate: true } : { ok: false, reason: "NOT_FOUND" };
      const facts = await readAudienceFacts(tx, found.detentionId, actor.organizationId, side);
      const audience = checkAudience({ counsel: input.counsel, providerOrgIds: input.providers }, allowedAudience(side, actor.organizationId, facts), facts.counselOrgId);
      if (!audience.ok) return audience;
      const message = await tx.caseMessage.create({
        data: {
          detentionId: found.detentionId,
          authorId: actor.userId,
          authorOrgId: actor.organizationId,
          body: input.body,
          clientToken: input.token,
          audience: { create: audience.organizationIds.map((organizationId) => ({ organizationId })) },
        },
        select: { id: true },
      });
      // Ids and counts only: the audience's organisation ids are not personal data, the body is never in the event.
      await recordAudit(tx, actor, {
        action: "team.message",
        entityType: "CaseMessage",
        entityId: message.id,
        detentionId: found.detentionId,
        metadata: { counsel: input.counsel, providers: audience.organizationIds.length - (input.counsel ? 1 : 0) },
      });
      return { ok: true, messageId: message.id, ...found, duplicate: false };
    });
  try {
    return await write();
  } catch (error) {
    // Two submissions of one form at the same instant: the second lost the race on (author, token); it finds the first.
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}
