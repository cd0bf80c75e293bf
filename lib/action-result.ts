import "server-only";
import type { ZodError } from "zod";
import { getTranslations } from "next-intl/server";
import { fieldMessages } from "@/lib/validation/messages";

/** What every server action returns: never raw rows, never raw error text. */
export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Catalogues of feature-specific validation messages, looked up before the shared `validation` one. */
export type ValidationNamespace = "reviewValidation" | "planValidation" | "correctionValidation" | "outcomeValidation" | "documentValidation" | "outsideReferralValidation" | "providerValidation" | "outreachValidation" | "policyValidation" | "targetValidation" | "userValidation" | "complaintValidation" | "traffickingValidation" | "resourceListValidation" | "familyValidation";

/**
 * Field-level messages in the user's language, each naming its field and saying how to fix it: built by
 * lib/validation/messages.ts from the schema's catalogue keys and the field's name in the catalogue.
 */
export async function invalidInput(error: ZodError, namespace?: ValidationNamespace): Promise<ActionResult> {
  return fieldErrors(
    error.issues.map((issue) => ({ field: issue.path.join(".") || "form", key: issue.message, code: issue.code })),
    namespace,
  );
}

/** A refusal with field messages, for rules checked after parsing (against the clock or the database). */
export async function fieldErrors(
  issues: { field: string; key: string; code?: string; values?: Record<string, string> }[],
  namespace?: ValidationNamespace,
): Promise<ActionResult> {
  const shared = await getTranslations("validation");
  const own = namespace ? await getTranslations(namespace) : null;
  return { ok: false, error: shared("summary"), fieldErrors: fieldMessages(issues, shared, own) };
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
