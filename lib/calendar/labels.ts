import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Labeller } from "@/lib/calendar/rules";

/** Feed text in the feed owner's saved language (a calendar client sends no usable language of its own). */
export function feedLabels(locale: AppLocale): { label: Labeller; calendarName: string } {
  // Keys are built at run time (review kinds), so the translator is used untyped; the catalogue test checks the keys exist.
  const translate = createTranslator({ locale, messages: messagesFor(locale) as AbstractIntlMessages }) as unknown as (key: string, values?: Record<string, string>) => string;
  const label: Labeller = (key, values) => (key.startsWith("kind.") ? translate(`reviewKind.${key.slice(5)}`) : translate(`calendarEvents.${key}`, values));
  return { label, calendarName: translate("calendarEvents.calendarName") };
}
