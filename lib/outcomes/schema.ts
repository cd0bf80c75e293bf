import { z } from "zod";
import { calendarDate, clockTime } from "@/lib/validation/dates";
import { lineText, paragraphText } from "@/lib/validation/text";
import { dollarsToCents } from "@/lib/release-plans/rules";
import { DECISION_MAKERS, OUTCOME_KINDS, RELEASE_TYPES, REPORTING_FREQUENCIES, REPORTING_MODES, type OutcomeConditions } from "@/lib/outcomes/rules";

/**
 * The outcome forms: record an outcome (a release with the conditions actually imposed, a removal, a transfer out,
 * another end), and a supervisor's correction or undo. Messages are catalogue keys (namespace `outcomeValidation`,
 * then `validation`), on the field they are about. Dates and times are the facility's wall clock, converted by the
 * data layer in the facility's zone. Amounts are typed in dollars and kept in cents; negative amounts do not parse.
 */

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blank, z.enum(values, { message: "invalidChoice" }).optional()).transform((value) => value ?? null);
const optionalLine = (max: number) => lineText(max).optional().transform((value) => (value ? value : null));
const optionalParagraph = (max: number) => paragraphText(max).optional().transform((value) => (value ? value : null));
const money = z
  .string({ message: "amountFormat" })
  .optional()
  .transform((text) => dollarsToCents(text ?? ""))
  .refine((cents) => cents === null || (Number.isFinite(cents) && cents >= 0), "amountFormat");

/** The conditions fieldset, as the form posts it. */
const conditionFields = {
  reportingMode: optionalEnum(REPORTING_MODES),
  reportingFrequency: optionalEnum(REPORTING_FREQUENCIES),
  residenceAddress: optionalLine(500),
  bondspersonName: optionalLine(200),
  bondAmount: money,
  cashDeposit: money,
  performanceBond: money,
  ccmsProgram: optionalLine(200),
  ccmsProvider: optionalLine(200),
  curfew: optionalLine(200),
  electronicMonitoring: checkbox,
  otherConditions: optionalParagraph(2000),
};

type ConditionFields = { [K in keyof typeof conditionFields]: z.output<(typeof conditionFields)[K]> };

/** Each condition that needs a second part has it: reporting its frequency, a bondsperson an amount, CCMS its provider. */
function checkConditionPairs(form: ConditionFields, context: z.RefinementCtx) {
  if (form.reportingMode && !form.reportingFrequency) context.addIssue({ code: "custom", path: ["reportingFrequency"], message: "reportingFrequencyRequired" });
  if (!form.reportingMode && form.reportingFrequency) context.addIssue({ code: "custom", path: ["reportingMode"], message: "reportingModeRequired" });
  if (form.bondspersonName && form.bondAmount === null) context.addIssue({ code: "custom", path: ["bondAmount"], message: "bondAmountRequired" });
  if (!form.bondspersonName && form.bondAmount !== null) context.addIssue({ code: "custom", path: ["bondspersonName"], message: "bondspersonNameRequired" });
  if (form.ccmsProgram && !form.ccmsProvider) context.addIssue({ code: "custom", path: ["ccmsProvider"], message: "ccmsProviderRequired" });
}

/** The conditions object stored on the outcome, from the parsed fieldset (null where nothing was imposed). */
export function conditionsOf(form: ConditionFields): OutcomeConditions {
  return {
    reporting: form.reportingMode && form.reportingFrequency ? { mode: form.reportingMode, frequency: form.reportingFrequency } : null,
    residenceAddress: form.residenceAddress,
    bondsperson: form.bondspersonName && form.bondAmount !== null ? { name: form.bondspersonName, amountCents: form.bondAmount } : null,
    cashDepositCents: form.cashDeposit,
    performanceBondCents: form.performanceBond,
    ccms: form.ccmsProvider ? { program: form.ccmsProgram, provider: form.ccmsProvider } : null,
    curfew: form.curfew,
    electronicMonitoring: form.electronicMonitoring,
    other: form.otherConditions,
  };
}

const outcomeFields = {
  kind: z.enum(OUTCOME_KINDS, { message: "invalidChoice" }),
  releaseType: optionalEnum(RELEASE_TYPES),
  date: calendarDate(),
  time: clockTime(),
  decidedBy: optionalEnum(DECISION_MAKERS),
  decisionMakerName: optionalLine(200),
  reason: optionalParagraph(2000),
  ...conditionFields,
};

/** A release carries its conditions; any other outcome none (a fieldset left filled in is not kept). */
function toOutcome<T extends ConditionFields & { kind: (typeof OUTCOME_KINDS)[number]; releaseType: (typeof RELEASE_TYPES)[number] | null }>(form: T) {
  const {
    reportingMode: _mode,
    reportingFrequency: _frequency,
    residenceAddress: _residence,
    bondspersonName: _bondsperson,
    bondAmount: _bond,
    cashDeposit: _cash,
    performanceBond: _performance,
    ccmsProgram: _program,
    ccmsProvider: _provider,
    curfew: _curfew,
    electronicMonitoring: _monitoring,
    otherConditions: _other,
    ...rest
  } = form;
  const release = form.kind === "RELEASE";
  return { ...rest, releaseType: release ? form.releaseType : null, conditions: release ? conditionsOf(form) : null };
}

/** Record how the detention ended. */
export const recordOutcomeSchema = z
  .object({ detentionId: uuid, detentionVersion: version, ...outcomeFields })
  .superRefine(checkConditionPairs)
  .transform(toOutcome);
export type RecordOutcomeInput = z.infer<typeof recordOutcomeSchema>;

/** A supervisor's correction: the outcome in force is superseded by the one on this form, with the reason why. */
export const correctOutcomeSchema = z
  .object({ detentionId: uuid, outcomeId: uuid, outcomeVersion: version, correctionReason: paragraphText(2000).min(1, "required"), ...outcomeFields })
  .superRefine(checkConditionPairs)
  .transform(toOutcome);
export type CorrectOutcomeInput = z.infer<typeof correctOutcomeSchema>;

/** A supervisor's undo: the outcome was recorded by mistake; the person is detained again as before. */
export const undoOutcomeSchema = z.object({ detentionId: uuid, outcomeId: uuid, outcomeVersion: version, undoReason: paragraphText(2000).min(1, "required") });
export type UndoOutcomeInput = z.infer<typeof undoOutcomeSchema>;

/** The stored conditions read back (a JSON column): anything that is not the shape reads as none. */
const storedConditions = z.object({
  reporting: z.object({ mode: z.enum(REPORTING_MODES), frequency: z.enum(REPORTING_FREQUENCIES) }).nullable(),
  residenceAddress: z.string().nullable(),
  bondsperson: z.object({ name: z.string(), amountCents: z.number().int() }).nullable(),
  cashDepositCents: z.number().int().nullable(),
  performanceBondCents: z.number().int().nullable(),
  ccms: z.object({ program: z.string().nullable(), provider: z.string() }).nullable(),
  curfew: z.string().nullable(),
  electronicMonitoring: z.boolean(),
  other: z.string().nullable(),
});

export function readConditions(value: unknown): OutcomeConditions | null {
  const parsed = storedConditions.safeParse(value);
  return parsed.success ? parsed.data : null;
}
