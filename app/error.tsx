"use client";

import { useTranslations } from "next-intl";

/**
 * Any failure while rendering a page or running an action that reached no answer (the database unreachable,
 * or a bug): a plain page that claims nothing was done, and a way to try again. Never the error's own text.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("unavailable");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("body")}</p>
      <p className="mb-6">{t("nothingLost")}</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("retry")}
      </button>
    </main>
  );
}
