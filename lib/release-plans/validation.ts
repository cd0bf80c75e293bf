import "server-only";
import type { ZodError } from "zod";
import { getTranslations } from "next-intl/server";
import { invalidInput, type ActionResult } from "@/lib/action-result";

/**
 * Field messages for the assessment and plan forms. Messages specific to these forms are keys of the
 * `planValidation` namespace (lib/i18n/messages/<locale>/plan.json); any other issue falls back to the
 * shared `validation` messages through invalidInput.
 */
export async function invalidPlanInput(error: ZodError): Promise<ActionResult> {
  const t = await getTranslations("planValidation");
  const shared = await invalidInput(error);
  if (shared.ok) return shared;
  const fieldErrors = { ...shared.fieldErrors };
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (seen.has(field)) continue;
    seen.add(field);
    if (t.has(issue.message)) fieldErrors[field] = t(issue.message);
  }
  return { ...shared, fieldErrors };
}

/** A refusal with field messages from the `planValidation` namespace (rules checked against the database). */
export async function planFieldErrors(errors: Record<string, { key: string; values?: Record<string, string> }>): Promise<ActionResult> {
  const t = await getTranslations("planValidation");
  const summary = await getTranslations("validation");
  return {
    ok: false,
    error: summary("summary"),
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, t(message.key, message.values)])),
  };
}
