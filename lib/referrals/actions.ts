"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { answerReferralSchema, referralMessageSchema, sendReferralSchema, withdrawReferralSchema } from "@/lib/referrals/schema";
import { answerReferral, postReferralMessage, sendReferral, startReferralReview, withdrawReferral, type ReferralMutationResult } from "@/lib/referrals/mutations";

const REFUSAL_KEYS: Record<Exclude<ReferralMutationResult, { ok: true }>["reason"], string> = {
  NOT_FOUND: "notFound",
  STALE_VERSION: "staleVersion",
  INVALID_TRANSITION: "invalidTransition",
  CONSENT_NOT_IN_FORCE: "consentNotInForce",
  FIELDS_OUTSIDE_CONSENT: "fieldsOutsideConsent",
  PACKET_CHANGED: "packetChanged",
  MESSAGES_CLOSED: "messagesClosed",
};

/** A referral's own refusals in words (the consent, the packet, the transition table); the shared ones as usual. */
async function refused(refusal: Exclude<ReferralMutationResult, { ok: true }>): Promise<ActionResult | null> {
  if (refusal.reason === "NOT_FOUND" || refusal.reason === "STALE_VERSION") return null;
  const t = await getTranslations("referrals.errors");
  return { ok: false, error: t(REFUSAL_KEYS[refusal.reason]) };
}

export const sendReferralAction = serverAction({
  input: sendReferralSchema,
  run: sendReferral,
  refused,
  succeeded: (result, input) => {
    revalidatePath(`/cases/${input.detentionId}`, "layout");
    revalidatePath("/referrals");
    redirect(`/referrals/${result.referralId}`);
  },
});

export const answerReferralAction = serverAction({
  input: answerReferralSchema,
  run: answerReferral,
  refused,
  succeeded: () => done([["/referrals", "layout"]], "referrals", "answered"),
});

/** "Start review": the caseworker moves a sent referral to under review (the referral and the version seen). */
export const startReferralReviewAction = serverAction({
  // The same input as a withdrawal: the referral and the version the caseworker saw.
  input: withdrawReferralSchema,
  run: startReferralReview,
  refused,
  succeeded: () => done([["/referrals", "layout"]], "referrals", "reviewStarted"),
});

export const withdrawReferralAction = serverAction({
  input: withdrawReferralSchema,
  run: withdrawReferral,
  refused,
  succeeded: () => done([["/referrals", "layout"], ["/cases", "layout"]], "referrals", "withdrawnMessage"),
});

export const postReferralMessageAction = serverAction({
  input: referralMessageSchema,
  run: postReferralMessage,
  refused,
  succeeded: (_result, input) => done([`/referrals/${input.referralId}`], "referrals", "messageSent"),
});
