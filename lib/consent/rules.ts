import { TZDate } from "@date-fns/tz";

/**
 * A wall-clock time typed in a form ("2026-06-02T14:30", from a datetime-local field) read in the facility's
 * zone: the person gave consent where they are held, and the record stores UTC.
 */
export function localDateTimeToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return new Date(date.getTime());
}

/** Consent is recorded once it was given: a time in the future (beyond a little clock drift) is a typing mistake. */
export function givenAtIsPlausible(givenAt: Date, now: Date): boolean {
  return givenAt.getTime() <= now.getTime() + 5 * 60_000;
}

/** The value of a datetime-local field for an instant, in the given zone. */
export function utcToLocalDateTime(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}
