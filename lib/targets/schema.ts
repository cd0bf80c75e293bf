import { z } from "zod";
import { parsePeriod, targetMaximum, TARGET_INDICATORS, type TargetIndicator } from "@/lib/targets/rules";

/** A period typed or chosen: "2026-Q4" or "2026". */
export const periodField = z
  .string({ message: "required" })
  .trim()
  .min(1, "required")
  .refine((text) => parsePeriod(text) !== null, "period");

/** A target's value as typed: blank means "no target"; otherwise a number within the indicator's range. */
function targetValue(indicator: TargetIndicator) {
  const maximum = targetMaximum(indicator);
  return z.preprocess(
    (raw) => (typeof raw === "string" ? (raw.trim() === "" ? null : Number(raw.trim().replace(",", "."))) : (raw ?? null)),
    z.number({ message: `targetRange.${indicator}` }).min(0, `targetRange.${indicator}`).max(maximum, `targetRange.${indicator}`).nullable(),
  );
}

/** The version of each target the form was built from (0: there was none), to detect another administrator's edit. */
const versionField = z.coerce.number({ message: "invalid" }).int("invalid").min(0, "invalid");

/** One office's targets for one period, every indicator in one form (`target_<INDICATOR>`, `version_<INDICATOR>`). */
export const setTargetsSchema = z.object({
  officeId: z.uuid({ message: "invalidChoice" }),
  period: periodField,
  ...Object.fromEntries(TARGET_INDICATORS.map((indicator) => [`target_${indicator}`, targetValue(indicator)])),
  ...Object.fromEntries(TARGET_INDICATORS.map((indicator) => [`version_${indicator}`, versionField])),
}) as unknown as z.ZodType<SetTargetsInput>;

export type SetTargetsInput = { officeId: string; period: string } & { [Key in `target_${TargetIndicator}`]: number | null } & { [Key in `version_${TargetIndicator}`]: number };

/** The targets report's query string: a period and, for an administrator, an office. */
export const targetReportSchema = z.object({
  period: periodField.optional(),
  officeId: z.uuid({ message: "invalidChoice" }).optional(),
});
