"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { referralSide } from "@/lib/authz/referrals";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { answerReferralSchema, referralMessageSchema, sendReferralSchema, withdrawReferralSchema } from "@/lib/referrals/schema";
import { answerReferral, postReferralMessage, sendReferral, startReferralReview, withdrawReferral, type ReferralMutationResult } from "@/lib/referrals/mutations";

const FAILURE_KEYS: Record<Exclude<ReferralMutationResult, { ok: true }>["reason"], string> = {
  NOT_FOUND: "notFound",
  STALE_VERSION: "staleVersion",
  INVALID_TRANSITION: "invalidTransition",
  CONSENT_NOT_IN_FORCE: "consentNotInForce",
  FIELDS_OUTSIDE_CONSENT: "fieldsOutsideConsent",
  PACKET_CHANGED: "packetChanged",
  MESSAGES_CLOSED: "messagesClosed",
};

async function refused(result: Exclude<ReferralMutationResult, { ok: true }>): Promise<ActionResult> {
  if (result.reason === "NOT_FOUND" || result.reason === "STALE_VERSION") return failure(FAILURE_KEYS[result.reason]);
  const t = await getTranslations("referrals.errors");
  return { ok: false, error: t(FAILURE_KEYS[result.reason]) };
}

export async function sendReferralAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "referrals.compose")) return failure("notFound");
  const parsed = sendReferralSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await sendReferral(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath(`/cases/${parsed.data.detentionId}`, "layout");
  revalidatePath("/referrals");
  redirect(`/referrals/${result.referralId}`);
}

export async function answerReferralAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || referralSide(actor) !== "PROVIDER") return failure("notFound");
  const parsed = answerReferralSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await answerReferral(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath("/referrals", "layout");
  const t = await getTranslations("referrals");
  return { ok: true, message: t("answered") };
}

/** "Start review": the caseworker moves a sent referral to under review (input: the referral and the version seen). */
export async function startReferralReviewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || referralSide(actor) !== "PROVIDER") return failure("notFound");
  // The same input as a withdrawal: the referral and the version the caseworker saw.
  const parsed = withdrawReferralSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await startReferralReview(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath("/referrals", "layout");
  const t = await getTranslations("referrals");
  return { ok: true, message: t("reviewStarted") };
}

export async function withdrawReferralAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || referralSide(actor) !== "CLO") return failure("notFound");
  const parsed = withdrawReferralSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await withdrawReferral(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath("/referrals", "layout");
  revalidatePath("/cases", "layout");
  const t = await getTranslations("referrals");
  return { ok: true, message: t("withdrawnMessage") };
}

export async function postReferralMessageAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !referralSide(actor)) return failure("notFound");
  const parsed = referralMessageSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await postReferralMessage(actor, parsed.data);
  if (!result.ok) return refused(result);
  revalidatePath(`/referrals/${parsed.data.referralId}`);
  const t = await getTranslations("referrals");
  return { ok: true, message: t("messageSent") };
}
