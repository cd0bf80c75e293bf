import { z } from "zod";

/**
 * Dates and times from forms and query strings, checked for meaning, not shape: 1990-13-01 and 2023-02-29 match
 * \d{4}-\d{2}-\d{2} but are not dates, and before this check reached the database as an invalid Date (a 500 whose
 * log carried the whole query). Every schema's date, time and datetime-local field uses these.
 *
 * Messages are catalogue keys (lib/action-result.ts): `date`, `time`, `dateTime` for a value that is not one (a
 * form may give its own key instead), `dateInFuture`, `dateTooEarly`, `dateTooLate` for one outside its range.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// To the minute: the app's time and datetime-local inputs have no seconds, and the data layer reads HH:MM.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** No date this app records is older or further ahead than these: a value outside is a typing error. */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2100-12-31";

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `text` is YYYY-MM-DD naming a day that exists in the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days;
}

/** Whether `text` is a 24-hour clock time, HH:MM. */
export function isClockTime(text: string): boolean {
  return TIME.test(text);
}

/** Whether `text` is a datetime-local value (YYYY-MM-DDTHH:MM) naming a real date and time. */
export function isLocalDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  return !!match && isCalendarDate(match[1]!) && isClockTime(match[2]!);
}

/**
 * Today's date for "not in the future", one day ahead of UTC: a person in any time zone (UTC+14 at most) is never
 * refused today's date, and a real future date is still refused the day after.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

export type DateRange = {
  /** The catalogue key when the value is not a date (or time); default `date` / `dateTime`. */
  message?: string;
  /** The earliest date accepted (YYYY-MM-DD); default 1900-01-01. */
  notBefore?: string;
  /** "today" for a date that cannot be in the future; default 2100-12-31. */
  notAfter?: "today" | string;
};

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

function checkRange(day: string, range: DateRange, context: z.RefinementCtx) {
  if (day < (range.notBefore ?? EARLIEST_DATE)) context.addIssue({ code: "custom", message: "dateTooEarly" });
  else if (range.notAfter === "today" && day > latestToday()) context.addIssue({ code: "custom", message: "dateInFuture" });
  else if (day > (range.notAfter === "today" || range.notAfter === undefined ? LATEST_DATE : range.notAfter)) context.addIssue({ code: "custom", message: "dateTooLate" });
}

/** A required calendar date, YYYY-MM-DD, within the range. */
export function calendarDate(range: DateRange = {}) {
  return z
    .string({ message: "required" })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: "required" });
      else if (!isCalendarDate(value)) context.addIssue({ code: "custom", message: range.message ?? "date" });
      else checkRange(value, range, context);
    });
}

/** An optional calendar date: absent or blank becomes null. */
export function optionalCalendarDate(range: DateRange = {}) {
  return z.preprocess(blankToUndefined, calendarDate(range).optional()).transform((value) => value ?? null);
}

/** A required clock time, HH:MM on the 24-hour clock. */
export function clockTime(options: { message?: string } = {}) {
  return z
    .string({ message: "required" })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: "required" });
      else if (!isClockTime(value)) context.addIssue({ code: "custom", message: options.message ?? "time" });
    });
}

/** A required datetime-local value (wall-clock time, converted in the facility's zone by the data layer). */
export function localDateTime(range: DateRange = {}) {
  return z
    .string({ message: "required" })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: "required" });
      else if (!isLocalDateTime(value)) context.addIssue({ code: "custom", message: range.message ?? "dateTime" });
      else checkRange(value.slice(0, 10), range, context);
    });
}

/** An optional datetime-local value: absent or blank becomes null. */
export function optionalLocalDateTime(range: DateRange = {}) {
  return z.preprocess(blankToUndefined, localDateTime(range).optional()).transform((value) => value ?? null);
}
