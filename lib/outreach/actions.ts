"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { outreachContactSchema, resourceItemSchema, resourceListSchema } from "@/lib/outreach/schema";
import { addResourceItem, createOutreachContact, createResourceList, type OutreachMutationResult } from "@/lib/outreach/mutations";

async function outcome(result: OutreachMutationResult, successKey: string): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "PROVIDER_NOT_FOUND") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { providerId: t("invalidChoice") } };
    }
    return failure("notFound");
  }
  revalidatePath("/outreach");
  const t = await getTranslations("outreach");
  return { ok: true, message: t(successKey) };
}

export async function createOutreachContactAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "outreach.manage")) return failure("notFound");
  const parsed = outreachContactSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await createOutreachContact(actor, parsed.data), "contactRecorded");
}

export async function createResourceListAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "outreach.manage")) return failure("notFound");
  const parsed = resourceListSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await createResourceList(actor, parsed.data), "listCreated");
}

export async function addResourceItemAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "outreach.manage")) return failure("notFound");
  const parsed = resourceItemSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await addResourceItem(actor, parsed.data), "itemAdded");
}
