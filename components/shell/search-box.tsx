import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { maySearchCases } from "@/lib/search/queries";
import { SEARCH_MAX_LENGTH } from "@/lib/search/rules";

/**
 * The shell's search box (a `search` landmark with a labelled input): a plain GET form to /search, so it works
 * without JavaScript and a search is a link that can be shared within the office. Shown only to whoever may search
 * (CLOs and supervisors of a CBSA office); the page checks again.
 */
export async function SearchBox({ actor }: { actor: Actor }) {
  if (!maySearchCases(actor)) return null;
  const t = await getTranslations("search");
  return (
    <form role="search" action="/search" method="get" aria-label={t("label")} className="flex items-center gap-1">
      <label htmlFor="shell-search" className="sr-only">
        {t("label")}
      </label>
      <input
        id="shell-search"
        name="q"
        type="search"
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t("placeholder")}
        autoComplete="off"
        className="w-52 rounded border border-white/70 bg-white px-2 py-1 text-slate-900 placeholder:text-slate-600"
      />
      <button type="submit" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
        {/* "Search cases": a page may have a search button of its own (the intake's, the merge's). */}
        {t("submit")}
        <span className="sr-only"> {t("submitScope")}</span>
      </button>
    </form>
  );
}
