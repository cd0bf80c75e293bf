"use server";

import { failure, fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { changeOwnPasswordSchema, createUserSchema, decideGrantSchema, issuePasswordLinkSchema, PASSWORD_PROBLEM_KEYS, setUserActiveSchema, updateUserSchema } from "@/lib/users/schema";
import { approveRoleGrant, changeOwnPassword, createUser, declineRoleGrant, setUserActive, updateUser, type UserMutationResult } from "@/lib/users/mutations";
import { issuePasswordLink, type IssuedLink, type LinkRecipient } from "@/lib/password-links/mutations";
import { mailPasswordLink, type LinkMailOutcome } from "@/lib/password-links/email";
import { passwordLinkPath } from "@/lib/password-links/rules";
import { getLocale } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * An answer that carries a password link just issued: its path (the page adds its own origin), its expiry and whether
 * it was e-mailed. Shown once to the administrator; never stored in the clear.
 */
export type PasswordLinkAnswer = ActionResult & { passwordLink?: { path: string; expiresAt: string; mail: LinkMailOutcome; userId: string } };

async function withLink(answer: ActionResult, userId: string, link: IssuedLink, recipient: LinkRecipient): Promise<PasswordLinkAnswer> {
  const mail = await mailPasswordLink(recipient, link);
  const locale = (await getLocale()) as AppLocale;
  return { ...answer, passwordLink: { path: passwordLinkPath(link.token), expiresAt: formatDateTime(link.expiresAt, "America/Toronto", locale), mail, userId } };
}

const FAILURE_KEYS: Partial<Record<string, string>> = {
  CANNOT_CHANGE_SELF: "cannotChangeSelf",
  CANNOT_APPROVE_OWN_REQUEST: "cannotApproveOwnRequest",
  CANNOT_APPROVE_ABOUT_SELF: "cannotApproveAboutSelf",
};

function userRefused(refusal: Extract<UserMutationResult, { ok: false }>) {
  if (refusal.reason === "EMAIL_TAKEN") return fieldErrors([{ field: "email", key: "emailTaken" }]);
  if (refusal.reason === "ROLE_DOES_NOT_FIT_ORGANIZATION") return fieldErrors([{ field: "role", key: "roleDoesNotFitOrganization" }]);
  const key = FAILURE_KEYS[refusal.reason];
  return key ? failure(key) : null;
}

/** A change that needs a second administrator's approval says so instead of claiming it is done. */
const usersChanged = (result: { pendingApproval: boolean; userId: string }, key: string, pendingKey = key) =>
  done(["/admin/users", `/admin/users/${result.userId}`], "admin.users", result.pendingApproval ? pendingKey : key);

export const createUserAction = serverAction({
  input: createUserSchema,
  validation: "userValidation",
  run: createUser,
  refused: userRefused,
  succeeded: async (result) => withLink(await usersChanged(result, "created", "createdPending"), result.userId, result.link, result.recipient),
});

export const updateUserAction = serverAction({
  input: updateUserSchema,
  validation: "userValidation",
  run: updateUser,
  refused: userRefused,
  succeeded: (result) => done(["/admin/users", `/admin/users/${result.userId}`], "userAdmin", result.pendingApproval ? "savedPending" : "saved"),
});

export const issuePasswordLinkAction = serverAction({
  input: issuePasswordLinkSchema,
  run: issuePasswordLink,
  refused: (refusal) => (refusal.reason === "CANNOT_CHANGE_SELF" ? failure("cannotChangeSelf") : null),
  // The user's page says a link is outstanding, and until when.
  succeeded: async (result) => withLink(await done([`/admin/users/${result.userId}`], "userAdmin", "linkIssued"), result.userId, result.link, result.recipient),
});

export const setUserActiveAction = serverAction({
  input: setUserActiveSchema,
  run: setUserActive,
  refused: userRefused,
  succeeded: (result, input) => usersChanged(result, input.active ? "activated" : "deactivated", "grantRequested"),
});

export const approveRoleGrantAction = serverAction({
  input: decideGrantSchema,
  run: approveRoleGrant,
  refused: userRefused,
  succeeded: (result) => usersChanged(result, "grantApproved"),
});

export const declineRoleGrantAction = serverAction({
  input: decideGrantSchema,
  run: declineRoleGrant,
  refused: userRefused,
  succeeded: (result) => usersChanged(result, "grantDeclined"),
});

/** Any signed-in user, their own password only (the actor is the account: no user id is taken from the form). */
export const changeOwnPasswordAction = serverAction({
  input: changeOwnPasswordSchema,
  run: changeOwnPassword,
  refused: (refusal) => {
    if (refusal.reason === "POLICY") return fieldErrors([{ field: "newPassword", key: PASSWORD_PROBLEM_KEYS[refusal.problem] ?? "invalid" }]);
    if (refusal.reason === "WRONG_PASSWORD") return fieldErrors([{ field: "currentPassword", key: "currentPasswordWrong" }]);
    if (refusal.reason === "THROTTLED") return failure("passwordChangeThrottled");
    return null;
  },
  // Nothing on screen shows the password: no page to revalidate.
  succeeded: () => done([], "account", "changed"),
});
