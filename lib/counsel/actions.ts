"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { addCounselNoteSchema, decideCounselRequestSchema, endCounselSchema, recordCounselSchema, requestCounselSchema } from "@/lib/counsel/schema";
import { addCounselNote, decideCounselRequest, endCounsel, recordCounsel, requestCounsel } from "@/lib/counsel/mutations";

/** Counsel's privileged note (only counsel write one: lib/counsel/mutations.ts); CBSA case notes are written on the case page. */
export const addCounselNoteAction = serverAction({
  input: addCounselNoteSchema,
  validation: "reviewValidation",
  run: addCounselNote,
  succeeded: () => done(["/clients"], "counselNotes", "saved"),
});

async function message(key: string): Promise<ActionResult> {
  const t = await getTranslations("counselOfRecord");
  return { ok: false, error: t(key) };
}

/** The office records counsel of record for the person of a case (a counsel account, or an outside lawyer). */
export const recordCounselAction = serverAction({
  input: recordCounselSchema,
  run: recordCounsel,
  refused: async (refusal) => {
    if (refusal.reason === "COUNSEL_NOT_FOUND") return fieldErrors([{ field: "counselId", key: "invalidChoice" }]);
    if (refusal.reason === "ALREADY_COUNSEL") return message("alreadyCounsel");
    return null;
  },
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`], "counselOfRecord", "recorded"),
});

/**
 * Counsel asks to be recorded by case reference and family name. Matched or not, the answer is the same
 * ("sent to the office"): only the office's confirmation shows counsel anything.
 */
export const requestCounselAction = serverAction({
  input: requestCounselSchema,
  run: requestCounsel,
  refused: (refusal) => (refusal.reason === "TOO_MANY_PENDING" ? message("tooManyPending") : refusal.reason === "TOO_MANY_REQUESTS" ? message("tooManyRequests") : null),
  succeeded: () => done(["/clients"], "counselOfRecord", "requestSent"),
});

/** The office confirms or declines a request routed to one of its cases. */
export const decideCounselRequestAction = serverAction({
  input: decideCounselRequestSchema,
  run: decideCounselRequest,
  refused: (refusal) => (refusal.reason === "COUNSEL_NOT_ELIGIBLE" ? message("counselNotEligible") : null),
  succeeded: (result, input) => done([`/cases/${input.detentionId}`], "counselOfRecord", result.status === "ACTIVE" ? "confirmed" : "declined"),
});

/**
 * The office ends counsel of record, or counsel withdraws and is taken back to their clients: the case is no longer
 * theirs, and re-rendering it would answer "not found".
 */
export const endCounselAction = serverAction({
  input: endCounselSchema,
  run: endCounsel,
  succeeded: (_result, input, actor) => {
    if (actor.role === "COUNSEL") {
      revalidatePath("/clients");
      redirect("/clients");
    }
    return done([`/cases/${input.detentionId}`, "/clients"], "counselOfRecord", "ended");
  },
});
