"use client";

import { useTranslations } from "next-intl";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton() {
  const t = useTranslations("planPrint");
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
      {t("print")}
    </button>
  );
}
