"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { serverSetClientAddress } from "@/lib/auth/config";
import { setPasswordWithLinkSchema } from "@/lib/password-links/schema";
import { setPasswordWithLink } from "@/lib/password-links/mutations";
import { PASSWORD_PROBLEM_KEYS } from "@/lib/users/schema";

async function refusal(key: string): Promise<ActionResult> {
  const t = await getTranslations("passwordLink");
  return { ok: false, error: t(key) };
}

/**
 * The one action open to the signed-out: the holder of a password link sets the account's password. It cannot go
 * through `serverAction` (lib/server-action.ts), whose first step is a session; the link is the credential, checked
 * by the mutation, which also throttles by address like sign-in. The same chain otherwise: parse with Zod, the
 * mutation in one transaction with its audit event, field messages in the user's language, no raw error text.
 */
export async function setPasswordWithLinkAction(_previous: ActionResult | null, formData: unknown): Promise<ActionResult> {
  if (!(formData instanceof FormData)) return refusal("invalidLink");
  const parsed = setPasswordWithLinkSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "userValidation");
  // The address the app server wrote, never a header the client could set; without one, refuse rather than guess.
  const address = serverSetClientAddress(Object.fromEntries((await headers()).entries()));
  if (!address) return refusal("unavailable");
  const result = await setPasswordWithLink({ token: parsed.data.token, newPassword: parsed.data.newPassword }, { address });
  if (result.ok) {
    const t = await getTranslations("passwordLink");
    return { ok: true, message: t("passwordSet") };
  }
  if (result.reason === "POLICY") return fieldErrors([{ field: "newPassword", key: PASSWORD_PROBLEM_KEYS[result.problem] ?? "invalid" }], "userValidation");
  return refusal(result.reason === "THROTTLED" ? "throttled" : "invalidLink");
}
