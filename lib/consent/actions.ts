"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { recordConsentSchema, withdrawConsentSchema } from "@/lib/consent/schema";
import { recordConsent, withdrawConsent } from "@/lib/consent/mutations";

export async function recordConsentAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "consent.record")) return failure("notFound");
  const parsed = recordConsentSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await recordConsent(actor, parsed.data);
  if (!result.ok) {
    const t = await getTranslations("validation");
    if (result.reason === "GIVEN_AT_INVALID") return { ok: false, error: t("summary"), fieldErrors: { givenAt: t("invalid") } };
    if (result.reason === "RECIPIENT_NOT_FOUND") return { ok: false, error: t("summary"), fieldErrors: { recipientOrgId: t("invalidChoice") } };
    return failure("notFound");
  }
  revalidatePath(`/cases/${parsed.data.detentionId}`, "layout");
  const t = await getTranslations("referralConsent");
  return { ok: true, message: t("recorded") };
}

export async function withdrawConsentAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "consent.record")) return failure("notFound");
  const parsed = withdrawConsentSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await withdrawConsent(actor, parsed.data);
  if (!result.ok) return failure("notFound");
  revalidatePath(`/cases/${parsed.data.detentionId}`, "layout");
  revalidatePath("/referrals", "layout");
  const t = await getTranslations("referralConsent");
  return { ok: true, message: t("withdrawn") };
}
