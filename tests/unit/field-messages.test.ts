import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { ValidationNamespace } from "@/lib/action-result";
import { fieldMessages, fieldName, type Translate } from "@/lib/validation/messages";
import { intakeSchema } from "@/lib/detentions/schema";
import { answerReferralSchema } from "@/lib/referrals/schema";
import { createTaskSchema, updateTaskSchema } from "@/lib/tasks/schema";
import { bondspersonFormSchema, planFormSchema } from "@/lib/release-plans/schema";
import { recordOutcomeSchema } from "@/lib/outcomes/schema";
import { addCounselNoteSchema, decideCounselRequestSchema, endCounselSchema, recordCounselSchema, requestCounselSchema } from "@/lib/counsel/schema";
import { recordReviewSchema, scheduleHearingSchema } from "@/lib/reviews/schema";
import { createProviderFormSchema, updateProviderFormSchema } from "@/lib/providers/schema";
import { removeDocumentSchema, uploadDocumentSchema } from "@/lib/documents/schema";
import { correctDetentionSchema, correctPersonSchema, mergePeopleSchema } from "@/lib/corrections/schema";
import { outreachContactSchema, updateOutreachContactSchema } from "@/lib/outreach/schema";
import { addResourceItemSchema, createResourceListSchema, updateResourceItemSchema, updateResourceListSchema } from "@/lib/resource-lists/schema";
import { linkFamilyMemberSchema, recordBestInterestsSchema } from "@/lib/families/schema";
import { schedulePolicySchema } from "@/lib/policy/schema";
import { setTargetsSchema } from "@/lib/targets/schema";
import { TARGET_INDICATORS } from "@/lib/targets/rules";
import { createUserSchema, updateUserSchema } from "@/lib/users/schema";
import { setPasswordWithLinkSchema } from "@/lib/password-links/schema";
import { recordTraffickingScreenSchema } from "@/lib/trafficking/schema";
import { recordFlagSchema } from "@/lib/screening/schema";
import { fileComplaintSchema, respondComplaintSchema, reviewComplaintSchema, shareComplaintSchema } from "@/lib/complaints/schema";

/**
 * Every form's field errors name the field and say how to fix it, in both languages. Each form is submitted empty
 * and with a value no field accepts, its issues are worded through lib/validation/messages.ts exactly as
 * lib/action-result.ts words them for the page, and no field may fall through to a generic message.
 */
const ID = "7d1f0c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
/** What the page sets itself (hidden fields): right in every case, the person fixes only what they can see. */
const HIDDEN = {
  userId: ID,
  detentionId: ID,
  referralId: ID,
  taskId: ID,
  reviewId: ID,
  requestId: ID,
  recordId: ID,
  outcomeId: ID,
  listId: ID,
  keptId: ID,
  version: "1",
  detentionVersion: "1",
  planVersion: "1",
  reviewVersion: "1",
  outcomeVersion: "1",
  detaineeVersion: "1",
  keptVersion: "1",
  duplicateVersion: "1",
};
/** No field accepts this: a control character in a value that is neither a date, a choice nor a number. */
const WRONG = "\u0007x";

type Form = { name: string; schema: z.ZodType; namespace?: ValidationNamespace; fields: string[]; fixed?: Record<string, unknown>; cases?: Record<string, string>[] };

/** The provider forms' fields a person fills in (the switches are checkboxes: ticked or not, never wrong). */
const PROVIDER_PROFILE = ["description", "services", "servesGenders", "riskLevelsAccepted", "languages", "region", "spacesTotal", "spacesOpen", "contactName", "contactEmail", "contactPhone"];

const FORMS: Form[] = [
  {
    name: "intake (new person)",
    schema: intakeSchema,
    fields: ["givenName", "familyName", "dateOfBirth", "gender", "languages", "interpreterLanguage", "citizenship", "clientId", "facilityId", "detainedOn", "detainedAtTime", "grounds", "schedule"],
    cases: [{ dateOfBirth: "2999-01-01", detainedOn: "1800-01-01" }],
  },
  {
    name: "referral answer",
    schema: answerReferralSchema,
    fields: ["status", "declineReason", "declineDetails", "message"],
    cases: [{ status: "DECLINED", declineReason: "" }, { status: "DECLINED", declineReason: "OTHER", declineDetails: "" }],
  },
  { name: "new task", schema: createTaskSchema, fields: ["category", "title", "description", "ownerId", "dueOn", "status", "outcome"] },
  { name: "task edit", schema: updateTaskSchema, fields: ["category", "title", "description", "ownerId", "dueOn", "status", "outcome"] },
  { name: "plan", schema: planFormSchema, namespace: "planValidation", fields: ["measures", "residenceAddress", "residenceDetails", "proposedConditions"] },
  { name: "bondsperson", schema: bondspersonFormSchema, namespace: "planValidation", fields: ["name", "relationship", "phone", "email"] },
  {
    name: "outcome",
    schema: recordOutcomeSchema,
    namespace: "outcomeValidation",
    fields: ["kind", "releaseType", "date", "time", "decidedBy", "decisionMakerName", "reason", "reportingMode", "reportingFrequency", "residenceAddress", "bondspersonName", "ccmsProgram", "ccmsProvider", "curfew", "otherConditions"],
  },
  { name: "counsel (outside)", schema: recordCounselSchema, fields: ["outsideName", "outsideOrganization", "outsidePhone", "outsideEmail"], fixed: { kind: "OUTSIDE" } },
  { name: "counsel request", schema: requestCounselSchema, fields: ["reference", "familyName"] },
  { name: "counsel request decision", schema: decideCounselRequestSchema, fields: ["decision", "reason"], cases: [{ decision: "DECLINE", reason: "" }] },
  { name: "counsel ended", schema: endCounselSchema, fields: ["reason"] },
  { name: "counsel note", schema: addCounselNoteSchema, namespace: "reviewValidation", fields: ["body"] },
  { name: "hearing", schema: scheduleHearingSchema, namespace: "reviewValidation", fields: ["date", "time", "location"], cases: [{ date: "2026-02-30", time: "25:00" }] },
  {
    name: "review held",
    schema: recordReviewSchema,
    namespace: "reviewValidation",
    fields: ["startedDate", "startedTime", "concludedDate", "concludedTime", "outcome", "notes"],
    cases: [{ concludedDate: "2026-02-31", concludedTime: "9h" }],
  },
  {
    name: "new provider",
    schema: createProviderFormSchema,
    namespace: "providerValidation",
    fields: ["name", "kind", ...PROVIDER_PROFILE],
    cases: [{ spacesTotal: "2", spacesOpen: "5", region: "Ontario" }, { spacesTotal: "-1", spacesOpen: "1.5", region: "Ontario" }, { spacesTotal: "100001", region: "Ontario", contactEmail: "nobody" }],
  },
  {
    name: "provider edit",
    schema: updateProviderFormSchema,
    namespace: "providerValidation",
    fixed: { providerId: ID },
    fields: ["kind", ...PROVIDER_PROFILE],
    cases: [{ spacesTotal: "2", spacesOpen: "5", region: "Ontario" }],
  },
  {
    name: "document upload",
    schema: uploadDocumentSchema,
    namespace: "documentValidation",
    // The file's name and size come from the file chosen (lib/documents/http.ts words their problems on the file).
    fields: ["sharing", "providers", "planItem"],
    fixed: { fileName: "letter.pdf", sizeBytes: 1000 },
    cases: [{ sharing: "OWN_ORGANISATION", providers: ID }, { sharing: "CASE_TEAM", planItem: "REFERRAL:nothing" }],
  },
  { name: "document removal", schema: removeDocumentSchema, namespace: "documentValidation", fields: ["documentId"] },
  {
    name: "person correction",
    schema: correctPersonSchema,
    namespace: "correctionValidation",
    fields: ["givenName", "familyName", "dateOfBirth", "gender", "languages", "interpreterLanguage", "citizenship", "clientId", "reason"],
    cases: [{ dateOfBirth: "2999-01-01" }],
  },
  {
    name: "detention correction",
    schema: correctDetentionSchema,
    namespace: "correctionValidation",
    fields: ["facilityId", "detainedOn", "detainedAtTime", "grounds", "schedule", "reason"],
    cases: [{ detainedOn: "2999-01-01", detainedAtTime: "25:61" }],
  },
  { name: "merge", schema: mergePeopleSchema, namespace: "correctionValidation", fields: ["duplicateId", "reason", "confirmed"], cases: [{ duplicateId: ID, reason: "Same person", confirmed: "on" }] },
  {
    name: "outreach contact",
    schema: outreachContactSchema,
    namespace: "outreachValidation",
    fields: ["providerId", "organizationName", "contactedOn", "topic", "outcome", "nextStep", "nextStepDueOn"],
    cases: [
      { contactedOn: "2999-01-01", topic: "Intake" },
      { contactedOn: "2026-02-30" },
      { contactedOn: "2026-06-10", topic: "Intake", organizationName: "Centre", nextStep: "Call back", nextStepDueOn: "" },
      { contactedOn: "2026-06-10", topic: "Intake", organizationName: "Centre", nextStep: "", nextStepDueOn: "2026-06-12" },
      { contactedOn: "2026-06-10", topic: "Intake", organizationName: "Centre", nextStep: "Call back", nextStepDueOn: "2026-06-09" },
    ],
  },
  {
    name: "outreach contact edit",
    schema: updateOutreachContactSchema,
    namespace: "outreachValidation",
    fields: ["providerId", "organizationName", "contactedOn", "topic", "outcome", "nextStep", "nextStepDueOn"],
    fixed: { contactId: ID },
    cases: [{ contactedOn: "2026-06-10", topic: "Intake", organizationName: "Centre", nextStep: "Call back", nextStepDueOn: "2026-13-01" }],
  },
  {
    name: "resource list",
    schema: createResourceListSchema,
    namespace: "resourceListValidation",
    fields: ["name", "description", "topic", "sharing", "sharedOfficeIds"],
    cases: [{ sharing: "NAMED_OFFICES", sharedOfficeIds: "" }],
  },
  { name: "resource list edit", schema: updateResourceListSchema, namespace: "resourceListValidation", fields: ["name", "description", "topic", "sharing", "sharedOfficeIds"] },
  { name: "resource list option", schema: addResourceItemSchema, namespace: "resourceListValidation", fields: ["providerId", "name", "notes"] },
  { name: "resource list option edit", schema: updateResourceItemSchema, namespace: "resourceListValidation", fields: ["name", "notes"], fixed: { itemId: ID } },
  { name: "family link", schema: linkFamilyMemberSchema, namespace: "familyValidation", fields: ["reference"] },
  { name: "best interests of a child", schema: recordBestInterestsSchema, namespace: "familyValidation", fields: ["ageBand", "whereabouts", "careArrangement", "considerations"] },
  {
    name: "policy change (hours)",
    schema: schedulePolicySchema,
    namespace: "policyValidation",
    fields: ["value", "effectiveOn", "reason"],
    fixed: { key: "earlyAssessmentHours" },
    cases: [{ value: "49", effectiveOn: "2026-02-30", reason: "Pilot" }, { value: "24.5" }, { value: "0x18" }],
  },
  { name: "policy change (flags)", schema: schedulePolicySchema, namespace: "policyValidation", fields: ["value", "effectiveOn", "reason"], fixed: { key: "earlyAssessmentFlags" } },
  {
    name: "targets",
    schema: setTargetsSchema,
    namespace: "targetValidation",
    fields: ["period", ...TARGET_INDICATORS.map((indicator) => `target_${indicator}`)],
    fixed: { officeId: ID, ...Object.fromEntries(TARGET_INDICATORS.map((indicator) => [`version_${indicator}`, "0"])) },
    cases: [{ period: "2026-Q5", target_ASSESSED_WITH_INTERVIEW: "101", target_MEDIAN_DAYS_TO_ASSESSMENT: "-1" }],
  },
  { name: "new user", schema: createUserSchema, namespace: "userValidation", fields: ["name", "email", "role", "organizationId"] },
  { name: "user details", schema: updateUserSchema, namespace: "userValidation", fields: ["name", "email", "role", "organizationId"] },
  {
    name: "password set with a link",
    schema: setPasswordWithLinkSchema,
    namespace: "userValidation",
    fields: ["newPassword", "confirmPassword"],
    fixed: { token: "a".repeat(43) },
    cases: [{ newPassword: "Heron-Willow-Ferry-4417", confirmPassword: "Heron-Willow-Ferry-4418" }],
  },
  {
    name: "vulnerability flag",
    schema: recordFlagSchema,
    namespace: "traffickingValidation",
    fields: ["flag", "details"],
    // Trafficking indicators are a real flag but not this form's: the message says to use the screen.
    cases: [{ flag: "TRAFFICKING_INDICATORS" }],
  },
  {
    name: "trafficking screen",
    schema: recordTraffickingScreenSchema,
    namespace: "traffickingValidation",
    fields: ["disclosureConfirmed", "disclosureMethod", "interpreterLanguage", "indicators", "recruitmentNotes", "controlNotes", "debtNotes", "conditionsNotes", "threatsNotes", "marriageNotes", "outcome"],
    cases: [
      { disclosureConfirmed: "on", disclosureMethod: "IN_PERSON", outcome: "EXPLOITATION" },
      { disclosureConfirmed: "on", disclosureMethod: "PHONE", indicators: "DEBT_UNPAYABLE", outcome: "NO_INDICATORS_IDENTIFIED" },
    ],
  },
  { name: "complaint", schema: fileComplaintSchema, namespace: "complaintValidation", fields: ["officeId", "onBehalfOf", "category", "description", "remedySought"], fixed: { referralId: "" } },
  { name: "complaint review", schema: reviewComplaintSchema, namespace: "complaintValidation", fields: ["handlerId", "investigationNotes"], fixed: { complaintId: ID } },
  { name: "complaint response", schema: respondComplaintSchema, namespace: "complaintValidation", fields: ["outcome", "response"], fixed: { complaintId: ID } },
  { name: "complaint summary for the officer", schema: shareComplaintSchema, namespace: "complaintValidation", fields: ["subjectSummary"], fixed: { complaintId: ID } },
];

function translators(locale: "en" | "fr", namespace?: ValidationNamespace): { shared: Translate; own: Translate | null } {
  const messages = messagesFor(locale);
  const shared = createTranslator({ locale, messages, namespace: "validation" }) as unknown as Translate;
  const own = namespace ? (createTranslator({ locale, messages, namespace }) as unknown as Translate) : null;
  return { shared, own };
}

function inputs(form: Form): Record<string, string>[] {
  const base = { ...HIDDEN, ...form.fixed };
  const empty = Object.fromEntries(form.fields.map((field) => [field, ""]));
  const wrong = Object.fromEntries(form.fields.map((field) => [field, WRONG]));
  return [{ ...base, ...empty }, { ...base, ...wrong }, ...(form.cases ?? []).map((values) => ({ ...base, ...empty, ...values }))];
}

describe.each(["en", "fr"] as const)("field messages in %s", (locale) => {
  const generic = (() => {
    const { shared } = translators(locale);
    return ["required", "invalidChoice", "tooShort", "tooLong", "invalidFormat", "invalid", "date", "time", "dateTime"].map((key) => shared(key));
  })();

  it.each(FORMS.map((form) => [form.name, form]))("%s: every field error names its field and none is generic", (_name, form) => {
    const { shared, own } = translators(locale, form.namespace);
    let worded = 0;
    for (const input of inputs(form)) {
      const parsed = form.schema.safeParse(input);
      // A form whose every field is optional (the plan) accepts being empty; the wrong values are still refused.
      if (parsed.success) continue;
      const issues = parsed.error!.issues.map((issue) => ({ field: issue.path.join(".") || "form", key: issue.message, code: issue.code }));
      const messages = fieldMessages(issues, shared, own);
      for (const [field, message] of Object.entries(messages)) {
        expect(Object.keys(HIDDEN), `${field} is a hidden field: the input should have set it`).not.toContain(field);
        expect(generic, `${form.name}.${field}: "${message}"`).not.toContain(message);
        const named = fieldName(field, shared, own);
        expect(named, `${form.name}.${field} has no name in the catalogue (fields.{text,choice,date,time}.${field})`).not.toBeNull();
        const key = issues.find((issue) => issue.field === field)!.key;
        // A form's own message for its own rule ("hearingLocation") says what to do in its own words.
        if (own?.has(key) && !shared.has(key)) continue;
        expect(message.toLocaleLowerCase(), `${form.name}.${field}: "${message}"`).toContain(named!.name.toLocaleLowerCase());
        worded++;
      }
    }
    expect(worded).toBeGreaterThan(0);
  });
});

describe("field messages say how to fix it", () => {
  const { shared } = translators("en");
  const { shared: sharedFr } = translators("fr");
  const wordOf = (input: Record<string, string>, field: string, translate = shared) => {
    const parsed = intakeSchema.safeParse({ ...input });
    const issues = parsed.error!.issues.map((issue) => ({ field: issue.path.join(".") || "form", key: issue.message, code: issue.code }));
    return fieldMessages(issues, translate)[field];
  };

  it("asks for a required date, with an example, rather than calling it badly formatted", () => {
    expect(wordOf({ dateOfBirth: "" }, "dateOfBirth")).toBe("Enter the date of birth, for example 1990-04-12.");
    expect(wordOf({ dateOfBirth: "" }, "dateOfBirth", sharedFr)).toBe("Entrez la date de naissance, par exemple 1990-04-12.");
  });

  it("says what is wrong with a well-formed date", () => {
    expect(wordOf({ dateOfBirth: "2999-01-01" }, "dateOfBirth")).toBe("The date of birth cannot be in the future.");
    expect(wordOf({ dateOfBirth: "2999-01-01" }, "dateOfBirth", sharedFr)).toBe("La date de naissance ne peut pas être dans le futur.");
  });

  it("asks to choose what is chosen and to enter what is typed", () => {
    expect(wordOf({}, "facilityId")).toBe("Choose the facility.");
    expect(wordOf({ familyName: "" }, "familyName")).toBe("Enter the family name.");
    const parsed = answerReferralSchema.safeParse({ ...HIDDEN, status: "DECLINED", declineReason: "" });
    const issues = parsed.error!.issues.map((issue) => ({ field: issue.path.join("."), key: issue.message, code: issue.code }));
    expect(fieldMessages(issues, shared).declineReason).toBe("Choose a reason for declining.");
    expect(fieldMessages(issues, sharedFr).declineReason).toBe("Choisissez un motif de refus.");
  });

  it("names a field by the form's own catalogue where one name does not fit every form", () => {
    const own = translators("en", "reviewValidation").own!;
    const parsed = scheduleHearingSchema.safeParse({ ...HIDDEN, date: "10/06/2026", time: "10:00", location: "Room 2" });
    const issues = parsed.error!.issues.map((issue) => ({ field: issue.path.join("."), key: issue.message, code: issue.code }));
    expect(fieldMessages(issues, shared, own)).toEqual({ date: "Enter the hearing date as a real date, for example 2026-06-10." });
  });

  it("words a provider's spaces and an outreach contact's either-or in the form's own terms", () => {
    const words = (schema: z.ZodType, namespace: ValidationNamespace, input: Record<string, unknown>, locale: "en" | "fr" = "en") => {
      const { shared: ownShared, own } = translators(locale, namespace);
      const parsed = schema.safeParse(input);
      const issues = parsed.error!.issues.map((issue) => ({ field: issue.path.join("."), key: issue.message, code: issue.code }));
      return fieldMessages(issues, ownShared, own);
    };
    const provider = { name: "Island Welcome House", kind: "COMMUNITY", region: "Pacific", languages: "English", spacesTotal: "2", spacesOpen: "5" };
    expect(words(createProviderFormSchema, "providerValidation", provider)).toEqual({
      spacesOpen: "The spaces open now cannot be more than the spaces in total: lower the spaces open or raise the total.",
    });
    expect(words(createProviderFormSchema, "providerValidation", { ...provider, spacesTotal: "2.5", spacesOpen: "1", region: "" })).toEqual({
      region: "Enter the region served.",
      spacesTotal: "Enter the spaces in total as a whole number from 0 to 100,000.",
    });
    expect(words(outreachContactSchema, "outreachValidation", { contactedOn: "2026-06-01", topic: "Intake" }, "fr")).toEqual({
      organizationName: "Choisissez un fournisseur du répertoire ou entrez le nom de l'organisation.",
    });
  });
});
