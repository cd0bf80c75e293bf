import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { enCA, frCA } from "date-fns/locale";
import type { AppLocale } from "@/lib/i18n/locales";

const DATE_FNS_LOCALES = { en: enCA, fr: frCA } as const;

function zoneName(date: Date, timeZone: string, locale: AppLocale): string {
  const parts = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { timeZone, timeZoneName: "short" }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** A date and time in the given zone, with the zone named (shared/DESIGN.md: timestamps shown in the facility's zone). */
export function formatDateTime(date: Date, timeZone: string, locale: AppLocale): string {
  const local = new TZDate(date, timeZone);
  return `${format(local, "PP p", { locale: DATE_FNS_LOCALES[locale] })} ${zoneName(date, timeZone, locale)}`;
}

/** A calendar date in the given zone. */
export function formatDate(date: Date, timeZone: string, locale: AppLocale): string {
  return format(new TZDate(date, timeZone), "PP", { locale: DATE_FNS_LOCALES[locale] });
}

/** A date without time (dates of birth, revisit dates), stored at midnight UTC. */
export function formatCalendarDate(date: Date, locale: AppLocale): string {
  return formatDate(date, "UTC", locale);
}

/** Whole days since detention. */
export function daysDetained(detainedAt: Date, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - detainedAt.getTime()) / 86_400_000));
}
