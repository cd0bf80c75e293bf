import type { Metadata } from "next";
import Link from "next/link";
import { CaseReference } from "@/components/case/case-reference";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { intakeOptions, pickedPerson, searchPeople } from "@/lib/detentions/intake-queries";
import { personSearchSchema } from "@/lib/detentions/schema";
import { formatCalendarDate, listName, proseName } from "@/lib/format";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { IntakeForm } from "@/components/intake/intake-form";
import { intakePrefill } from "@/lib/detentions/rules";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseIntake");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default withClientMessages(["caseEnums", "caseIntake", "form"], async function NewCasePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "cases.create")) notFound();
  const raw = await searchParams;
  const search = personSearchSchema.parse({ name: firstValue(raw.name), dateOfBirth: firstValue(raw.dateOfBirth), clientId: firstValue(raw.clientId) });
  const searched = search.name !== "" || search.dateOfBirth !== "" || search.clientId !== "";
  const chosenId = firstValue(raw.detaineeId);
  const [options, matches, chosen] = await Promise.all([
    intakeOptions(actor),
    searched ? searchPeople(actor, search) : Promise.resolve([]),
    chosenId && /^[0-9a-f-]{36}$/i.test(chosenId) ? pickedPerson(actor, chosenId, search.clientId || null) : Promise.resolve(null),
  ]);
  const t = await getTranslations("caseIntake");
  const tStatus = await getTranslations("detentionStatus");
  const locale = (await getLocale()) as AppLocale;
  const today = new Date().toISOString().slice(0, 10);
  const searchValues = { name: search.name, dateOfBirth: search.dateOfBirth, clientId: search.clientId };

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>

      <section aria-labelledby="intake-search-title" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="intake-search-title" className="mb-1 text-lg font-semibold">
          {t("searchTitle")}
        </h2>
        <p id="intake-search-hint" className="mb-3 text-sm text-slate-600">
          {t("searchHint")}
        </p>
        <form method="get" action="/cases/new" className="flex flex-wrap items-end gap-3" aria-describedby="intake-search-hint">
          <div>
            <label htmlFor="search-name" className="mb-1 block text-sm font-medium">
              {t("searchName")}
            </label>
            <input id="search-name" name="name" defaultValue={search.name} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="search-dateOfBirth" className="mb-1 block text-sm font-medium">
              {t("searchDateOfBirth")}
            </label>
            <input id="search-dateOfBirth" name="dateOfBirth" type="date" defaultValue={search.dateOfBirth} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="search-clientId" className="mb-1 block text-sm font-medium">
              {t("searchClientId")}
            </label>
            <input id="search-clientId" name="clientId" defaultValue={search.clientId} className="rounded border border-slate-500 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
            {t("search")}
          </button>
        </form>
        {searched && (
          <div tabIndex={0} className="mt-4 table-scroll">
            {matches.length === 0 ? (
              <p role="status">{t("noResults")}</p>
            ) : (
              <table className="w-full text-sm">
                <caption className="mb-1 text-left font-medium">{t("resultsCaption", { count: matches.length })}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left">{t("columns.person")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("columns.dateOfBirth")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("columns.clientId")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("columns.detentions")}</th>
                    <th scope="col" className="px-3 py-2 text-left">{t("columns.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {matches.map((person) => {
                    const name = listName(person);
                    return (
                      <tr key={person.id} className="border-t border-slate-200">
                        <th scope="row" className="px-3 py-2 text-left font-medium">{name}</th>
                        <td className="px-3 py-2">{formatCalendarDate(person.dateOfBirth, locale)}</td>
                        <td className="px-3 py-2">{person.clientId ?? t("none")}</td>
                        <td className="px-3 py-2">
                          {person.detentions.length === 0
                            ? t("none")
                            : person.detentions.map((detention) => (
                                <span key={detention.id} className="mr-2 inline-block">
                                  <CaseReference reference={detention.reference} href={`/cases/${detention.id}`} />{" "}
                                  ({tStatus(detention.status)})
                                </span>
                              ))}
                        </td>
                        <td className="px-3 py-2">
                          {person.currentlyDetained ? (
                            <span>{t("currentlyDetained")}</span>
                          ) : (
                            <Link href={hrefWith("/cases/new", searchValues, { detaineeId: person.id })} className="text-brand-800 underline">
                              {t("choose", { name })}
                            </Link>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="intake-form-title">
        <h2 id="intake-form-title" className="mb-2 text-lg font-semibold">
          {chosen ? t("chosenTitle", { name: proseName(chosen) }) : t("newPersonTitle")}
        </h2>
        {chosen && (
          <p className="mb-3">
            {t("chosenIntro", { dateOfBirth: formatCalendarDate(chosen.dateOfBirth, locale) })}{" "}
            <Link href={hrefWith("/cases/new", searchValues, {})} className="text-brand-800 underline">
              {t("changePerson")}
            </Link>
          </p>
        )}
        {chosen || searched ? (
          <IntakeForm
            // A new search starts a new form, with what was searched for.
            key={chosen?.id ?? `new:${search.name}|${search.dateOfBirth}|${search.clientId}`}
            facilities={options.facilities}
            chosen={chosen ? { id: chosen.id, searchedClientId: search.clientId || null } : null}
            today={today}
            prefill={intakePrefill(search)}
          />
        ) : (
          // A person is searched for before a new one is recorded, so someone detained again is not duplicated.
          <p>{t("searchFirst")}</p>
        )}
      </section>
    </>
  );
});
