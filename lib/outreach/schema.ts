import { z } from "zod";

const optionalUuid = z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "invalidChoice" }).optional());
const optionalText = (max: number) => z.string().trim().max(max, "tooLong").optional().transform((value) => (value ? value : null));

/** A contact with an NGO or community resource: a provider in the directory, or any organisation by name. */
export const outreachContactSchema = z
  .object({
    providerId: optionalUuid,
    organizationName: optionalText(200),
    contactedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalidFormat"),
    topic: z.string().trim().min(1, "required").max(500, "tooLong"),
    outcome: optionalText(2000),
  })
  .superRefine((contact, context) => {
    if (!contact.providerId && !contact.organizationName) context.addIssue({ code: "custom", path: ["organizationName"], message: "required" });
  });
export type OutreachContactInput = z.infer<typeof outreachContactSchema>;

export const resourceListSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  description: optionalText(2000),
});

export const resourceItemSchema = z
  .object({
    listId: z.uuid({ message: "invalidChoice" }),
    providerId: optionalUuid,
    name: optionalText(200),
    notes: optionalText(2000),
  })
  .superRefine((item, context) => {
    if (!item.providerId && !item.name) context.addIssue({ code: "custom", path: ["name"], message: "required" });
  });
