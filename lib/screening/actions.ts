"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { recordFlagSchema, removeFlagSchema } from "@/lib/screening/schema";
import { recordFlag, removeFlag, type ScreeningResult } from "@/lib/screening/mutations";

async function outcome(result: ScreeningResult, detentionId: string, successKey: "recorded" | "removed"): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "CONSENT_REQUIRED") {
      const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("caseScreening")]);
      return { ok: false, error: validation("summary"), fieldErrors: { consent: t("consentRequired") } };
    }
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  }
  revalidatePath(`/cases/${detentionId}`);
  revalidatePath("/cases");
  const t = await getTranslations("caseScreening");
  return { ok: true, message: t(successKey) };
}

export async function recordFlagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = recordFlagSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await recordFlag(actor, parsed.data), parsed.data.detentionId, "recorded");
}

export async function removeFlagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = removeFlagSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await removeFlag(actor, parsed.data), parsed.data.detentionId, "removed");
}
