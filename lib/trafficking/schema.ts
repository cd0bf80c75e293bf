import { z } from "zod";
import { optionalLineText, optionalParagraphText } from "@/lib/validation/text";
import { TRAFFICKING_OUTCOMES, outcomeProblem } from "@/lib/trafficking/rules";
import { TraffickingIndicator, type InterviewMode } from "@/lib/generated/prisma/enums";

export const DISCLOSURE_METHODS = ["IN_PERSON", "PHONE", "VIDEO"] as const satisfies readonly InterviewMode[];

const notes = optionalParagraphText(2000);
const indicators = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(TraffickingIndicator, { message: "invalidChoice" })).transform((chosen) => [...new Set(chosen)]),
);

/**
 * The trafficking screen. The disclosure confirmation comes first and is required: without it nothing is recorded,
 * not even the indicators the person chose to share (docs/domain.md, Trafficking screening).
 */
export const recordTraffickingScreenSchema = z
  .object({
    detentionId: z.uuid({ message: "invalidChoice" }),
    disclosureConfirmed: z.literal("on", { message: "disclosureRequired" }).transform(() => true as const),
    disclosureMethod: z.enum(DISCLOSURE_METHODS, { message: "invalidChoice" }),
    // Empty: no interpreter.
    interpreterLanguage: optionalLineText(80),
    indicators,
    recruitmentNotes: notes,
    controlNotes: notes,
    debtNotes: notes,
    conditionsNotes: notes,
    threatsNotes: notes,
    marriageNotes: notes,
    outcome: z.enum(TRAFFICKING_OUTCOMES, { message: "invalidChoice" }),
  })
  .superRefine((value, context) => {
    const problem = outcomeProblem(value.outcome, value.indicators);
    if (problem) context.addIssue({ code: "custom", path: ["outcome"], message: problem });
  });
export type RecordTraffickingScreenInput = z.infer<typeof recordTraffickingScreenSchema>;
