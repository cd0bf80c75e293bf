import { z } from "zod";
import { AtdMeasure, DetentionGround, InterviewMode, NeedArea } from "@/lib/generated/prisma/enums";
import { optionalLocalDateTime } from "@/lib/validation/dates";
import { lineText, paragraphText } from "@/lib/validation/text";

export const NEED_AREAS = Object.values(NeedArea);
export const ATD_MEASURES = Object.values(AtdMeasure);
export const DETENTION_GROUNDS = Object.values(DetentionGround);
export const INTERVIEW_MODES = Object.values(InterviewMode);

/** Repeated form fields (checkboxes) arrive as nothing, one value or several: always an array here. */
export const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Optional free text of several lines (a textarea): blank becomes null; control characters other than line breaks refused. */
export const optionalText = (max: number) => z.preprocess(blankToUndefined, paragraphText(max).optional()).transform((value) => value ?? null);

/** Optional one-line text (an input): blank becomes null; every control character refused. */
export const optionalLine = (max: number) => z.preprocess(blankToUndefined, lineText(max).optional()).transform((value) => value ?? null);

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

/** Per-ground and per-area fields are named `<prefix>_<ENUM>` so each has its own id and error message. */
export function keyed<P extends string, K extends string>(prefix: P, keys: readonly K[], max: number) {
  return Object.fromEntries(keys.map((key) => [`${prefix}_${key}`, optionalText(max)])) as Record<`${P}_${K}`, ReturnType<typeof optionalText>>;
}

export const assessmentFormSchema = z
  .object({
    detentionId: z.uuid({ message: "invalidChoice" }),
    /** The version the form was rendered from; 0 when no assessment existed yet. */
    version: z.coerce.number({ message: "invalid" }).int().min(0),
    intent: z.enum(["save", "complete"], { message: "invalidChoice" }),
    /** Whether an interview took place: HELD, NOT_HELD, or blank while it is still to come (drafts only). */
    interview: z.enum(["HELD", "NOT_HELD", ""], { message: "invalidChoice" }).default(""),
    // datetime-local, read on the facility's clock by the data layer, which also refuses a time still to come.
    interviewAt: optionalLocalDateTime({ message: "interviewAtFormat", notAfter: "today" }),
    interviewMode: z.preprocess((value) => (value === "" ? undefined : value), z.enum(INTERVIEW_MODES, { message: "invalidChoice" }).optional()),
    interviewLanguage: optionalLine(100),
    interpreterUsed: checkbox,
    noInterviewReason: optionalText(2000),
    needs: repeated(z.enum(NEED_AREAS, { message: "invalidChoice" })),
    recommendedMeasures: repeated(z.enum(ATD_MEASURES, { message: "invalidChoice" })),
    riskOpinion: optionalText(4000),
    ...keyed("needNotes", NEED_AREAS, 2000),
    ...keyed("concern", DETENTION_GROUNDS, 4000),
    ...keyed("mitigation", DETENTION_GROUNDS, 4000),
  })
  .superRefine((form, context) => {
    if (form.interview === "HELD") {
      if (!form.interviewAt) context.addIssue({ code: "custom", path: ["interviewAt"], message: "interviewAtRequired" });
      if (!form.interviewMode) context.addIssue({ code: "custom", path: ["interviewMode"], message: "interviewModeRequired" });
      if (!form.interviewLanguage) context.addIssue({ code: "custom", path: ["interviewLanguage"], message: "interviewLanguageRequired" });
    }
    if (form.interview === "NOT_HELD" && !form.noInterviewReason) {
      context.addIssue({ code: "custom", path: ["noInterviewReason"], message: "noInterviewReasonRequired" });
    }
  });

export type AssessmentForm = z.infer<typeof assessmentFormSchema>;
