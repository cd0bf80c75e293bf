"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { outreachContactSchema } from "@/lib/outreach/schema";
import { createOutreachContact, type OutreachMutationResult } from "@/lib/outreach/mutations";

const providerRefused = (refusal: Extract<OutreachMutationResult, { ok: false }>) =>
  refusal.reason === "PROVIDER_NOT_FOUND" ? fieldErrors([{ field: "providerId", key: "invalidChoice" }]) : null;

export const createOutreachContactAction = serverAction({
  input: outreachContactSchema,
  validation: "outreachValidation",
  run: createOutreachContact,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "contactRecorded"),
});
