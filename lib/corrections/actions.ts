"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { correctDetentionSchema, correctPersonSchema, mergePeopleSchema } from "@/lib/corrections/schema";
import { correctDetention, correctPerson, mergePeople, type CorrectionResult, type MergeResult } from "@/lib/corrections/mutations";

/** The refusals that belong to a field say so on the field; the others in a sentence. */
async function correctionRefused(refusal: Extract<CorrectionResult, { ok: false }>): Promise<ActionResult | null> {
  switch (refusal.reason) {
    case "NO_CHANGE":
      return { ok: false, error: (await getTranslations("correctionValidation"))("noChange") };
    case "CLIENT_ID_TAKEN":
      return fieldErrors([{ field: "clientId", key: "clientIdTaken" }], "correctionValidation");
    case "FACILITY_NOT_FOUND":
      return fieldErrors([{ field: "facilityId", key: "invalidChoice" }], "correctionValidation");
    case "HAS_TRANSFERS":
      return fieldErrors([{ field: "facilityId", key: "facilityTransferred" }], "correctionValidation");
    case "INVALID_TIME":
      return fieldErrors([{ field: "detainedOn", key: "detentionTimeInvalid" }], "correctionValidation");
    case "FUTURE_TIME":
      return fieldErrors([{ field: "detainedOn", key: "detentionTimeFuture" }], "correctionValidation");
    case "AFTER_RELEASE":
      return fieldErrors([{ field: "detainedOn", key: "detentionTimeAfterRelease" }], "correctionValidation");
    case "AFTER_FIRST_REVIEW":
      return fieldErrors([{ field: "detainedOn", key: "detentionTimeAfterReview" }], "correctionValidation");
    case "NOT_FOUND":
    case "STALE_VERSION":
      return null;
  }
}

/** The person's details show on every case of theirs, the caseload, the intake search and counsel's clients. */
export const correctPersonAction = serverAction({
  input: correctPersonSchema,
  validation: "correctionValidation",
  run: correctPerson,
  refused: correctionRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases", "/clients"], "corrections", "personCorrected"),
});

/** The detention's time, facility or schedule move its review clock: the dashboard and the feeds follow. */
export const correctDetentionAction = serverAction({
  input: correctDetentionSchema,
  validation: "correctionValidation",
  run: correctDetention,
  refused: correctionRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases", "/reviews", "/clients"], "corrections", "detentionCorrected"),
});

async function mergeRefused(refusal: Extract<MergeResult, { ok: false }>): Promise<ActionResult | null> {
  if (refusal.reason === "NOT_FOUND" || refusal.reason === "STALE_VERSION") return null;
  const t = await getTranslations("correctionValidation");
  return { ok: false, error: t(`merge_${refusal.reason}`) };
}

/** Merge a person recorded twice, then back to the case the merge was opened from. */
export const mergePeopleAction = serverAction({
  input: mergePeopleSchema,
  validation: "correctionValidation",
  run: mergePeople,
  refused: mergeRefused,
  succeeded: (_result, input) => {
    revalidatePath("/cases", "layout");
    redirect(`/cases/${input.detentionId}/merge?done=1`);
  },
});
