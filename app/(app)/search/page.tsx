import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { firstValue } from "@/lib/query-string";
import { maySearchCases, searchCases } from "@/lib/search/queries";
import { parseSearch, SEARCH_LIMIT, SEARCH_MAX_LENGTH, searchQuerySchema } from "@/lib/search/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title") };
}

/**
 * The results of the shell's search box (/search?q=): the cases of the actor's office whose person's name, reference
 * or UCI match (lib/search). A blank query shows nothing; a query too long or with control characters says why.
 * Only CLOs and supervisors of a CBSA office search: anyone else gets "not found", as for any page they may not use.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!maySearchCases(actor)) notFound();
  const params = await searchParams;
  const t = await getTranslations("search");
  const tStatus = await getTranslations("detentionStatus");
  const parsed = searchQuerySchema.safeParse(firstValue(params.q));
  const search = parsed.success ? parseSearch(parsed.data) : null;
  const result = search ? await searchCases(actor, search) : null;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{search ? t("resultsTitle", { query: search.text }) : t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      {!parsed.success && (
        <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-800">
          {parsed.error.issues[0]?.message === "controlCharacters" ? t("invalid.controlCharacters") : t("invalid.tooLong", { max: SEARCH_MAX_LENGTH })}
        </p>
      )}
      {parsed.success && !search && <p className="text-slate-700">{t("empty")}</p>}
      {search && result && (
        <>
          <p role="status" className="mb-2">
            {result.hits.length === 0 ? t("none", { query: search.text }) : result.more ? t("more", { limit: SEARCH_LIMIT }) : t("count", { count: result.hits.length })}
          </p>
          {result.hits.length > 0 && (
            <div className="overflow-x-auto rounded border border-slate-300 bg-white">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    {(["reference", "person", "status", "office"] as const).map((column) => (
                      <th key={column} scope="col" className="px-3 py-2 text-left font-semibold">
                        {t(column)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.hits.map((hit) => (
                    <tr key={hit.id} className="border-t border-slate-200">
                      <td className="px-3 py-2 whitespace-nowrap">
                        <Link href={`/cases/${hit.id}`} className="font-semibold text-brand-700 underline">
                          {hit.reference}
                        </Link>
                      </td>
                      <td className="px-3 py-2">
                        {hit.familyName}, {hit.givenName}
                      </td>
                      <td className="px-3 py-2">{tStatus(hit.status)}</td>
                      <td className="px-3 py-2">
                        {hit.officeName} · {hit.facilityName}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
