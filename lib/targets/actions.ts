"use server";

import { done, serverAction } from "@/lib/server-action";
import { setTargetsSchema } from "@/lib/targets/schema";
import { setTargets } from "@/lib/targets/mutations";

export const setTargetsAction = serverAction({
  input: setTargetsSchema,
  validation: "targetValidation",
  run: setTargets,
  succeeded: () => done(["/reports/targets"], "targets", "saved"),
});
