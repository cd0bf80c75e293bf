import { z } from "zod";
import { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { calendarDate } from "@/lib/validation/dates";
import { lineText } from "@/lib/validation/text";
import { POLICY_SETTINGS } from "@/lib/policy/rules";

/**
 * National policy is set in Ottawa: a version's effective date is a day, and it takes effect at the start of that
 * day in Eastern time (or at once when the day is today).
 */
export const POLICY_TIME_ZONE = "America/Toronto";

const effectiveOn = calendarDate();
const reason = lineText(500).min(1, "required");
/** A number typed in a form: blank is missing (not zero), anything else is read as a number and checked by the setting. */
const typedNumber = (schema: z.ZodType<number>) => z.preprocess((raw) => (typeof raw === "string" ? (raw.trim() === "" ? undefined : Number(raw.trim())) : raw), schema);

/**
 * Scheduling a new version of one setting. The form names the setting; its value is parsed by the setting's own
 * schema (lib/policy/rules.ts), so what can be stored is what the rules can read.
 */
export const schedulePolicySchema = z.discriminatedUnion(
  "key",
  [
    z.object({ key: z.literal("earlyAssessmentHours"), value: typedNumber(POLICY_SETTINGS.earlyAssessmentHours.schema), effectiveOn, reason }),
    z.object({ key: z.literal("dueSoonHours"), value: typedNumber(POLICY_SETTINGS.dueSoonHours.schema), effectiveOn, reason }),
    z.object({ key: z.literal("complaintResponseDays"), value: typedNumber(POLICY_SETTINGS.complaintResponseDays.schema), effectiveOn, reason }),
    z.object({
      key: z.literal("earlyAssessmentFlags"),
      // Checkboxes: absent when none is ticked, a string for one, an array for several.
      value: z.preprocess(
        (raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((flag) => flag !== ""),
        z.array(z.enum(VulnerabilityFlag, { message: "invalidChoice" })).min(1, { message: "earlyAssessmentFlagsRequired" }),
      ),
      effectiveOn,
      reason,
    }),
  ],
  { message: "invalidChoice" },
);
export type SchedulePolicyInput = z.output<typeof schedulePolicySchema>;

export const withdrawPolicySchema = z.object({ versionId: z.uuid({ message: "invalidChoice" }) });
