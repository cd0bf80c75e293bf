import { z } from "zod";
import { RESOURCE_LIST_SHARINGS, RESOURCE_LIST_TOPICS } from "@/lib/resource-lists/rules";
import { lineText, optionalLineText, optionalParagraphText } from "@/lib/validation/text";

/** Messages are catalogue keys: `resourceListValidation` first, then `validation` (lib/validation/messages.ts). */

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const optionalUuid = z.preprocess((value) => (value === "" ? undefined : value), uuid.optional());
/** A multiple choice arrives as one value, several, or none. */
const officeIds = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  // Checked as a whole, so a wrong id is reported on the field the person sees (the offices), not on one box.
  z
    .array(z.string())
    .max(50, "invalidChoice")
    .refine((ids) => ids.every((id) => uuid.safeParse(id).success), "invalidChoice"),
);

const listFields = {
  name: lineText(200).min(1, "required"),
  description: optionalParagraphText(2000),
  topic: z.enum(RESOURCE_LIST_TOPICS, { message: "invalidChoice" }),
  sharing: z.enum(RESOURCE_LIST_SHARINGS, { message: "invalidChoice" }),
  sharedOfficeIds: officeIds,
};

/** Named offices must name at least one office: a list "shared with" nobody is the office's own. */
function namedOfficesNamed(list: { sharing: string; sharedOfficeIds: string[] }, context: z.RefinementCtx) {
  if (list.sharing === "NAMED_OFFICES" && list.sharedOfficeIds.length === 0) context.addIssue({ code: "custom", path: ["sharedOfficeIds"], message: "namedOffices" });
}

export const createResourceListSchema = z.object(listFields).superRefine(namedOfficesNamed);
export type CreateResourceListInput = z.infer<typeof createResourceListSchema>;

export const updateResourceListSchema = z.object({ listId: uuid, version, ...listFields }).superRefine(namedOfficesNamed);
export type UpdateResourceListInput = z.infer<typeof updateResourceListSchema>;

export const retireResourceListSchema = z.object({ listId: uuid, version });
/** Putting a retired list back in use: the same list, at the version read. */
export const restoreResourceListSchema = retireResourceListSchema;

export const addResourceItemSchema = z
  .object({
    listId: uuid,
    version,
    providerId: optionalUuid,
    name: optionalLineText(200),
    notes: optionalParagraphText(2000),
  })
  .superRefine((item, context) => {
    if (!item.providerId && !item.name) context.addIssue({ code: "custom", path: ["name"], message: "providerOrResource" });
  });
export type AddResourceItemInput = z.infer<typeof addResourceItemSchema>;

/** An item's wording (a provider's link stays as it was). The version is the list's: items are edited as part of it. */
export const updateResourceItemSchema = z.object({ itemId: uuid, version, name: lineText(200).min(1, "required"), notes: optionalParagraphText(2000) });
export type UpdateResourceItemInput = z.infer<typeof updateResourceItemSchema>;

export const removeResourceItemSchema = z.object({ itemId: uuid, version });

export const MOVE_DIRECTIONS = ["UP", "DOWN"] as const;
/** One place up or down the list: the list's order is the office's (the families section shows it as is). */
export const moveResourceItemSchema = z.object({ itemId: uuid, version, direction: z.enum(MOVE_DIRECTIONS, { message: "invalidChoice" }) });
export type MoveResourceItemInput = z.infer<typeof moveResourceItemSchema>;
