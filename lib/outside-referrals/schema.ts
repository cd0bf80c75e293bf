import { z } from "zod";
import { CONSENT_FIELDS } from "@/lib/referrals/packet";
import { CONSENT_METHODS } from "@/lib/consent/schema";
import { DECLINE_REASONS } from "@/lib/referrals/rules";
import { OUTSIDE_ANSWERS } from "@/lib/outside-referrals/rules";
import { manyOf } from "@/lib/providers/schema";
import { calendarDate } from "@/lib/validation/dates";
import { lineText, optionalLineText, optionalParagraphText } from "@/lib/validation/text";

/**
 * The outside-referral forms. Messages are catalogue keys, on the field they are about (namespace
 * `outsideReferralValidation`, then `validation`).
 */

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
// A phone number as people write it: digits, spaces, +, -, (, ), ., and an extension ("x123"); 7 to 15 digits.
const phone = z
  .preprocess(blank, z.string().trim().max(40, "tooLong").optional())
  .refine((value) => value === undefined || (/^[+0-9 ().\-x]+$/i.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 7 && (value.match(/[0-9]/g)?.length ?? 0) <= 15), "phone")
  .transform((value) => value ?? null);
const email = z
  .preprocess(blank, z.string().trim().max(320, "tooLong").pipe(z.email("email")).optional())
  .transform((value) => value ?? null);

/**
 * Recording an outside referral: the program (one the directory lists without users, or a name), its contact (a
 * name, and an e-mail or a phone number to reach them), the packet sections sent, and the person's consent to send
 * them to this program (how it was given; it is recorded as a Consent naming the program's organisation).
 */
export const recordOutsideReferralSchema = z
  .object({
    detentionId: uuid,
    providerId: z.preprocess(blank, uuid.optional()).transform((value) => value ?? null),
    programName: z.preprocess(blank, lineText(200).optional()).transform((value) => value ?? null),
    contactName: lineText(200).min(1, "required"),
    contactEmail: email,
    contactPhone: phone,
    fields: manyOf(CONSENT_FIELDS).refine((fields) => fields.length > 0, "required"),
    consentGiven: checkbox,
    consentMethod: z.enum(CONSENT_METHODS, { message: "invalidChoice" }),
    interpreterLanguage: optionalLineText(80),
    note: optionalParagraphText(2000),
  })
  .superRefine((form, context) => {
    if (!form.providerId && !form.programName) context.addIssue({ code: "custom", path: ["programName"], message: "programRequired" });
    if (form.providerId && form.programName) context.addIssue({ code: "custom", path: ["programName"], message: "programOrDirectory" });
    if (!form.contactEmail && !form.contactPhone) context.addIssue({ code: "custom", path: ["contactEmail"], message: "contactRequired" });
    if (!form.consentGiven) context.addIssue({ code: "custom", path: ["consentGiven"], message: "consentRequired" });
    if (form.consentMethod === "VERBAL_WITH_INTERPRETER" && !form.interpreterLanguage) context.addIssue({ code: "custom", path: ["interpreterLanguage"], message: "required" });
  });
export type RecordOutsideReferralInput = z.infer<typeof recordOutsideReferralSchema>;

/**
 * The program's answer: its status, its date (a real date, not in the future — the facility's calendar is checked
 * by the data layer), the letter (a document on the case; required to accept), and a decline reason.
 */
export const recordOutsideAnswerSchema = z
  .object({
    referralId: uuid,
    version,
    status: z.enum(OUTSIDE_ANSWERS, { message: "invalidChoice" }),
    answeredOn: calendarDate({ notAfter: "today" }),
    documentId: z.preprocess(blank, uuid.optional()).transform((value) => value ?? null),
    declineReason: z.preprocess(blank, z.enum(DECLINE_REASONS, { message: "invalidChoice" }).optional()),
    declineDetails: optionalParagraphText(2000),
  })
  .superRefine((answer, context) => {
    if (answer.status === "ACCEPTED" && !answer.documentId) context.addIssue({ code: "custom", path: ["documentId"], message: "evidenceRequired" });
    if (answer.status !== "DECLINED") return;
    if (!answer.declineReason) context.addIssue({ code: "custom", path: ["declineReason"], message: "required" });
    else if (answer.declineReason === "OTHER" && !answer.declineDetails) context.addIssue({ code: "custom", path: ["declineDetails"], message: "required" });
  });
export type RecordOutsideAnswerInput = z.infer<typeof recordOutsideAnswerSchema>;
