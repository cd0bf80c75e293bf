import { z } from "zod";
import { calendarDate } from "@/lib/validation/dates";

export const REPORT_GROUPINGS = ["office", "clo", "month"] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const REPORT_TABLES = ["indicators", "lengthOfDetention", "releases", "referrals", "outreach"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

const isoDate = calendarDate();

/**
 * The reports' filters. Detentions are counted when their detention began within [from, to]
 * (inclusive calendar dates, UTC). Defaults: the last twelve months, grouped by office.
 */
export const reportFilterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    officeId: z.uuid({ message: "invalidChoice" }).optional(),
    groupBy: z.enum(REPORT_GROUPINGS, { message: "invalidChoice" }).default("office"),
  })
  .transform((filters) => {
    const to = filters.to ?? new Date().toISOString().slice(0, 10);
    const from = filters.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    return { ...filters, from, to };
  })
  .refine((filters) => filters.from <= filters.to, { path: ["to"], message: "dateRange" });

export type ReportFilters = z.infer<typeof reportFilterSchema>;

/** Keeps only the known filter keys, with empty strings treated as absent. */
export function reportQuery(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ["from", "to", "officeId", "groupBy"]) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) query[key] = text;
  }
  return query;
}

/**
 * CBSA's length-of-detention bands (docs/domain.md): up to 24 hours, 25-48 hours, 3-9 days, 10-39 days,
 * 40-99 days, over 99 days. "3-9 days" runs from just past 48 hours to just under 10 days, and so on.
 */
export const LENGTH_BANDS = ["UP_TO_24_HOURS", "25_TO_48_HOURS", "3_TO_9_DAYS", "10_TO_39_DAYS", "40_TO_99_DAYS", "OVER_99_DAYS"] as const;
export type LengthBand = (typeof LENGTH_BANDS)[number];

/** The band of a detention that lasted `hours`. Pure: the same boundaries as the SQL in lib/reports/queries.ts. */
export function lengthBand(hours: number): LengthBand {
  if (hours <= 24) return "UP_TO_24_HOURS";
  if (hours <= 48) return "25_TO_48_HOURS";
  const days = hours / 24;
  if (days < 10) return "3_TO_9_DAYS";
  if (days < 40) return "10_TO_39_DAYS";
  if (days < 100) return "40_TO_99_DAYS";
  return "OVER_99_DAYS";
}
