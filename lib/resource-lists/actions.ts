"use server";

import { getTranslations } from "next-intl/server";
import { fieldErrors, type ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import {
  addResourceItemSchema,
  createResourceListSchema,
  moveResourceItemSchema,
  removeResourceItemSchema,
  restoreResourceListSchema,
  retireResourceListSchema,
  updateResourceItemSchema,
  updateResourceListSchema,
} from "@/lib/resource-lists/schema";
import {
  addResourceItem,
  createResourceList,
  moveResourceItem,
  removeResourceItem,
  restoreResourceList,
  retireResourceList,
  updateResourceItem,
  updateResourceList,
  type ResourceListResult,
} from "@/lib/resource-lists/mutations";

/** Lists show on their page and on every case page (the families section): both are revalidated. */
const PATHS: (string | [string, "page"])[] = ["/resource-lists", ["/cases/[id]", "page"]];

const refused = async (refusal: Extract<ResourceListResult, { ok: false }>): Promise<ActionResult | null> => {
  switch (refusal.reason) {
    case "PROVIDER_NOT_FOUND":
      return fieldErrors([{ field: "providerId", key: "invalidChoice" }], "resourceListValidation");
    case "OFFICE_NOT_FOUND":
      return fieldErrors([{ field: "sharedOfficeIds", key: "invalidChoice" }], "resourceListValidation");
    case "RETIRED":
      return { ok: false, error: (await getTranslations("resourceLists"))("retiredRefusal") };
    default:
      return null;
  }
};

export const createResourceListAction = serverAction({
  input: createResourceListSchema,
  validation: "resourceListValidation",
  run: createResourceList,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "listCreated"),
});

export const updateResourceListAction = serverAction({
  input: updateResourceListSchema,
  validation: "resourceListValidation",
  run: updateResourceList,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "listSaved"),
});

export const retireResourceListAction = serverAction({
  input: retireResourceListSchema,
  validation: "resourceListValidation",
  run: retireResourceList,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "listRetired"),
});

export const addResourceItemAction = serverAction({
  input: addResourceItemSchema,
  validation: "resourceListValidation",
  run: addResourceItem,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "itemAdded"),
});

export const updateResourceItemAction = serverAction({
  input: updateResourceItemSchema,
  validation: "resourceListValidation",
  run: updateResourceItem,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "itemSaved"),
});

export const removeResourceItemAction = serverAction({
  input: removeResourceItemSchema,
  validation: "resourceListValidation",
  run: removeResourceItem,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "itemRemoved"),
});

export const restoreResourceListAction = serverAction({
  input: restoreResourceListSchema,
  validation: "resourceListValidation",
  run: restoreResourceList,
  refused,
  succeeded: () => done(PATHS, "resourceLists", "listRestored"),
});

export const moveResourceItemAction = serverAction({
  input: moveResourceItemSchema,
  validation: "resourceListValidation",
  run: moveResourceItem,
  refused,
  succeeded: (_result, input) => done(PATHS, "resourceLists", input.direction === "UP" ? "itemMovedUp" : "itemMovedDown"),
});
