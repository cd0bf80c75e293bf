import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSavedLocale } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { messagesFor } from "@/lib/i18n/catalogues";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type AppLocale } from "@/lib/i18n/locales";

/** The language chosen with the switcher (a cookie, also saved on the user), else the browser's preference. */
export async function currentLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  // No choice on this browser yet: a signed-in user's saved language follows them.
  try {
    const saved = await getSavedLocale();
    if (saved) return saved;
  } catch (error) {
    // With the database unreachable the page must still render (its "service unavailable" message): use the browser's language.
    if (!isDatabaseUnavailable(error)) throw error;
  }
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  const messages = messagesFor(locale);
  // Dates are shown in the facility's zone where one applies (passed explicitly); this is the fallback.
  return { locale, messages, timeZone: "America/Toronto" };
});
