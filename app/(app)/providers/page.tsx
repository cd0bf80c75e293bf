import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listProviders, providerFilterOptions } from "@/lib/providers/queries";
import { GENDERS, PROVIDER_KINDS, PROVIDER_SERVICES, providerListParamsSchema, RISK_LEVELS, SUPPORT_FILTERS } from "@/lib/providers/schema";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { ProviderFacts } from "@/components/providers/provider-facts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providers");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProvidersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "providers.view")) notFound();
  const raw = await searchParams;
  const params = providerListParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, firstValue(value)])));
  const [result, options] = await Promise.all([listProviders(actor, params), providerFilterOptions(actor)]);
  const t = await getTranslations("providers");
  const locale = (await getLocale()) as AppLocale;
  const { page: _page, ...current } = params;
  // Whether anything narrows the list beyond the search words (an empty result then offers the search alone).
  const { q: _q, ...filters } = current;
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const control = "w-full rounded border border-slate-500 px-2 py-1";

  return (
    <>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {can(actor, "providers.edit") && (
          <Link href="/providers/new" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
            {t("add")}
          </Link>
        )}
      </div>
      <p className="mb-4 text-slate-700">{t("intro")}</p>

      <form method="get" action="/providers" className="mb-4 rounded border border-slate-300 bg-white p-3" role="search" aria-label={t("filtersLabel")}>
        <div className="grid gap-3 md:grid-cols-4">
          <div className="md:col-span-2">
            <label htmlFor="q" className="mb-1 block text-sm font-medium">{t("search")}</label>
            <input id="q" name="q" type="search" defaultValue={params.q ?? ""} aria-describedby="q-hint" className={control} />
            <p id="q-hint" className="mt-1 text-sm text-slate-600">{t("searchHint")}</p>
          </div>
          <div>
            <label htmlFor="service" className="mb-1 block text-sm font-medium">{t("filters.service")}</label>
            <select id="service" name="service" defaultValue={params.service ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {PROVIDER_SERVICES.map((service) => <option key={service} value={service}>{t(`services.${service}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="gender" className="mb-1 block text-sm font-medium">{t("filters.gender")}</label>
            <select id="gender" name="gender" defaultValue={params.gender ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {GENDERS.map((gender) => <option key={gender} value={gender}>{t(`genders.${gender}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="language" className="mb-1 block text-sm font-medium">{t("filters.language")}</label>
            <select id="language" name="language" defaultValue={params.language ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {options.languages.map((language) => <option key={language} value={language}>{language}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="region" className="mb-1 block text-sm font-medium">{t("filters.region")}</label>
            <select id="region" name="region" defaultValue={params.region ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {options.regions.map((region) => <option key={region} value={region}>{region}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="risk" className="mb-1 block text-sm font-medium">{t("filters.risk")}</label>
            <select id="risk" name="risk" defaultValue={params.risk ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {RISK_LEVELS.map((risk) => <option key={risk} value={risk}>{t(`riskLevels.${risk}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="kind" className="mb-1 block text-sm font-medium">{t("filters.kind")}</label>
            <select id="kind" name="kind" defaultValue={params.kind ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {PROVIDER_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
            </select>
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="mb-1 text-sm font-medium">{t("filters.serves")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {SUPPORT_FILTERS.map((flag) => (
              <label key={flag} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name={flag} value="1" defaultChecked={params[flag] === "1"} />
                {t(`supports.${flag}`)}
              </label>
            ))}
            <label className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="open" value="1" defaultChecked={params.open === "1"} />
              {t("filters.openSpaces")}
            </label>
          </div>
        </fieldset>
        <div className="mt-3 flex gap-3">
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">{t("filters.apply")}</button>
          <Link href="/providers" className="px-3 py-1.5 underline">{t("filters.clear")}</Link>
        </div>
      </form>

      <p className="mb-2 text-sm text-slate-700">{t("resultCount", { total: result.total })}</p>
      {result.rows.length === 0 ? (
        <div className="rounded border border-slate-300 bg-white p-6 text-slate-700">
          <p className="font-semibold">{params.q ? t("emptySearch", { q: params.q }) : t("empty")}</p>
          <p className="mt-1">{t("emptyHint")}</p>
          <ul className="mt-2 list-disc pl-5">
            {params.q && filtered && (
              <li>
                <Link href={hrefWith("/providers", {}, { q: params.q })} className="underline">{t("searchWithoutFilters", { q: params.q })}</Link>
              </li>
            )}
            <li>
              <Link href="/providers" className="underline">{t("showEvery")}</Link>
            </li>
          </ul>
        </div>
      ) : (
        <ul className="space-y-3" aria-label={t("listLabel")}>
          {result.rows.map((provider) => (
            <li key={provider.id} className="rounded border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/providers/${provider.id}`} className="text-brand-800 underline">{provider.name}</Link>
              </h2>
              <ProviderFacts provider={provider} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => hrefWith("/providers", current, { page })} />
    </>
  );
}
