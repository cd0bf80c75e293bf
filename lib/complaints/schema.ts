import { z } from "zod";
import { COMPLAINT_CATEGORIES, COMPLAINT_ON_BEHALF_OF, RESPONSE_OUTCOMES } from "@/lib/complaints/rules";
import { optionalParagraphText, paragraphText } from "@/lib/validation/text";

/**
 * The complaint forms. Messages are catalogue keys, on the field they are about (namespace `complaintValidation`,
 * then `validation`).
 */

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalUuid = z.preprocess(blank, uuid.optional()).transform((value) => value ?? null);

export const COMPLAINT_TEXT_MAX = 4_000;

/**
 * Filing: what it is about (a case the filer may see, a referral for a provider's caseworker, or neither: the service,
 * at an office the filer chooses — a CBSA user's own office), whose complaint it is, its category, what happened and
 * what the complainant asks for.
 */
export const fileComplaintSchema = z
  .object({
    detentionId: optionalUuid,
    referralId: optionalUuid,
    officeId: optionalUuid,
    onBehalfOf: z.enum(COMPLAINT_ON_BEHALF_OF, { message: "invalidChoice" }),
    category: z.enum(COMPLAINT_CATEGORIES, { message: "invalidChoice" }),
    description: paragraphText(COMPLAINT_TEXT_MAX).min(1, "required"),
    remedySought: paragraphText(COMPLAINT_TEXT_MAX).min(1, "required"),
  })
  .superRefine((form, context) => {
    if (form.detentionId && form.referralId) context.addIssue({ code: "custom", path: ["detentionId"], message: "invalidChoice" });
  });
export type FileComplaintInput = z.infer<typeof fileComplaintSchema>;

/** A supervisor takes the complaint or gives it to another supervisor of the office, with notes of the investigation. */
export const reviewComplaintSchema = z.object({
  complaintId: uuid,
  version,
  handlerId: uuid,
  investigationNotes: optionalParagraphText(COMPLAINT_TEXT_MAX),
});
export type ReviewComplaintInput = z.infer<typeof reviewComplaintSchema>;

/** The written response to the complainant, with its outcome. */
export const respondComplaintSchema = z.object({
  complaintId: uuid,
  version,
  outcome: z.enum(RESPONSE_OUTCOMES, { message: "invalidChoice" }),
  response: paragraphText(COMPLAINT_TEXT_MAX).min(1, "required"),
});
export type RespondComplaintInput = z.infer<typeof respondComplaintSchema>;

/** Closing (after the response) or withdrawing (the complainant, before it): the record and the version read. */
export const complaintStepSchema = z.object({ complaintId: uuid, version });
export type ComplaintStepInput = z.infer<typeof complaintStepSchema>;

/** The summary a supervisor shares with the officer the complaint names: written for them, nothing else is shown. */
export const shareComplaintSchema = z.object({
  complaintId: uuid,
  version,
  subjectSummary: paragraphText(COMPLAINT_TEXT_MAX).min(1, "required"),
});
export type ShareComplaintInput = z.infer<typeof shareComplaintSchema>;

/** The page's own query: an optional case or referral the complaint is about (the link from a case or referral page). */
export const complaintTargetSchema = z.object({ case: z.uuid().optional().catch(undefined), referral: z.uuid().optional().catch(undefined) });

