import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from "@/lib/auth/password-policy";
import { lineText } from "@/lib/validation/text";

export const ROLES = ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const;

const uuid = z.uuid({ message: "invalidChoice" });

/** The validation message (catalogue key) for each way a password breaks the policy (lib/auth/password-policy). */
export const PASSWORD_PROBLEM_KEYS: Partial<Record<PasswordProblem, string>> = {
  REPETITIVE: "passwordRepetitive",
  SEQUENTIAL: "passwordSequential",
  TOO_COMMON: "passwordTooCommon",
  CONTAINS_CONTEXT: "passwordContainsContext",
};
const version = z.coerce.number({ message: "invalid" }).int().min(1);

const name = lineText(200).min(1, "required");
const email = z.string().trim().toLowerCase().min(1, "required").max(320, "tooLong").pipe(z.email("email"));
const role = z.enum(ROLES, { message: "invalidChoice" });

/** A new account has no password: the person sets their own through the link issued with it (lib/password-links). */
export const createUserSchema = z.object({
  name,
  email,
  role,
  organizationId: uuid,
});

/** The user's page: name, address, role and organisation, with the version the page was read at. */
export const updateUserSchema = z.object({
  userId: uuid,
  version,
  name,
  email,
  role,
  organizationId: uuid,
});

/** Issuing a password reset link for another user. */
export const issuePasswordLinkSchema = z.object({ userId: uuid });

/** The users list's query string: a bad value reads as no filter rather than an error. */
export const userListSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  organizationId: z.uuid().optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
});
export type UserListFilters = z.output<typeof userListSchema>;

export const setUserActiveSchema = z.object({
  userId: uuid,
  version,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/** Approving or declining a pending access grant: which grant, and the version it was shown at. */
export const decideGrantSchema = z.object({
  grantId: uuid,
  version,
});

/**
 * A signed-in user changing their own password. The policy's checks that need the account (its e-mail) are made in
 * the mutation, which knows it; here, the lengths and that the two new entries agree.
 */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required").max(MAX_PASSWORD_LENGTH, "tooLong"),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(MAX_PASSWORD_LENGTH, "tooLong"),
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH, "tooLong"),
  })
  .superRefine((input, context) => {
    if (input.confirmPassword !== input.newPassword) context.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDiffer" });
    if (input.newPassword === input.currentPassword && input.newPassword !== "") context.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
  });
