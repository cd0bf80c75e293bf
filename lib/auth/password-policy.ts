import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "TOO_COMMON" | "CONTAINS_EMAIL";

/**
 * NIST SP 800-63B: length over composition rules, and refuse passwords known to be common or derived
 * from the account itself. Checked in lowercase with the padding digits and symbols people add stripped.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "TOO_SHORT";
  if (password.length > MAX_PASSWORD_LENGTH) return "TOO_LONG";
  const lowered = password.toLowerCase();
  const core = lowered.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (COMMON_PASSWORDS.has(lowered) || (core.length >= 4 && COMMON_PASSWORDS.has(core))) return "TOO_COMMON";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) return "CONTAINS_EMAIL";
  return null;
}
