"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { changeOwnPasswordSchema, createUserSchema, decideGrantSchema, PASSWORD_PROBLEM_KEYS, setUserActiveSchema, updateUserSchema } from "@/lib/users/schema";
import { approveRoleGrant, changeOwnPassword, createUser, declineRoleGrant, setUserActive, updateUserRole, type UserMutationResult } from "@/lib/users/mutations";

const FAILURE_KEYS: Record<string, string> = {
  STALE_VERSION: "staleVersion",
  CANNOT_CHANGE_SELF: "cannotChangeSelf",
  CANNOT_APPROVE_OWN_REQUEST: "cannotApproveOwnRequest",
  CANNOT_APPROVE_ABOUT_SELF: "cannotApproveAboutSelf",
};

async function outcome(result: UserMutationResult, successKey: string, pendingKey = successKey): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "EMAIL_TAKEN") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { email: t("emailTaken") } };
    }
    if (result.reason === "ROLE_DOES_NOT_FIT_ORGANIZATION") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { role: t("roleDoesNotFitOrganization") } };
    }
    return failure(FAILURE_KEYS[result.reason] ?? "notFound");
  }
  revalidatePath("/admin/users");
  const t = await getTranslations("admin.users");
  return { ok: true, message: t(result.pendingApproval ? pendingKey : successKey) };
}

export async function createUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = createUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await createUser(actor, parsed.data), "created", "createdPending");
}

export async function updateUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = updateUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await updateUserRole(actor, parsed.data), "updated", "grantRequested");
}

export async function setUserActiveAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = setUserActiveSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await setUserActive(actor, parsed.data), parsed.data.active ? "activated" : "deactivated", "grantRequested");
}

export async function approveRoleGrantAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = decideGrantSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await approveRoleGrant(actor, parsed.data), "grantApproved");
}

export async function declineRoleGrantAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "users.manage")) return failure("notFound");
  const parsed = decideGrantSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await declineRoleGrant(actor, parsed.data), "grantDeclined");
}

/** Any signed-in user, their own password only (the actor is the account: no user id is taken from the form). */
export async function changeOwnPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return failure("notFound");
  const parsed = changeOwnPasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeOwnPassword(actor, parsed.data);
  if (!result.ok) {
    if (result.reason === "POLICY") return fieldErrors([{ field: "newPassword", key: PASSWORD_PROBLEM_KEYS[result.problem] ?? "invalid" }]);
    if (result.reason === "WRONG_PASSWORD") return fieldErrors([{ field: "currentPassword", key: "currentPasswordWrong" }]);
    if (result.reason === "THROTTLED") return failure("passwordChangeThrottled");
    return failure("notFound");
  }
  const t = await getTranslations("account");
  return { ok: true, message: t("changed") };
}
