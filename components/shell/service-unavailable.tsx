import { getTranslations } from "next-intl/server";

/** Shown when the database cannot be reached: plain words, nothing claimed, a way to try again. */
export async function ServiceUnavailable() {
  const t = await getTranslations("unavailable");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("body")}</p>
      <p className="mb-6">{t("nothingLost")}</p>
      <a href="" className="font-semibold text-brand-700 underline">{t("retry")}</a>
    </main>
  );
}
