"use server";

import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { correctOutcomeSchema, recordOutcomeSchema, undoOutcomeSchema } from "@/lib/outcomes/schema";
import { correctOutcome, recordOutcome, undoOutcome, type OutcomeMutationResult } from "@/lib/outcomes/mutations";

async function outcomeRefused(refusal: Extract<OutcomeMutationResult, { ok: false }>): Promise<ActionResult | null> {
  if (refusal.reason === "FIELD") return fieldErrors([{ field: refusal.field, key: refusal.key }], "outcomeValidation");
  if (refusal.reason === "NOT_DETAINED") return { ok: false, error: (await getTranslations("outcome"))("notDetained") };
  return null;
}

/** An outcome changes the case, the caseload and its queue, the reviews dashboard, counsel's clients and the tasks. */
const outcomeChanged = (detentionId: string, key: string) => done([`/cases/${detentionId}`, "/cases", "/reviews", "/clients", "/tasks"], "outcome", key);

export const recordOutcomeAction = serverAction({
  input: recordOutcomeSchema,
  validation: "outcomeValidation",
  run: (actor, input) => recordOutcome(actor, input),
  refused: outcomeRefused,
  succeeded: (_result, input) => outcomeChanged(input.detentionId, "done.recorded"),
});

export const correctOutcomeAction = serverAction({
  input: correctOutcomeSchema,
  validation: "outcomeValidation",
  run: (actor, input) => correctOutcome(actor, input),
  refused: outcomeRefused,
  succeeded: (_result, input) => outcomeChanged(input.detentionId, "done.corrected"),
});

export const undoOutcomeAction = serverAction({
  input: undoOutcomeSchema,
  validation: "outcomeValidation",
  run: (actor, input) => undoOutcome(actor, input),
  refused: outcomeRefused,
  succeeded: (_result, input) => outcomeChanged(input.detentionId, "done.undone"),
});
