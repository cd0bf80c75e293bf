import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";

/** Switches language with a plain form post: works without JavaScript; each option is named in its own language. */
export async function LocaleSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  const other = locale === "fr" ? { code: "en", label: "English" } : { code: "fr", label: "Français" };
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other.code} />
      <button type="submit" lang={other.code} className="rounded border border-white/70 px-2 py-1 text-sm hover:bg-white/10" aria-label={t("switchLanguage", { language: other.label })}>
        {other.label}
      </button>
    </form>
  );
}
