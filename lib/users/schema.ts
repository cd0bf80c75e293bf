import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-policy";
import { lineText } from "@/lib/validation/text";

export const ROLES = ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const;

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);

export const createUserSchema = z
  .object({
    name: lineText(200).min(1, "required"),
    email: z.string().trim().toLowerCase().min(1, "required").max(320, "tooLong").pipe(z.email("email")),
    role: z.enum(ROLES, { message: "invalidChoice" }),
    organizationId: uuid,
    password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(MAX_PASSWORD_LENGTH, "tooLong"),
  })
  .superRefine((user, context) => {
    const problem = passwordProblem(user.password, user.email);
    if (problem === "TOO_COMMON") context.addIssue({ code: "custom", path: ["password"], message: "passwordTooCommon" });
    if (problem === "CONTAINS_EMAIL") context.addIssue({ code: "custom", path: ["password"], message: "passwordContainsEmail" });
  });

export const updateUserSchema = z.object({
  userId: uuid,
  version,
  role: z.enum(ROLES, { message: "invalidChoice" }),
  organizationId: uuid,
});

export const setUserActiveSchema = z.object({
  userId: uuid,
  version,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});
