"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { createUserSchema, setUserActiveSchema, updateUserSchema } from "@/lib/users/schema";
import { createUser, setUserActive, updateUserRole, type UserMutationResult } from "@/lib/users/mutations";

async function outcome(result: UserMutationResult, successKey: string): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "EMAIL_TAKEN") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { email: t("emailTaken") } };
    }
    if (result.reason === "ROLE_DOES_NOT_FIT_ORGANIZATION") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { role: t("roleDoesNotFitOrganization") } };
    }
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : result.reason === "CANNOT_DEACTIVATE_SELF" ? "cannotDeactivateSelf" : "notFound");
  }
  revalidatePath("/admin/users");
  const t = await getTranslations("admin.users");
  return { ok: true, message: t(successKey) };
}

export async function createUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = createUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await createUser(actor, parsed.data), "created");
}

export async function updateUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = updateUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await updateUserRole(actor, parsed.data), "updated");
}

export async function setUserActiveAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = setUserActiveSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await setUserActive(actor, parsed.data), parsed.data.active ? "activated" : "deactivated");
}
