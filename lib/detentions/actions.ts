"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { assignSchema, clearNoProspectSchema, intakeSchema, noProspectSchema } from "@/lib/detentions/schema";
import { assignDetention, clearNoProspect, createDetention, setNoProspect, type CaseChangeResult, type IntakeResult } from "@/lib/detentions/mutations";

async function intakeRefusal(refusal: Extract<IntakeResult, { ok: false }>): Promise<ActionResult | null> {
  const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("caseIntake")]);
  switch (refusal.reason) {
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
      return null;
  }
}

/** Intake: records a detention (and the person, when new), then opens the new case. */
export const createDetentionAction = serverAction({
  input: intakeSchema,
  run: createDetention,
  refused: intakeRefusal,
  succeeded: (result) => {
    revalidatePath("/cases");
    redirect(`/cases/${result.detentionId}`);
  },
});

const cloRefused = (refusal: Extract<CaseChangeResult, { ok: false }>) => (refusal.reason === "CLO_NOT_FOUND" ? fieldErrors([{ field: "cloId", key: "invalidChoice" }]) : null);

export const assignDetentionAction = serverAction({
  input: assignSchema,
  run: assignDetention,
  refused: cloRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseFile", "assigned"),
});

export const setNoProspectAction = serverAction({
  input: noProspectSchema,
  run: setNoProspect,
  refused: cloRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseFile", "noProspectSet"),
});

export const clearNoProspectAction = serverAction({
  input: clearNoProspectSchema,
  run: clearNoProspect,
  refused: cloRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseFile", "noProspectCleared"),
});
