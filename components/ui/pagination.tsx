import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the rest of the query string. Works without JavaScript. */
export async function Pagination({ page, pageCount, total, hrefFor }: { page: number; pageCount: number; total: number; hrefFor: (page: number) => string }) {
  const t = await getTranslations("table");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p aria-live="polite">{t("pageOf", { page, pageCount, total })}</p>
      <ul className="flex gap-2">
        <li>
          {page > 1 ? (
            <Link className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100" href={hrefFor(page - 1)} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span aria-disabled="true" className="rounded border border-slate-200 px-3 py-1 text-slate-500">
              {t("previous")}
            </span>
          )}
        </li>
        <li>
          {page < pageCount ? (
            <Link className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100" href={hrefFor(page + 1)} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span aria-disabled="true" className="rounded border border-slate-200 px-3 py-1 text-slate-500">
              {t("next")}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
