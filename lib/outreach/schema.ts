import { z } from "zod";
import { calendarDate, optionalCalendarDate } from "@/lib/validation/dates";
import { lineText, optionalLineText, optionalParagraphText } from "@/lib/validation/text";

const optionalUuid = z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "invalidChoice" }).optional());

/** Messages are catalogue keys: `outreachValidation` first, then `validation` (lib/validation/messages.ts). */

const contactFields = {
  providerId: optionalUuid,
  organizationName: optionalLineText(200),
  // A contact already made: not a date to come.
  contactedOn: calendarDate({ notAfter: "today" }),
  topic: lineText(500).min(1, "required"),
  outcome: optionalParagraphText(2000),
  // The follow-up: what the office will do next, and by when. Both or neither.
  nextStep: optionalLineText(500),
  nextStepDueOn: optionalCalendarDate(),
};

/** The rules across fields: a provider or a name; a next step with its date, on or after the contact. */
function contactRules(contact: { providerId?: string; organizationName: string | null; contactedOn: string; nextStep: string | null; nextStepDueOn: string | null }, context: z.RefinementCtx) {
  if (!contact.providerId && !contact.organizationName) context.addIssue({ code: "custom", path: ["organizationName"], message: "providerOrOrganization" });
  if (contact.nextStep && !contact.nextStepDueOn) context.addIssue({ code: "custom", path: ["nextStepDueOn"], message: "nextStepDateRequired" });
  if (!contact.nextStep && contact.nextStepDueOn) context.addIssue({ code: "custom", path: ["nextStep"], message: "nextStepRequired" });
  if (contact.nextStepDueOn && contact.nextStepDueOn < contact.contactedOn) context.addIssue({ code: "custom", path: ["nextStepDueOn"], message: "nextStepBeforeContact" });
}

/** A contact with an NGO or community resource: a provider in the directory, or any organisation by name. */
export const outreachContactSchema = z.object(contactFields).superRefine(contactRules);
export type OutreachContactInput = z.infer<typeof outreachContactSchema>;

/** The same contact corrected or completed later, at the version the form was built from. */
export const updateOutreachContactSchema = z
  .object({ contactId: z.uuid({ message: "invalidChoice" }), version: z.coerce.number({ message: "invalid" }).int("invalid").min(1, "invalid"), ...contactFields })
  .superRefine(contactRules);
export type UpdateOutreachContactInput = z.infer<typeof updateOutreachContactSchema>;

/** A follow-up done. */
export const followUpDoneSchema = z.object({ contactId: z.uuid({ message: "invalidChoice" }), version: z.coerce.number({ message: "invalid" }).int("invalid").min(1, "invalid") });
