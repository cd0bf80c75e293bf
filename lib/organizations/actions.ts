"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { createOrganizationSchema } from "@/lib/organizations/schema";
import { createOrganization } from "@/lib/organizations/mutations";

export async function createOrganizationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "organizations.manage")) return failure("notFound");
  const parsed = createOrganizationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createOrganization(actor, parsed.data);
  if (!result.ok) {
    const t = await getTranslations("validation");
    return { ok: false, error: t("summary"), fieldErrors: { name: t("organizationNameTaken") } };
  }
  revalidatePath("/admin/organizations");
  const t = await getTranslations("admin.organizations");
  return { ok: true, message: t("created") };
}
