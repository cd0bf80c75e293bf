"use server";

import { getTranslations } from "next-intl/server";
import { done, serverAction } from "@/lib/server-action";
import { recordTraffickingScreenSchema } from "@/lib/trafficking/schema";
import { recordTraffickingScreen } from "@/lib/trafficking/mutations";

export const recordTraffickingScreenAction = serverAction({
  input: recordTraffickingScreenSchema,
  validation: "traffickingValidation",
  run: recordTraffickingScreen,
  refused: async (refusal) => {
    if (refusal.reason !== "DISCLOSURE_REQUIRED") return null;
    const [validation, t] = await Promise.all([getTranslations("validation"), getTranslations("traffickingValidation")]);
    return { ok: false as const, error: validation("summary"), fieldErrors: { disclosureConfirmed: t("disclosureRequired") } };
  },
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "traffickingScreen", "recorded"),
});
