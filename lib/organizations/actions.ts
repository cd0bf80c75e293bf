"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { createOrganizationSchema } from "@/lib/organizations/schema";
import { createOrganization } from "@/lib/organizations/mutations";

export const createOrganizationAction = serverAction({
  input: createOrganizationSchema,
  run: createOrganization,
  refused: (refusal) => (refusal.reason === "NAME_TAKEN" ? fieldErrors([{ field: "name", key: "organizationNameTaken" }]) : null),
  succeeded: () => done(["/admin/organizations"], "admin.organizations", "created"),
});
