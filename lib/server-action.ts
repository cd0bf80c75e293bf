import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult, type ValidationNamespace } from "@/lib/action-result";

/** What a domain function (a mutation) returns: success with its data, or a typed refusal. */
type DomainResult = { ok: true } | { ok: false; reason: string };
type Refusal<Result> = Extract<Result, { ok: false }>;
type Success<Result> = Extract<Result, { ok: true }>;

export type ServerActionDefinition<Schema extends z.ZodType, Result extends DomainResult, Answer extends ActionResult> = {
  /** The form's schema. The action is a public endpoint: whatever the caller sent is parsed here first. */
  input: Schema;
  /** A feature's own catalogue of field messages, read before the shared `validation` one. */
  validation?: ValidationNamespace;
  /**
   * The domain function. It receives the signed-in actor and owns every authorisation gate: a refusal comes back as
   * a typed reason (NOT_FOUND when the actor may not do this to this record), never as a thrown error.
   */
  run: (actor: Actor, input: z.output<Schema>) => Promise<Result>;
  /** Words for the refusals that need their own; every other refusal reads "not found" (STALE_VERSION: "changed"). */
  refused?: (refusal: Refusal<Result>, input: z.output<Schema>) => Promise<Answer | null> | Answer | null;
  /**
   * After success: revalidate what shows the record and say what happened (or redirect: `redirect()` throws, which
   * Next.js turns into the redirect). The actor is here for the wording only (e.g. "proposed" rather than "added"):
   * whether the change was allowed was decided by `run`.
   */
  succeeded: (result: Success<Result>, input: z.output<Schema>, actor: Actor) => Promise<Answer> | Answer;
};

/**
 * Every server action is declared through this one chain: session → parse → domain function (which authorises
 * in the data layer and writes in one transaction with its audit event) → revalidate → a message in the user's
 * language. Raw rows and raw error text never reach the client. Signed out, expired or revoked: "not found".
 */
export function serverAction<Schema extends z.ZodType, Result extends DomainResult, Answer extends ActionResult = ActionResult>(
  definition: ServerActionDefinition<Schema, Result, Answer>,
): (previous: Answer | null, formData: FormData) => Promise<Answer | ActionResult> {
  return async (_previous, formData) => {
    const actor = await getActor();
    if (!actor) return failure("notFound");
    // The browser always posts a form. Anything else (no argument, JSON, a string) is not a call the app makes: it is
    // refused here rather than read as an empty form, which an action with no fields would otherwise accept.
    if (!(formData instanceof FormData)) return failure("unexpected");
    const parsed = definition.input.safeParse(formObject(formData));
    if (!parsed.success) return invalidInput(parsed.error, definition.validation);
    const result = await definition.run(actor, parsed.data);
    if (result.ok) return definition.succeeded(result as Success<Result>, parsed.data, actor);
    const refusal = result as Refusal<Result>;
    const worded = definition.refused ? await definition.refused(refusal, parsed.data) : null;
    return worded ?? failure(refusal.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  };
}

/** Revalidates the given paths (a path, or a route pattern with its kind) and answers with a message. */
export async function done(paths: (string | [string, "page" | "layout"])[], namespace: string, key: string): Promise<ActionResult> {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path[0], path[1]);
  }
  const t = await getTranslations(namespace);
  return { ok: true, message: t(key) };
}
