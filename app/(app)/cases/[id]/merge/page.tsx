import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { mergePage, type MergePerson } from "@/lib/corrections/queries";
import { duplicateSearchSchema } from "@/lib/corrections/schema";
import { formatCalendarDate, listName } from "@/lib/format";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { MergeForm } from "@/components/corrections/merge-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("corrections.merge");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Merging a person recorded twice (supervisors of the case's office: people.merge; anyone else "not found"): the case's
 * person is kept; the supervisor finds the other record within the office, then confirms with a reason.
 */
export default withClientMessages(["corrections.merge", "form"], async function MergePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { id } = await params;
  const raw = await searchParams;
  const search = duplicateSearchSchema.parse({ name: firstValue(raw.name), dateOfBirth: firstValue(raw.dateOfBirth), clientId: firstValue(raw.clientId) });
  const page = await mergePage(actor, id, search, firstValue(raw.duplicate) ?? null);
  if (!page) notFound();
  const t = await getTranslations("corrections.merge");
  const tStatus = await getTranslations("detentionStatus");
  const locale = (await getLocale()) as AppLocale;
  const searchValues = { name: search.name, dateOfBirth: search.dateOfBirth, clientId: search.clientId };
  const path = `/cases/${page.detentionId}/merge`;
  const nameOf = (person: MergePerson) => listName(person);

  const facts = (person: MergePerson, idPrefix: string) => (
    <dl className="text-sm" data-record={idPrefix}>
      {[
        [t("person"), nameOf(person)],
        [t("dateOfBirth"), formatCalendarDate(person.dateOfBirth, locale)],
        [t("clientId"), person.clientId ?? t("none")],
        [t("citizenship"), person.citizenship],
        [t("detentions"), person.detentions.length ? person.detentions.map((detention) => `${detention.reference} (${tStatus(detention.status)})`).join(", ") : t("none")],
        [t("consents"), String(person.consents)],
        [t("counselRecords"), String(person.counselRecords)],
      ].map(([term, value]) => (
        <div key={term} className="border-b border-slate-200 py-1 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-3">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title", { reference: page.reference })}</h1>
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <p className="mb-4">
        <Link href={`/cases/${page.detentionId}`} className="text-brand-800 underline">
          {t("back")}
        </Link>
      </p>
      {firstValue(raw.done) === "1" && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {t("merged")}
        </p>
      )}

      <section aria-labelledby="merge-kept-title" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="merge-kept-title" className="mb-2 text-lg font-semibold">
          {t("keptTitle")}
        </h2>
        {facts(page.kept, "merge-kept")}
      </section>

      <section aria-labelledby="merge-search-title" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="merge-search-title" className="mb-1 text-lg font-semibold">
          {t("searchTitle")}
        </h2>
        <p id="merge-search-hint" className="mb-3 text-sm text-slate-600">
          {t("searchHint")}
        </p>
        <form method="get" action={path} className="flex flex-wrap items-end gap-3" aria-describedby="merge-search-hint">
          <div>
            <label htmlFor="merge-search-name" className="mb-1 block text-sm font-medium">
              {t("searchName")}
            </label>
            <input id="merge-search-name" name="name" defaultValue={search.name} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="merge-search-dateOfBirth" className="mb-1 block text-sm font-medium">
              {t("searchDateOfBirth")}
            </label>
            <input id="merge-search-dateOfBirth" name="dateOfBirth" type="date" defaultValue={search.dateOfBirth} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="merge-search-clientId" className="mb-1 block text-sm font-medium">
              {t("searchClientId")}
            </label>
            <input id="merge-search-clientId" name="clientId" defaultValue={search.clientId} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
            {t("search")}
          </button>
        </form>
        {page.matches && (
          <div tabIndex={0} className="mt-4 table-scroll">
            {page.matches.length === 0 ? (
              <p role="status">{t("noResults")}</p>
            ) : (
              <table className="w-full text-sm">
                <caption className="mb-1 text-left font-medium">{t("resultsCaption", { count: page.matches.length })}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left">{t("person")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("dateOfBirth")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("clientId")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("detentions")}</th>
                    <th scope="col" className="px-3 py-2 text-left">
                      <span className="sr-only">{t("confirmTitle")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.matches.map((person) => (
                    <tr key={person.id} className="border-t border-slate-200">
                      <th scope="row" className="px-3 py-2 text-left font-medium">{nameOf(person)}</th>
                      <td className="px-3 py-2">{formatCalendarDate(person.dateOfBirth, locale)}</td>
                      <td className="px-3 py-2">{person.clientId ?? t("none")}</td>
                      <td className="px-3 py-2">
                        {person.detentions.map((detention) => `${detention.reference} (${tStatus(detention.status)})`).join(", ")}
                        {person.currentlyDetained && <p>{t("currentlyDetained")}</p>}
                      </td>
                      <td className="px-3 py-2">
                        <Link href={hrefWith(path, searchValues, { duplicate: person.id })} className="text-brand-800 underline">
                          {t("choose", { name: nameOf(person) })}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </section>

      {page.duplicate && (
        <section aria-labelledby="merge-confirm-title" className="mb-6 rounded border border-red-300 bg-white p-4">
          <h2 id="merge-confirm-title" className="mb-1 text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p className="mb-3 text-slate-700">{t("confirmIntro")}</p>
          <h3 id="merge-duplicate-title" className="font-semibold">
            {t("duplicateTitle")}
          </h3>
          {facts(page.duplicate, "merge-duplicate")}
          <MergeForm detentionId={page.detentionId} kept={{ id: page.kept.id, version: page.kept.version }} duplicate={{ id: page.duplicate.id, version: page.duplicate.version }} />
        </section>
      )}
    </>
  );
});
