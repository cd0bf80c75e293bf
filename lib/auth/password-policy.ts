import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "REPETITIVE" | "SEQUENTIAL" | "TOO_COMMON" | "CONTAINS_CONTEXT";

/** Words tied to this service: a password built on them is the first an attacker of Liaison tries. */
const SERVICE_WORDS = ["liaison", "cbsa", "asfc", "detention", "immigration"];

/**
 * The steps between two characters that make a run: the same character, or the next or previous one (digits wrap,
 * so 9 then 0 continues "…7890…"). Letters are compared in lowercase.
 */
function step(previous: string, current: string): number | null {
  if (/\d/.test(previous) && /\d/.test(current)) {
    const difference = (Number(current) - Number(previous) + 10) % 10;
    return difference === 0 ? 0 : difference === 1 ? 1 : difference === 9 ? -1 : null;
  }
  const difference = current.toLowerCase().codePointAt(0)! - previous.toLowerCase().codePointAt(0)!;
  return Math.abs(difference) <= 1 ? difference : null;
}

/**
 * The length that counts (NIST SP 800-63B 5.1.1.2: repetitive and sequential characters add nothing): a character
 * that continues a run of repeated ("aaa") or sequential ("abc", "321") characters is not counted. Returns what was
 * left out, by kind.
 */
function runs(characters: string[]): { repeated: number; sequential: number } {
  let repeated = 0;
  let sequential = 0;
  for (let index = 2; index < characters.length; index += 1) {
    const before = step(characters[index - 2]!, characters[index - 1]!);
    const now = step(characters[index - 1]!, characters[index]!);
    if (before === null || now === null || before !== now) continue;
    if (now === 0) repeated += 1;
    else sequential += 1;
  }
  return { repeated, sequential };
}

/** The words a password must not be built on: the e-mail's local part and its pieces, its domain's name, the service. */
function contextWords(email: string | undefined): string[] {
  const [local = "", domain = ""] = (email ?? "").toLowerCase().split("@");
  const pieces = [local, ...local.split(/[^a-z0-9]+/), domain.split(".")[0] ?? ""];
  return [...new Set([...pieces, ...SERVICE_WORDS])].filter((word) => word.length >= 4);
}

/**
 * NIST SP 800-63B 5.1.1.2: length over composition rules, and refuse passwords that are repetitive or sequential,
 * known to be common (a list of 49,000 from breaches, lib/auth/common-passwords), or built on the account itself or
 * the service's name. Checked in lowercase, with the padding digits and symbols people add stripped.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) return "TOO_SHORT";
  if (password.length > MAX_PASSWORD_LENGTH) return "TOO_LONG";
  const lowered = password.toLowerCase();
  // Known from breaches first: the most telling answer when it applies.
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (COMMON_PASSWORDS.has(lowered) || (core.length >= 4 && COMMON_PASSWORDS.has(core))) return "TOO_COMMON";
  // "abcabcabcabc", "passpasspass": one short unit repeated.
  if (/^(.{1,6}?)\1+$/su.test(lowered)) return "REPETITIVE";
  const left = runs(characters);
  if (characters.length - left.repeated - left.sequential < MIN_PASSWORD_LENGTH) return left.repeated >= left.sequential ? "REPETITIVE" : "SEQUENTIAL";
  // Built on the context: what is left once its words are taken out is too short to count.
  let remainder = lowered;
  for (const word of contextWords(email)) remainder = remainder.replaceAll(word, "");
  if ([...remainder].length < MIN_PASSWORD_LENGTH && remainder !== lowered) return "CONTAINS_CONTEXT";
  return null;
}
