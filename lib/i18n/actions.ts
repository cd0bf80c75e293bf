"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { saveOwnLocale } from "@/lib/i18n/mutations";

const localeSchema = z.object({ locale: z.enum(LOCALES) });

/** Remembers the chosen language: a long-lived cookie, and on the user's account when signed in. */
export async function setLocaleAction(formData: unknown): Promise<void> {
  // A public endpoint: the argument is whatever the caller sent, not necessarily a form.
  const parsed = localeSchema.safeParse({ locale: formData instanceof FormData ? formData.get("locale") : undefined });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const actor = await getActor();
  if (actor) await saveOwnLocale(actor, locale);
}
