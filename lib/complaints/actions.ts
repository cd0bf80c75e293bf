"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
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

export const reviewComplaintAction = serverAction({
  input: reviewComplaintSchema,
  validation: "complaintValidation",
  run: reviewComplaint,
  refused,
  succeeded: (result) => shown(result.complaintId, "review"),
});

export const respondComplaintAction = serverAction({
  input: respondComplaintSchema,
  validation: "complaintValidation",
  run: respondComplaint,
  refused,
  succeeded: (result) => shown(result.complaintId, "respond"),
});

export const closeComplaintAction = serverAction({
  input: complaintStepSchema,
  validation: "complaintValidation",
  run: closeComplaint,
  refused,
  succeeded: (result) => shown(result.complaintId, "close"),
});

export const withdrawComplaintAction = serverAction({
  input: complaintStepSchema,
  validation: "complaintValidation",
  run: withdrawComplaint,
  refused,
  succeeded: (result) => shown(result.complaintId, "withdraw"),
});

export const shareComplaintSummaryAction = serverAction({
  input: shareComplaintSchema,
  validation: "complaintValidation",
  run: shareComplaintSummary,
  refused,
  succeeded: (result) => shown(result.complaintId, "share"),
});
