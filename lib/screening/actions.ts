"use server";

import { getTranslations } from "next-intl/server";
import { done, serverAction } from "@/lib/server-action";
import { recordFlagSchema, removeFlagSchema } from "@/lib/screening/schema";
import { recordFlag, removeFlag, type ScreeningResult } from "@/lib/screening/mutations";

async function consentRefused(refusal: Extract<ScreeningResult, { ok: false }>) {
  if (refusal.reason !== "CONSENT_REQUIRED") return null;
  const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("caseScreening")]);
  return { ok: false as const, error: validation("summary"), fieldErrors: { consent: t("consentRequired") } };
}

export const recordFlagAction = serverAction({
  input: recordFlagSchema,
  run: recordFlag,
  refused: consentRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseScreening", "recorded"),
});

export const removeFlagAction = serverAction({
  input: removeFlagSchema,
  run: removeFlag,
  refused: consentRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseScreening", "removed"),
});
