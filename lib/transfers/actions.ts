"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { recordTransferSchema } from "@/lib/transfers/schema";
import { recordTransfer, type TransferResult } from "@/lib/transfers/mutations";

/** The refusals that concern a field of the form, worded in the user's language; every other reads "not found". */
async function transferRefusal(refusal: Extract<TransferResult, { ok: false }>): Promise<ActionResult | null> {
  const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("caseTransfer")]);
  const field = (name: string, key: string): ActionResult => ({ ok: false, error: validation("summary"), fieldErrors: { [name]: t(`errors.${key}`) } });
  switch (refusal.reason) {
    case "FACILITY_NOT_FOUND":
      return field("toFacilityId", "facilityNotFound");
    case "SAME_FACILITY":
      return field("toFacilityId", "sameFacility");
    case "INVALID_TIME":
      return field("transferredOn", "invalidTime");
    case "BEFORE_DETENTION":
      return field("transferredOn", "beforeDetention");
    case "BEFORE_PREVIOUS_TRANSFER":
      return field("transferredOn", "beforePreviousTransfer");
    case "IN_FUTURE":
      return field("transferredOn", "inFuture");
    case "NOT_DETAINED":
      return { ok: false, error: t("errors.notDetained") };
    case "NOT_FOUND":
    case "STALE_VERSION":
      return null;
  }
}

/**
 * Records a transfer to another facility. One of another office hands the case over and out of this office's sight:
 * the case page would now answer "not found", so the user lands on their caseload with a notice instead.
 */
export const recordTransferAction = serverAction({
  input: recordTransferSchema,
  run: recordTransfer,
  refused: transferRefusal,
  succeeded: (result, input) => {
    if (result.handedOver) {
      revalidatePath("/cases");
      revalidatePath("/reviews");
      redirect("/cases?handedOver=1");
    }
    return done([`/cases/${input.detentionId}`, "/cases", "/reviews"], "caseTransfer", "recorded");
  },
});
