import { z } from "zod";
import { calendarDate } from "@/lib/validation/dates";
import { lineText, optionalLineText, optionalParagraphText } from "@/lib/validation/text";

const optionalUuid = z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "invalidChoice" }).optional());

/** Messages are catalogue keys: `outreachValidation` first, then `validation` (lib/validation/messages.ts). */

/** A contact with an NGO or community resource: a provider in the directory, or any organisation by name. */
export const outreachContactSchema = z
  .object({
    providerId: optionalUuid,
    organizationName: optionalLineText(200),
    // A contact already made: not a date to come.
    contactedOn: calendarDate({ notAfter: "today" }),
    topic: lineText(500).min(1, "required"),
    outcome: optionalParagraphText(2000),
  })
  .superRefine((contact, context) => {
    if (!contact.providerId && !contact.organizationName) context.addIssue({ code: "custom", path: ["organizationName"], message: "providerOrOrganization" });
  });
export type OutreachContactInput = z.infer<typeof outreachContactSchema>;
