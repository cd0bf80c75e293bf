import { z } from "zod";
import { pageSchema } from "@/lib/pagination";
import { calendarDate, clockTime, isCalendarDate } from "@/lib/validation/dates";
import { lineText, optionalLineText, paragraphText } from "@/lib/validation/text";

export const DETENTION_SORTS = ["priority", "nextReviewDueBy", "detainedAt", "familyName", "reference"] as const;
export type DetentionSort = (typeof DETENTION_SORTS)[number];

/**
 * The caseload's status filter: active detentions by default; "Released / ended" gathers every status that ended a
 * detention (ENDED_STATUSES), and each of them can still be picked alone.
 */
export const DETENTION_STATUS_FILTERS = ["DETAINED", "RELEASED_OR_ENDED", "RELEASED", "REMOVED", "TRANSFERRED_OUT", "ENDED", "ALL"] as const;
export type DetentionStatusFilter = (typeof DETENTION_STATUS_FILTERS)[number];
/** The statuses of a detention that is over: the person is no longer held. */
export const ENDED_STATUSES = ["RELEASED", "REMOVED", "TRANSFERRED_OUT", "ENDED"] as const;

export const VULNERABILITY_FLAGS = [
  "MENTAL_HEALTH",
  "MEDICAL",
  "DISABILITY",
  "SOGIE",
  "PREGNANCY",
  "MINOR_DETAINED",
  "MINOR_HOUSED",
  "SEPARATED_FROM_CHILD",
  "TRAFFICKING_INDICATORS",
  "GBV_SURVIVOR",
  "ELDERLY",
  "LANGUAGE_BARRIER",
  "NO_COMMUNITY_TIES",
] as const;
export const PLAN_STATUSES = ["DRAFTING", "READY", "PRESENTED", "RELEASE_ORDERED", "RELEASED", "NOT_ACCEPTED", "WITHDRAWN"] as const;
export const FLAG_FILTERS = ["ALL", "ANY", ...VULNERABILITY_FLAGS] as const;
export const PLAN_FILTERS = ["ALL", "NONE", ...PLAN_STATUSES] as const;
export const REVIEW_DUE_FILTERS = ["ALL", "OVERDUE", "DUE_SOON", "THIS_WEEK"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];
export type PlanFilter = (typeof PLAN_FILTERS)[number];
export type ReviewDueFilter = (typeof REVIEW_DUE_FILTERS)[number];

/** The office caseload table's query string. Unknown values fall back to defaults: a table never errors on a bad link. */
export const detentionListParamsSchema = z.object({
  // The priority queue is the default order (docs/domain.md, Release-first rules).
  sort: z.enum(DETENTION_SORTS).catch("priority"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: pageSchema,
  status: z.enum(DETENTION_STATUS_FILTERS).catch("DETAINED"),
  assigned: z.enum(["me", "office"]).catch("office"),
  flag: z.enum(FLAG_FILTERS).catch("ALL"),
  plan: z.enum(PLAN_FILTERS).catch("ALL"),
  reviewDue: z.enum(REVIEW_DUE_FILTERS).catch("ALL"),
});
export type DetentionListParams = z.infer<typeof detentionListParamsSchema>;

// ------------------------------------------------------------------------------------------ intake

export const GENDERS = ["FEMALE", "MALE", "NON_BINARY", "OTHER", "UNDISCLOSED"] as const;
export const DETENTION_GROUNDS = ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR", "SECURITY_OR_CRIMINALITY_INVESTIGATION", "IDENTITY_NOT_ESTABLISHED", "DESIGNATED_FN_IDENTITY"] as const;
export const REVIEW_SCHEDULES = ["STANDARD", "DESIGNATED_FOREIGN_NATIONAL"] as const;

const uuid = z.uuid({ message: "invalidChoice" });
const optionalText = optionalLineText;
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");
const toArray = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

/** The person's facts, for a new Detainee. */
export const detaineeFieldsSchema = z.object({
  givenName: lineText(200).min(1, "required"),
  familyName: lineText(200).min(1, "required"),
  // Born already, and after 1900: anything else is a typing error, not a person.
  dateOfBirth: calendarDate({ notBefore: "1900-01-01", notAfter: "today" }),
  gender: z.enum(GENDERS, { message: "invalidChoice" }),
  languages: lineText(500)
    .transform((text) =>
      text
        .split(",")
        .map((language) => language.trim())
        .filter((language) => language !== ""),
    )
    .pipe(z.array(z.string().max(80, "tooLong")).min(1, "required")),
  interpreterNeeded: checkbox,
  interpreterLanguage: optionalText(80),
  // ISO 3166-1 alpha-3; "XXA" stateless, "XXX" unknown.
  citizenship: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "invalidFormat"),
  clientId: optionalText(40),
});

/** The detention's facts. The time is read on the facility's clock (lib/detentions/rules.ts). */
export const detentionFieldsSchema = z.object({
  facilityId: uuid,
  // The data layer also refuses a time still to come on the facility's clock (lib/detentions/rules.ts).
  detainedOn: calendarDate({ notAfter: "today" }),
  detainedAtTime: clockTime(),
  grounds: z.preprocess(toArray, z.array(z.enum(DETENTION_GROUNDS, { message: "invalidChoice" })).min(1, "invalidChoice")),
  schedule: z.enum(REVIEW_SCHEDULES, { message: "invalidChoice" }),
});

/** Intake of a person already known (picked from the search): the detention only. */
export const existingPersonIntakeSchema = detentionFieldsSchema.extend({ detaineeId: uuid, searchedClientId: optionalText(40) });
/** Intake of a new person: the person and the detention, in the form's order (the error summary lists them so). */
export const newPersonIntakeSchema = detaineeFieldsSchema.extend(detentionFieldsSchema.shape);
export type ExistingPersonIntake = z.infer<typeof existingPersonIntakeSchema>;
export type NewPersonIntake = z.infer<typeof newPersonIntakeSchema>;

/**
 * The intake form, either kind: a person picked from the search sends their `detaineeId`, a new person sends their
 * facts. The form does not say which; a non-blank `detaineeId` does, so each kind is parsed with its own schema and
 * reports its own fields.
 */
export const intakeSchema = z.preprocess(
  (form) => (typeof form === "object" && form !== null ? { ...form, kind: "detaineeId" in form && typeof form.detaineeId === "string" && form.detaineeId !== "" ? "existing" : "new" } : form),
  z.discriminatedUnion("kind", [existingPersonIntakeSchema.extend({ kind: z.literal("existing") }), newPersonIntakeSchema.extend({ kind: z.literal("new") })]),
);
export type IntakeInput = z.infer<typeof intakeSchema>;

/** The person search before intake; all fields optional, at least one needed to search. */
export const personSearchSchema = z.object({
  name: lineText(200).catch(""),
  // A search for a date that does not exist finds nobody; it must not reach the database as an invalid date.
  dateOfBirth: z.string().trim().refine(isCalendarDate).catch(""),
  clientId: lineText(40).catch(""),
});
export type PersonSearch = z.infer<typeof personSearchSchema>;

// ------------------------------------------------------------------------------------------ case changes

const version = z.coerce.number({ message: "invalid" }).int().min(1);

export const assignSchema = z.object({ detentionId: uuid, version, cloId: uuid });

export const noProspectSchema = z.object({
  detentionId: uuid,
  version,
  reason: paragraphText(2000).min(1, "required"),
  revisitOn: calendarDate(),
});

export const clearNoProspectSchema = z.object({ detentionId: uuid, version });
