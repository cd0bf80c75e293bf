/**
 * The facility clock: the one module that converts between a facility's wall clock and instants.
 *
 * The law counts days on the calendar where the person is held (Canada spans six time zones), and people type
 * times on the facility's clock; the database stores UTC instants. Every conversion between the two goes through
 * here, on @date-fns/tz, so a time skipped or repeated by a daylight-saving change resolves the same way
 * everywhere. Pure functions, no I/O.
 *
 * - A wall-clock time that does not exist (skipped by a spring-forward change) resolves forward, as TZDate does:
 *   02:30 on a night that jumps from 02:00 to 03:00 is read as 03:30.
 * - A day's first instant is its local 00:00 (later when midnight itself is skipped); its last instant is one
 *   millisecond before the next local day begins, so a day ending in a repeated hour ends at the later 23:59.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths } from "date-fns";

const knownTimeZones = new Set<string>();

/**
 * Throws a RangeError unless `timeZone` names a zone of the IANA time zone database. A fixed UTC offset
 * ("+05:00", which newer runtimes accept) is refused: it has no daylight-saving rules, so every deadline computed
 * with it would be an hour off for half the year.
 */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(
      `Unknown time zone ${JSON.stringify(timeZone)}: give the facility's IANA time zone name, such as "America/Toronto", "America/St_Johns" or "America/Vancouver".`,
    );
  }
}

/** Whether `timeZone` names an IANA zone (not a fixed offset). */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string") return false;
  if (knownTimeZones.has(timeZone)) return true;
  if (/^[+-]/.test(timeZone.trim()) || timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
  } catch {
    return false;
  }
  knownTimeZones.add(timeZone);
  return true;
}

/** Throws a RangeError when a date is missing or invalid, rather than computing a meaningless deadline. */
export function assertInstant(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${what} is not a valid date (received ${String(value)}).`);
  }
}

// ------------------------------------------------------------------------------------------ wall clock ⇄ instant

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant of a local date ("2026-06-03") and time ("14:30") on the facility's clock. Null when the text is
 * not a real calendar date and time (31 February, 13th month, 25:00): never rolled over silently.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date | null {
  assertTimeZone(timeZone);
  const dateMatch = DATE.exec(date);
  const timeMatch = TIME.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
  const [hour, minute] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  // Check the calendar on UTC, where no day is skipped: a DST gap must not make a real date look invalid.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

/** A `datetime-local` form value ("2026-06-02T14:30") on the facility's clock, as an instant; null if not real. */
export function dateTimeLocalToInstant(value: string, timeZone: string): Date | null {
  const [date, time, ...rest] = value.split("T");
  if (date === undefined || time === undefined || rest.length > 0) {
    assertTimeZone(timeZone);
    return null;
  }
  return wallClockToInstant(date, time, timeZone);
}

/** The local date ("2026-06-10") and time ("14:30") of an instant on the facility's clock: for form values. */
export function instantToWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  assertTimeZone(timeZone);
  assertInstant(instant, "The date");
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** The `datetime-local` value ("2026-06-02T14:30") of an instant on the facility's clock. */
export function instantToDateTimeLocal(instant: Date, timeZone: string): string {
  const { date, time } = instantToWallClock(instant, timeZone);
  return `${date}T${time}`;
}

/** Today's date ("2026-06-02") on the facility's clock. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return instantToWallClock(now, timeZone).date;
}

// ------------------------------------------------------------------------------------------ local calendar days

/** The local calendar day containing `instant`, as a TZDate at its first instant in `timeZone`. */
function localDayOf(instant: Date, timeZone: string): TZDate {
  const local = new TZDate(instant.getTime(), timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone);
}

/** The first instant of the local day `day` (usually 00:00; later if midnight falls in a DST gap). */
function firstInstantOf(day: TZDate): Date {
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), day.timeZone).getTime());
}

/** The last instant of the local day `day`: one millisecond before the next local day begins. */
function lastInstantOf(day: TZDate): Date {
  const nextDay = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, day.timeZone);
  return new Date(nextDay.getTime() - 1);
}

/** The first instant (00:00 local) of the calendar day containing `date` in `timeZone`. */
export function startOfLocalDay(date: Date, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(date, "The date");
  return firstInstantOf(localDayOf(date, timeZone));
}

/** The last instant (23:59:59.999 local) of the calendar day containing `date` in `timeZone`. */
export function endOfLocalDay(date: Date, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(date, "The date");
  return lastInstantOf(localDayOf(date, timeZone));
}

/**
 * The first instant of the local calendar day `days` days after the local date of `date` (negative `days` count
 * back). Calendar days, not 24-hour periods, so DST changes do not shift it.
 */
export function addLocalDays(date: Date, days: number, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(date, "The date");
  return firstInstantOf(addDays(localDayOf(date, timeZone), days));
}

/**
 * The first instant of the local calendar day `months` months after the local date of `date`: the same day
 * number, or the last day of the month when that month has no such day (Interpretation Act s.28(c): 31 January
 * + 1 month is 28 February, or 29 in a leap year). date-fns addMonths clamps the same way.
 */
export function addLocalMonths(date: Date, months: number, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(date, "The date");
  return firstInstantOf(addMonths(localDayOf(date, timeZone), months));
}

/**
 * "By the end of the Nth day after" an event: the last instant of the local calendar day `days` days after the
 * event's local date. Interpretation Act s.27(2): the day of the event is excluded and the last day is included
 * (a first review on 3 June puts the 7th day on 10 June).
 */
export function endOfLocalDayAfter(event: Date, days: number, timeZone: string): Date {
  assertTimeZone(timeZone);
  assertInstant(event, "The date");
  return lastInstantOf(addDays(localDayOf(event, timeZone), days));
}

/** The end of a local date ("2026-06-10") in the facility's zone: a task due on that day is due until then. */
export function endOfLocalDate(date: string, timeZone: string): Date | null {
  const start = wallClockToInstant(date, "00:00", timeZone);
  return start ? endOfLocalDay(start, timeZone) : null;
}
