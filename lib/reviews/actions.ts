"use server";

import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { editReviewSchema, recordReviewSchema, scheduleHearingSchema } from "@/lib/reviews/schema";
import { editReview, recordReview, scheduleHearing, type ReviewMutationResult } from "@/lib/reviews/mutations";

async function reviewRefused(refusal: Extract<ReviewMutationResult, { ok: false }>): Promise<ActionResult | null> {
  if (refusal.reason === "FIELD") return fieldErrors([{ field: refusal.field, key: refusal.key }], "reviewValidation");
  if (refusal.reason === "NO_NEXT_REVIEW") return { ok: false, error: (await getTranslations("reviewsSection"))("noNextReviewToAct") };
  return null;
}

/** A review moves the case's clock, the dashboard and counsel's client list. */
const reviewChanged = (detentionId: string, key: string) => done([`/cases/${detentionId}`, "/reviews", "/clients"], "reviewsSection", key);

export const scheduleHearingAction = serverAction({
  input: scheduleHearingSchema,
  validation: "reviewValidation",
  run: scheduleHearing,
  refused: reviewRefused,
  succeeded: (_result, input) => reviewChanged(input.detentionId, "scheduled"),
});

export const recordReviewAction = serverAction({
  input: recordReviewSchema,
  validation: "reviewValidation",
  run: recordReview,
  refused: reviewRefused,
  succeeded: (_result, input) => reviewChanged(input.detentionId, "recorded"),
});

export const editReviewAction = serverAction({
  input: editReviewSchema,
  validation: "reviewValidation",
  run: editReview,
  refused: reviewRefused,
  succeeded: (_result, input) => reviewChanged(input.detentionId, "edited"),
});
