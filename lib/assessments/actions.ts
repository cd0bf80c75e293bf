"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { assessmentFormSchema } from "@/lib/assessments/schema";
import { saveAssessment } from "@/lib/assessments/mutations";

/** Saves the assessment as a draft, or saves and completes it (the submit button's `intent`). */
export const saveAssessmentAction = serverAction({
  input: assessmentFormSchema,
  validation: "planValidation",
  run: saveAssessment,
  // Completion rules checked against the stored assessment name their fields, like the form's own.
  refused: (refusal) =>
    refusal.reason === "INVALID" ? fieldErrors(Object.entries(refusal.fieldErrors).map(([field, message]) => ({ field, ...message })), "planValidation") : null,
  succeeded: (result, input) => done([[`/cases/${input.detentionId}`, "layout"]], "planAssessment", input.intent === "complete" || result.completed ? "savedComplete" : "savedDraft"),
});
