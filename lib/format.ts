import type { AppLocale } from "@/lib/i18n/locales";

/*
 * Dates and times as people read them, in the facility's zone. Built on Intl formatters kept per (locale, zone,
 * style): constructing an Intl.DateTimeFormat costs about 100 µs, formatting with one about 2 µs, and a caseload
 * page formats a few hundred dates. The output is date-fns's "PP" and "PP p" (checked in tests/unit/format.test.ts).
 */

const TAGS: Record<AppLocale, string> = { en: "en-CA", fr: "fr-CA" };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat built once per locale tag and options (a handful of zones and styles in practice). */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((entry) => entry.type === type)?.value ?? "";
}

/** A date and time in the given zone, with the zone named (docs/domain.md: timestamps shown in the facility's zone). */
export function formatDateTime(date: Date, timeZone: string, locale: AppLocale): string {
  // Hour and minute from a 24-hour clock in any locale (digits only), written the way each language writes them.
  const clock = dateTimeFormat("en-CA", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
  const hour = Number(part(clock, "hour"));
  const minute = part(clock, "minute");
  const time = locale === "fr" ? `${String(hour).padStart(2, "0")}:${minute}` : `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? "AM" : "PM"}`;
  const zone = part(dateTimeFormat(TAGS[locale], { timeZone, timeZoneName: "short" }).formatToParts(date), "timeZoneName") || timeZone;
  return `${formatDate(date, timeZone, locale)} ${time} ${zone}`;
}

/** A calendar date in the given zone. */
export function formatDate(date: Date, timeZone: string, locale: AppLocale): string {
  return dateTimeFormat(TAGS[locale], { timeZone, dateStyle: "medium" }).format(date);
}

/** A date without time (dates of birth, revisit dates), stored at midnight UTC. */
export function formatCalendarDate(date: Date, locale: AppLocale): string {
  return formatDate(date, "UTC", locale);
}

/** Whole days since detention. */
export function daysDetained(detainedAt: Date, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - detainedAt.getTime()) / 86_400_000));
}

/**
 * A person's name, in one of two orders used across the app (docs/architecture.md, "Layout"): in lists and tables,
 * where people scan and sort by family name, "Family, Given"; in headings and sentences, where it is read as prose,
 * "Given Family".
 */
type PersonName = { givenName: string; familyName: string };

/** "Family, Given": rows of lists and tables. */
export function listName(person: PersonName): string {
  return person.givenName ? `${person.familyName}, ${person.givenName}` : person.familyName;
}

/** "Given Family": headings and sentences. */
export function proseName(person: PersonName): string {
  return `${person.givenName} ${person.familyName}`.trim();
}
