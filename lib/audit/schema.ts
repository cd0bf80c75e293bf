import { z } from "zod";
import { pageSchema } from "@/lib/pagination";
import { calendarDate } from "@/lib/validation/dates";
import { lineText } from "@/lib/validation/text";

const optionalText = (max: number) =>
  lineText(max)
    .optional()
    .transform((value) => (value ? value : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(calendarDate().optional());

/** Filters of the audit log, from the query string. A bad value is a clear error, not an empty result. */
export const auditFilterSchema = z
  .object({
    actor: optionalText(320),
    caseReference: optionalText(40),
    action: optionalText(80),
    from: optionalDate,
    to: optionalDate,
    page: pageSchema,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { path: ["to"], message: "dateRange" });

export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** Values that spreadsheet programs would run as formulas are prefixed, so an exported log cannot attack its reader. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
