"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/authz";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { serverAction } from "@/lib/server-action";
import { complaintStepSchema, fileComplaintSchema, respondComplaintSchema, reviewComplaintSchema, shareComplaintSchema } from "@/lib/complaints/schema";
import { closeComplaint, fileComplaint, respondComplaint, reviewComplaint, shareComplaintSummary, withdrawComplaint, type ComplaintResult } from "@/lib/complaints/mutations";

/** Complaints' own refusals: on the field they are about where there is one, in words otherwise. */
async function refused(refusal: Extract<ComplaintResult, { ok: false }>): Promise<ActionResult | null> {
  switch (refusal.reason) {
    case "OFFICE_REQUIRED":
      return fieldErrors([{ field: "officeId", key: "required" }], "complaintValidation");
    case "HANDLER_NOT_FOUND":
      return fieldErrors([{ field: "handlerId", key: "invalidChoice" }], "complaintValidation");
    case "OWN_CASE":
    case "NO_SUBJECT":
    case "INVALID_TRANSITION": {
      const t = await getTranslations("complaints.errors");
      return { ok: false, error: t(refusal.reason) };
    }
    default:
      return null;
  }
}

/**
 * After a step: the complaint's page and the lists show it anew, and the browser goes back to the complaint, which says
 * what was done (the step's form may be gone from it: a response closes the response form).
 */
function shown(id: string, step: "review" | "respond" | "close" | "withdraw" | "share"): never {
  revalidatePath(`/complaints/${id}`);
  revalidatePath("/complaints");
  redirect(`/complaints/${id}?done=${step}`);
}

export const fileComplaintAction = serverAction({
  input: fileComplaintSchema,
  validation: "complaintValidation",
  run: fileComplaint,
  refused,
  succeeded: (result) => {
    revalidatePath("/complaints");
    redirect(`/complaints/${result.complaintId}?filed=1`);
  },
});

/**
 * One step of a complaint's handling: its form, its domain function, and where the browser goes after it. Each step
 * refuses the same way and ends the same way (the complaint's page, saying what was done).
 */
function complaintStep<Schema extends z.ZodType>(input: Schema, run: (actor: Actor, input: z.output<Schema>) => Promise<ComplaintResult>, step: Parameters<typeof shown>[1]) {
  return serverAction({ input, validation: "complaintValidation", run, refused, succeeded: (result) => shown(result.complaintId, step) });
}

export const reviewComplaintAction = complaintStep(reviewComplaintSchema, reviewComplaint, "review");
export const respondComplaintAction = complaintStep(respondComplaintSchema, respondComplaint, "respond");
export const closeComplaintAction = complaintStep(complaintStepSchema, closeComplaint, "close");
export const withdrawComplaintAction = complaintStep(complaintStepSchema, withdrawComplaint, "withdraw");
export const shareComplaintSummaryAction = complaintStep(shareComplaintSchema, shareComplaintSummary, "share");
