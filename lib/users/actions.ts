"use server";

import { failure, fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { changeOwnPasswordSchema, createUserSchema, decideGrantSchema, PASSWORD_PROBLEM_KEYS, setUserActiveSchema, updateUserSchema } from "@/lib/users/schema";
import { approveRoleGrant, changeOwnPassword, createUser, declineRoleGrant, setUserActive, updateUserRole, type UserMutationResult } from "@/lib/users/mutations";

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
const usersChanged = (result: { pendingApproval: boolean }, key: string, pendingKey = key) => done(["/admin/users"], "admin.users", result.pendingApproval ? pendingKey : key);

export const createUserAction = serverAction({
  input: createUserSchema,
  run: createUser,
  refused: userRefused,
  succeeded: (result) => usersChanged(result, "created", "createdPending"),
});

export const updateUserAction = serverAction({
  input: updateUserSchema,
  run: updateUserRole,
  refused: userRefused,
  succeeded: (result) => usersChanged(result, "updated", "grantRequested"),
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
