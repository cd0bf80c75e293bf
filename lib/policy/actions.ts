"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { schedulePolicySchema, withdrawPolicySchema } from "@/lib/policy/schema";
import { schedulePolicyVersion, withdrawPolicyVersion } from "@/lib/policy/mutations";

export const schedulePolicyAction = serverAction({
  input: schedulePolicySchema,
  validation: "policyValidation",
  run: (actor, input) => schedulePolicyVersion(actor, input),
  refused: (refusal) =>
    refusal.reason === "IN_THE_PAST"
      ? fieldErrors([{ field: "effectiveOn", key: "effectiveInPast" }], "policyValidation")
      : refusal.reason === "BEFORE_SCHEDULED"
        ? fieldErrors([{ field: "effectiveOn", key: "effectiveBeforeScheduled" }], "policyValidation")
        : null,
  succeeded: () => done(["/policy"], "policy", "scheduled"),
});

export const withdrawPolicyAction = serverAction({
  input: withdrawPolicySchema,
  run: (actor, input) => withdrawPolicyVersion(actor, input),
  succeeded: () => done(["/policy"], "policy", "withdrawn"),
});
