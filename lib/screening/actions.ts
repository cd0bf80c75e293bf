"use server";

import { done, serverAction } from "@/lib/server-action";
import { recordFlagSchema, removeFlagSchema } from "@/lib/screening/schema";
import { recordFlag, removeFlag } from "@/lib/screening/mutations";

export const recordFlagAction = serverAction({
  input: recordFlagSchema,
  // "traffickingUsesScreen": the flag that only the trafficking screen records.
  validation: "traffickingValidation",
  run: recordFlag,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseScreening", "recorded"),
});

export const removeFlagAction = serverAction({
  input: removeFlagSchema,
  run: removeFlag,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/cases"], "caseScreening", "removed"),
});
