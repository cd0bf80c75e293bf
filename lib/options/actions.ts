"use server";

import { getTranslations } from "next-intl/server";
import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { proposeOptionSchema } from "@/lib/options/schema";
import { proposeOption } from "@/lib/options/mutations";

/** Counsel of record propose an option to the case's CLO (lib/options/mutations.ts decides who may). */
export const proposeOptionAction = serverAction({
  input: proposeOptionSchema,
  run: proposeOption,
  refused: async (refusal) => {
    if (refusal.reason === "PROVIDER_NOT_FOUND") return fieldErrors([{ field: "providerId", key: "invalidChoice" }]);
    if (refusal.reason === "TOO_MANY_OPEN") return { ok: false, error: (await getTranslations("counselOptions"))("tooMany") };
    return null;
  },
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`], "counselOptions", "proposed"),
});
