"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { canEditAssessment } from "@/lib/authz/plans";
import { failure, fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { assessmentFormSchema } from "@/lib/assessments/schema";
import { saveAssessment } from "@/lib/assessments/mutations";

/** Saves the assessment as a draft, or saves and completes it (the submit button's `intent`). */
export async function saveAssessmentAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canEditAssessment(actor)) return failure("notFound");
  const parsed = assessmentFormSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  const result = await saveAssessment(actor, parsed.data);
  if (!result.ok) {
    if (result.reason === "INVALID") return fieldErrors(Object.entries(result.fieldErrors).map(([field, message]) => ({ field, ...message })), "planValidation");
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  }
  revalidatePath(`/cases/${parsed.data.detentionId}`, "layout");
  const t = await getTranslations("planAssessment");
  return { ok: true, message: t(parsed.data.intent === "complete" || result.completed ? "savedComplete" : "savedDraft") };
}
