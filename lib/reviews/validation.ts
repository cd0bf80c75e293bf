import "server-only";
import type { ZodError } from "zod";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";

// Zod issue codes mapped to the shared catalogue keys, for issues whose schema gave no key of its own.
const ISSUE_KEYS: Record<string, string> = {
  invalid_type: "required",
  invalid_value: "invalidChoice",
  too_small: "tooShort",
  too_big: "tooLong",
  invalid_format: "invalidFormat",
};

/**
 * Field-level messages for the review, calendar and counsel forms: the keys of this feature live in the
 * `reviewValidation` namespace (lib/i18n/messages/<locale>/reviews.json), the shared ones in `validation`.
 */
export async function reviewInvalidInput(error: ZodError): Promise<ActionResult> {
  return fieldErrors(error.issues.map((issue) => ({ field: issue.path.join(".") || "form", key: issue.message, code: issue.code })));
}

/** Field errors found after parsing (a date that does not exist in the facility's zone, a start in the future). */
export async function fieldErrors(issues: { field: string; key: string; code?: string }[]): Promise<ActionResult> {
  const own = await getTranslations("reviewValidation");
  const shared = await getTranslations("validation");
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    if (messages[issue.field]) continue;
    if (own.has(issue.key)) messages[issue.field] = own(issue.key);
    else if (shared.has(issue.key)) messages[issue.field] = shared(issue.key);
    else messages[issue.field] = shared(ISSUE_KEYS[issue.code ?? ""] ?? "invalid");
  }
  return { ok: false, error: shared("summary"), fieldErrors: messages };
}
