"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { createProviderFormSchema, updateProviderFormSchema } from "@/lib/providers/schema";
import { createProvider, updateProvider } from "@/lib/providers/mutations";

export const createProviderAction = serverAction({
  input: createProviderFormSchema,
  validation: "providerValidation",
  run: createProvider,
  refused: (refusal) => (refusal.reason === "NAME_TAKEN" ? fieldErrors([{ field: "name", key: "organizationNameTaken" }], "providerValidation") : null),
  succeeded: (result) => {
    revalidatePath("/providers");
    redirect(`/providers/${result.providerId}`);
  },
});

/** CLOs, supervisors and admins edit every provider; a provider's own caseworkers its profile (lib/authz/providers.ts, in the mutation's where clause). */
export const updateProviderAction = serverAction({
  input: updateProviderFormSchema,
  validation: "providerValidation",
  run: updateProvider,
  succeeded: (result) => done(["/providers", `/providers/${result.providerId}`], "providers", "saved"),
});
