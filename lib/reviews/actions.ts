"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { failure, fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { mayRecordReviews } from "@/lib/authz/reviews";
import { editReviewSchema, recordReviewSchema, scheduleHearingSchema } from "@/lib/reviews/schema";
import { editReview, recordReview, scheduleHearing, type ReviewMutationResult } from "@/lib/reviews/mutations";

async function outcome(result: ReviewMutationResult, detentionId: string, successKey: string): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "FIELD") return fieldErrors([{ field: result.field, key: result.key }], "reviewValidation");
    if (result.reason === "NO_NEXT_REVIEW") {
      const t = await getTranslations("reviewsSection");
      return { ok: false, error: t("noNextReviewToAct") };
    }
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  }
  revalidatePath(`/cases/${detentionId}`);
  revalidatePath("/reviews");
  revalidatePath("/clients");
  const t = await getTranslations("reviewsSection");
  return { ok: true, message: t(successKey) };
}

export async function scheduleHearingAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !mayRecordReviews(actor)) return failure("notFound");
  const parsed = scheduleHearingSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "reviewValidation");
  return outcome(await scheduleHearing(actor, parsed.data), parsed.data.detentionId, "scheduled");
}

export async function recordReviewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !mayRecordReviews(actor)) return failure("notFound");
  const parsed = recordReviewSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "reviewValidation");
  return outcome(await recordReview(actor, parsed.data), parsed.data.detentionId, "recorded");
}

export async function editReviewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !mayRecordReviews(actor)) return failure("notFound");
  const parsed = editReviewSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "reviewValidation");
  return outcome(await editReview(actor, parsed.data), parsed.data.detentionId, "edited");
}
