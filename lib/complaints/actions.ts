"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
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

/** Where a complaint shows: its page, and the lists. */
const shown = (id: string): (string | [string, "page" | "layout"])[] => [`/complaints/${id}`, "/complaints", "/reports"];

export const fileComplaintAction = serverAction({
  input: fileComplaintSchema,
  validation: "complaintValidation",
  run: fileComplaint,
  refused,
  succeeded: (result) => {
    revalidatePath("/complaints");
    revalidatePath("/reports");
    redirect(`/complaints/${result.complaintId}?filed=1`);
  },
});

export const reviewComplaintAction = serverAction({
  input: reviewComplaintSchema,
  validation: "complaintValidation",
  run: reviewComplaint,
  refused,
  succeeded: (result) => done(shown(result.complaintId), "complaints", "done.review"),
});

export const respondComplaintAction = serverAction({
  input: respondComplaintSchema,
  validation: "complaintValidation",
  run: respondComplaint,
  refused,
  succeeded: (result) => done(shown(result.complaintId), "complaints", "done.respond"),
});

export const closeComplaintAction = serverAction({
  input: complaintStepSchema,
  validation: "complaintValidation",
  run: closeComplaint,
  refused,
  succeeded: (result) => done(shown(result.complaintId), "complaints", "done.close"),
});

export const withdrawComplaintAction = serverAction({
  input: complaintStepSchema,
  validation: "complaintValidation",
  run: withdrawComplaint,
  refused,
  succeeded: (result) => done(shown(result.complaintId), "complaints", "done.withdraw"),
});

export const shareComplaintSummaryAction = serverAction({
  input: shareComplaintSchema,
  validation: "complaintValidation",
  run: shareComplaintSummary,
  refused,
  succeeded: (result) => done(shown(result.complaintId), "complaints", "done.share"),
});
