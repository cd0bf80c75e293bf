"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { addNoteSchema } from "@/lib/notes/schema";
import { addNote } from "@/lib/notes/mutations";

export async function addNoteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "notes.write")) return failure("notFound");
  const parsed = addNoteSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await addNote(actor, parsed.data);
  if (!result.ok) return failure("notFound");
  revalidatePath(`/cases/${parsed.data.detentionId}`);
  const t = await getTranslations("caseNotes");
  return { ok: true, message: t("added") };
}
