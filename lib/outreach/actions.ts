"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { outreachContactSchema, resourceItemSchema, resourceListSchema } from "@/lib/outreach/schema";
import { addResourceItem, createOutreachContact, createResourceList, type OutreachMutationResult } from "@/lib/outreach/mutations";

const providerRefused = (refusal: Extract<OutreachMutationResult, { ok: false }>) =>
  refusal.reason === "PROVIDER_NOT_FOUND" ? fieldErrors([{ field: "providerId", key: "invalidChoice" }]) : null;

export const createOutreachContactAction = serverAction({
  input: outreachContactSchema,
  validation: "outreachValidation",
  run: createOutreachContact,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "contactRecorded"),
});

export const createResourceListAction = serverAction({
  input: resourceListSchema,
  validation: "outreachValidation",
  run: createResourceList,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "listCreated"),
});

export const addResourceItemAction = serverAction({
  input: resourceItemSchema,
  validation: "outreachValidation",
  run: addResourceItem,
  refused: providerRefused,
  succeeded: () => done(["/outreach"], "outreach", "itemAdded"),
});
