import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

/**
 * Setting a password with a link. The token is read from the page's fragment by its script and posted with the form;
 * its shape is checked in the mutation, which answers every bad link alike. The policy's checks that need the account
 * (its e-mail) are made there too.
 */
export const setPasswordWithLinkSchema = z
  .object({
    token: z.string().max(200).catch(""),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(MAX_PASSWORD_LENGTH, "tooLong"),
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH, "tooLong"),
  })
  .superRefine((input, context) => {
    if (input.confirmPassword !== input.newPassword) context.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDiffer" });
  });
