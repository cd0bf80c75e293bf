"use server";

import { getTranslations } from "next-intl/server";
import { canEditPlan } from "@/lib/authz/plans";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { bondspersonFormSchema, createPlanSchema, planFormSchema, planStatusSchema, removeBondspersonSchema } from "@/lib/release-plans/schema";
import { changePlanStatus, createPlan, removeBondsperson, saveBondsperson, savePlan, type PlanMutationResult } from "@/lib/release-plans/mutations";

async function planRefused(refusal: Extract<PlanMutationResult, { ok: false }>): Promise<ActionResult | null> {
  switch (refusal.reason) {
    case "NOT_READY":
      return { ok: false, error: (await getTranslations("planEditor"))("notReady") };
    case "NOT_ALLOWED":
      return { ok: false, error: (await getTranslations("planEditor"))("transitionNotAllowed") };
    case "CONFIRM_REQUIRES_CHECKS":
      return fieldErrors([{ field: "confirmed", key: "confirmRequiresChecks" }], "planValidation");
    default:
      return null;
  }
}

/** The plan shows on every tab of its case: revalidate the case's layout. */
const planChanged = (detentionId: string, key: string) => done([[`/cases/${detentionId}`, "layout"]], "planEditor", key);

export const createPlanAction = serverAction({
  input: createPlanSchema,
  validation: "planValidation",
  run: createPlan,
  refused: planRefused,
  succeeded: (_result, input) => planChanged(input.detentionId, "created"),
});

export const savePlanAction = serverAction({
  input: planFormSchema,
  validation: "planValidation",
  run: savePlan,
  refused: planRefused,
  succeeded: (result, input) => planChanged(input.detentionId, result.changes.length === 0 ? "noChanges" : "saved"),
});

export const saveBondspersonAction = serverAction({
  input: bondspersonFormSchema,
  validation: "planValidation",
  run: saveBondsperson,
  refused: planRefused,
  // Counsel propose a guarantor; the case team adds one (lib/release-plans/mutations.ts decided which it was).
  succeeded: (_result, input, actor) => planChanged(input.detentionId, input.bondspersonId ? "bondspersonSaved" : canEditPlan(actor) ? "bondspersonAdded" : "bondspersonProposed"),
});

export const removeBondspersonAction = serverAction({
  input: removeBondspersonSchema,
  validation: "planValidation",
  run: removeBondsperson,
  refused: planRefused,
  succeeded: (_result, input) => planChanged(input.detentionId, "bondspersonRemoved"),
});

export const changePlanStatusAction = serverAction({
  input: planStatusSchema,
  validation: "planValidation",
  run: changePlanStatus,
  refused: planRefused,
  succeeded: (_result, input) => planChanged(input.detentionId, "statusChanged"),
});
