"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { canEditPlan, canProposeBondsperson } from "@/lib/authz/plans";
import { failure, fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { bondspersonFormSchema, createPlanSchema, planFormSchema, planStatusSchema, removeBondspersonSchema } from "@/lib/release-plans/schema";
import { changePlanStatus, createPlan, removeBondsperson, saveBondsperson, savePlan, type PlanMutationResult } from "@/lib/release-plans/mutations";

async function outcome(result: PlanMutationResult, detentionId: string, successKey: string): Promise<ActionResult> {
  if (!result.ok) {
    switch (result.reason) {
      case "STALE_VERSION":
        return failure("staleVersion");
      case "NOT_READY": {
        const t = await getTranslations("planEditor");
        return { ok: false, error: t("notReady") };
      }
      case "NOT_ALLOWED": {
        const t = await getTranslations("planEditor");
        return { ok: false, error: t("transitionNotAllowed") };
      }
      case "CONFIRM_REQUIRES_CHECKS":
        return fieldErrors([{ field: "confirmed", key: "confirmRequiresChecks" }], "planValidation");
      default:
        return failure("notFound");
    }
  }
  revalidatePath(`/cases/${detentionId}`, "layout");
  const t = await getTranslations("planEditor");
  return { ok: true, message: t(result.changes.length === 0 && successKey === "saved" ? "noChanges" : successKey) };
}

export async function createPlanAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canEditPlan(actor)) return failure("notFound");
  const parsed = createPlanSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  return outcome(await createPlan(actor, parsed.data), parsed.data.detentionId, "created");
}

export async function savePlanAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canEditPlan(actor)) return failure("notFound");
  const parsed = planFormSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  return outcome(await savePlan(actor, parsed.data), parsed.data.detentionId, "saved");
}

export async function saveBondspersonAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canProposeBondsperson(actor)) return failure("notFound");
  const parsed = bondspersonFormSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  const key = parsed.data.bondspersonId ? "bondspersonSaved" : canEditPlan(actor) ? "bondspersonAdded" : "bondspersonProposed";
  return outcome(await saveBondsperson(actor, parsed.data), parsed.data.detentionId, key);
}

export async function removeBondspersonAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canEditPlan(actor)) return failure("notFound");
  const parsed = removeBondspersonSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  return outcome(await removeBondsperson(actor, parsed.data), parsed.data.detentionId, "bondspersonRemoved");
}

export async function changePlanStatusAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !canEditPlan(actor)) return failure("notFound");
  const parsed = planStatusSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "planValidation");
  return outcome(await changePlanStatus(actor, parsed.data), parsed.data.detentionId, "statusChanged");
}
