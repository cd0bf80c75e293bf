"use server";

import { failure, fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { followUpDoneSchema, outreachContactSchema, updateOutreachContactSchema } from "@/lib/outreach/schema";
import { createOutreachContact, markFollowUpDone, updateOutreachContact, type OutreachMutationResult } from "@/lib/outreach/mutations";

const providerRefused = (refusal: Extract<OutreachMutationResult, { ok: false }>) =>
  refusal.reason === "PROVIDER_NOT_FOUND" ? fieldErrors([{ field: "providerId", key: "invalidChoice" }]) : null;

export const createOutreachContactAction = serverAction({
  input: outreachContactSchema,
  validation: "outreachValidation",
  run: createOutreachContact,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "contactRecorded"),
});

export const updateOutreachContactAction = serverAction({
  input: updateOutreachContactSchema,
  validation: "outreachValidation",
  run: updateOutreachContact,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "contactUpdated"),
});

export const markFollowUpDoneAction = serverAction({
  input: followUpDoneSchema,
  run: (actor, input) => markFollowUpDone(actor, input),
  // Done already, or the next step was removed meanwhile: the page has changed under the button.
  refused: async (refusal) => (refusal.reason === "NO_NEXT_STEP" ? failure("staleVersion") : null),
  succeeded: () => done(["/outreach"], "outreach", "followUpDoneMessage"),
});
