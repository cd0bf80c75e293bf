"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { createProviderSchema, providerProfileSchema, updateProviderSchema } from "@/lib/providers/schema";
import { createProvider, updateProvider } from "@/lib/providers/mutations";

export async function createProviderAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "providers.edit")) return failure("notFound");
  const form = formObject(formData);
  const head = createProviderSchema.safeParse(form);
  const profile = providerProfileSchema.safeParse(form);
  if (!head.success) return invalidInput(head.error);
  if (!profile.success) return invalidInput(profile.error);
  const result = await createProvider(actor, { ...head.data, profile: profile.data });
  if (!result.ok) {
    if (result.reason === "NAME_TAKEN") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { name: t("organizationNameTaken") } };
    }
    return failure("notFound");
  }
  revalidatePath("/providers");
  redirect(`/providers/${result.providerId}`);
}

export async function updateProviderAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  // Caseworkers have no capability for this: their reach (their own organisation's profile) is in the where clause.
  if (!actor || (!can(actor, "providers.edit") && actor.role !== "NGO_CASEWORKER")) return failure("notFound");
  const form = formObject(formData);
  const head = updateProviderSchema.safeParse(form);
  const profile = providerProfileSchema.safeParse(form);
  if (!head.success) return invalidInput(head.error);
  if (!profile.success) return invalidInput(profile.error);
  const result = await updateProvider(actor, { ...head.data, profile: profile.data });
  if (!result.ok) return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  revalidatePath("/providers");
  revalidatePath(`/providers/${result.providerId}`);
  const t = await getTranslations("providers");
  return { ok: true, message: t("saved") };
}
