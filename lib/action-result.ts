import "server-only";
import type { ZodError } from "zod";
import { getTranslations } from "next-intl/server";

/** What every server action returns: never raw rows, never raw error text. */
export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

// Zod issue codes mapped to catalogue keys for issues whose schema gave no key of its own.
const ISSUE_KEYS: Record<string, string> = {
  invalid_type: "required",
  invalid_value: "invalidChoice",
  too_small: "tooShort",
  too_big: "tooLong",
  invalid_format: "invalidFormat",
};

/** Field-level messages in the user's language. Schemas give catalogue keys ("validation.*") as their messages. */
export async function invalidInput(error: ZodError): Promise<ActionResult> {
  const t = await getTranslations("validation");
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (fieldErrors[field]) continue;
    const key = t.has(issue.message) ? issue.message : (ISSUE_KEYS[issue.code] ?? "invalid");
    fieldErrors[field] = t(key);
  }
  return { ok: false, error: t("summary"), fieldErrors };
}

export async function failure(key: string): Promise<ActionResult> {
  const t = await getTranslations("errors");
  return { ok: false, error: t(key) };
}

/**
 * Reads a form into a plain object for Zod; repeated names become arrays. An action is a public endpoint: its
 * argument is whatever a caller sent, so anything that is not a form reads as empty and fails validation.
 */
export function formObject(formData: unknown): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const result: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  if (!(formData instanceof FormData)) return result;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
