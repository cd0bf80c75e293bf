"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { assignSchema, clearNoProspectSchema, existingPersonIntakeSchema, newPersonIntakeSchema, noProspectSchema } from "@/lib/detentions/schema";
import { assignDetention, clearNoProspect, createDetention, setNoProspect, type CaseChangeResult, type IntakeResult } from "@/lib/detentions/mutations";

async function intakeRefusal(result: Exclude<IntakeResult, { ok: true }>): Promise<ActionResult> {
  const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("caseIntake")]);
  switch (result.reason) {
    case "FACILITY_NOT_FOUND":
      return { ok: false, error: validation("summary"), fieldErrors: { facilityId: validation("invalidChoice") } };
    case "INVALID_TIME":
      return { ok: false, error: validation("summary"), fieldErrors: { detainedOn: t("invalidDetentionTime") } };
    case "FUTURE_TIME":
      return { ok: false, error: validation("summary"), fieldErrors: { detainedOn: t("futureDetentionTime") } };
    case "CLIENT_ID_TAKEN":
      return { ok: false, error: validation("summary"), fieldErrors: { clientId: t("clientIdTaken") } };
    case "ALREADY_DETAINED":
      return { ok: false, error: t("alreadyDetained") };
    case "NOT_FOUND":
      return failure("notFound");
  }
}

/** Intake: records a detention (and the person, when new), then opens the new case. */
export async function createDetentionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.create")) return failure("notFound");
  const form = formObject(formData);
  const existing = typeof form.detaineeId === "string" && form.detaineeId !== "";
  let result: IntakeResult;
  if (existing) {
    const parsed = existingPersonIntakeSchema.safeParse(form);
    if (!parsed.success) return invalidInput(parsed.error);
    result = await createDetention(actor, { kind: "existing", ...parsed.data });
  } else {
    const parsed = newPersonIntakeSchema.safeParse(form);
    if (!parsed.success) return invalidInput(parsed.error);
    result = await createDetention(actor, { kind: "new", ...parsed.data });
  }
  if (!result.ok) return intakeRefusal(result);
  revalidatePath("/cases");
  redirect(`/cases/${result.detentionId}`);
}

async function caseOutcome(result: CaseChangeResult, detentionId: string, successKey: string): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "CLO_NOT_FOUND") {
      const t = await getTranslations("validation");
      return { ok: false, error: t("summary"), fieldErrors: { cloId: t("invalidChoice") } };
    }
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  }
  revalidatePath(`/cases/${detentionId}`);
  revalidatePath("/cases");
  const t = await getTranslations("caseFile");
  return { ok: true, message: t(successKey) };
}

export async function assignDetentionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "detentions.assign")) return failure("notFound");
  const parsed = assignSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return caseOutcome(await assignDetention(actor, parsed.data), parsed.data.detentionId, "assigned");
}

export async function setNoProspectAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = noProspectSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return caseOutcome(await setNoProspect(actor, parsed.data), parsed.data.detentionId, "noProspectSet");
}

export async function clearNoProspectAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = clearNoProspectSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return caseOutcome(await clearNoProspect(actor, parsed.data), parsed.data.detentionId, "noProspectCleared");
}
