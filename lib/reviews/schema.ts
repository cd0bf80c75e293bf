import { z } from "zod";
import { DASHBOARD_GROUPS } from "@/lib/reviews/rules";
import { pageSchema } from "@/lib/pagination";
import { calendarDate, clockTime } from "@/lib/validation/dates";
import { lineText, paragraphText } from "@/lib/validation/text";

export const REVIEW_OUTCOMES = ["CONTINUED", "RELEASE_ORDERED", "ADJOURNED", "WITHDRAWN"] as const;
export const REVIEW_KINDS = ["FORTY_EIGHT_HOUR", "SEVEN_DAY", "THIRTY_DAY", "DFN_FOURTEEN_DAY", "DFN_SIX_MONTH", "EARLY"] as const;

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const localDate = calendarDate();
const localTime = clockTime();
// Blank (or absent) stays "", which the forms' pair rule below reads as "not concluded".
const blankOr = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional()).transform((value) => value ?? "");
const optionalLocalDate = blankOr(localDate);
const optionalLocalTime = blankOr(localTime);
const checkbox = z.literal("on").optional().transform((value) => value === "on");

/** Schedule (or move) the hearing of the detention's next review, in the facility's local time. */
export const scheduleHearingSchema = z
  .object({
    detentionId: uuid,
    detentionVersion: version,
    date: localDate,
    time: localTime,
    byVideo: checkbox,
    location: lineText(300).optional().default(""),
  })
  .refine((value) => value.byVideo || value.location !== "", { path: ["location"], message: "hearingLocation" });

const editableFields = {
  startedDate: localDate,
  startedTime: localTime,
  concludedDate: optionalLocalDate,
  concludedTime: optionalLocalTime,
  outcome: z.enum(REVIEW_OUTCOMES, { message: "invalidChoice" }),
  notes: paragraphText(4000).optional().default(""),
};
const heldFields = { ...editableFields, early: checkbox };

function concludedPair(value: { concludedDate: string; concludedTime: string }) {
  return (value.concludedDate === "") === (value.concludedTime === "");
}

/** Record that the next review was held (or did not take place: WITHDRAWN). */
export const recordReviewSchema = z
  .object({ detentionId: uuid, detentionVersion: version, ...heldFields })
  .refine(concludedPair, { path: ["concludedTime"], message: "concludedBoth" });

/**
 * Correct a review already recorded. The review's own version guards against overwriting someone else's
 * edit. Whether it was an early review is fixed when it is recorded (it decides the review's kind).
 */
export const editReviewSchema = z
  .object({ detentionId: uuid, reviewId: uuid, reviewVersion: version, ...editableFields })
  .refine(concludedPair, { path: ["concludedTime"], message: "concludedBoth" });

export type ScheduleHearingInput = z.infer<typeof scheduleHearingSchema>;
export type RecordReviewInput = z.infer<typeof recordReviewSchema>;
export type EditReviewInput = z.infer<typeof editReviewSchema>;

/** The dashboard's query string: bad values fall back to "no filter" rather than erroring. */
export const reviewDashboardParamsSchema = z.object({
  page: pageSchema,
  group: z.enum(DASHBOARD_GROUPS).optional().catch(undefined),
  officeId: z.uuid().optional().catch(undefined),
  facilityId: z.uuid().optional().catch(undefined),
  kind: z.enum(REVIEW_KINDS).optional().catch(undefined),
});

export type ReviewDashboardParams = z.infer<typeof reviewDashboardParamsSchema>;
