"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { addCounselNoteSchema } from "@/lib/counsel/schema";
import { addCounselNote } from "@/lib/counsel/mutations";

export async function addCounselNoteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  // Only counsel write privileged notes here; CBSA case notes are written on the case page.
  if (!actor || actor.role !== "COUNSEL" || !can(actor, "notes.write")) return failure("notFound");
  const parsed = addCounselNoteSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "reviewValidation");
  const result = await addCounselNote(actor, parsed.data);
  if (!result.ok) return failure("notFound");
  revalidatePath("/clients");
  const t = await getTranslations("counselNotes");
  return { ok: true, message: t("saved") };
}
