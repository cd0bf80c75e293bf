import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listOpenFollowUps, listOutreachContacts, officeTimeZone, type OutreachRow } from "@/lib/outreach/queries";
import { localToday } from "@/lib/time/facility-clock";
import { providerChoices } from "@/lib/providers/queries";
import { pageSchema } from "@/lib/pagination";
import { formatCalendarDate } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";
import { EditOutreachContactForm, FollowUpDoneForm, OutreachContactForm, type ContactValues } from "@/components/outreach/outreach-forms";
import { withClientMessages } from "@/components/ui/client-messages";

/** A stored calendar date (midnight UTC) as the date input's value. */
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

function formValues(contact: OutreachRow): ContactValues {
  return {
    providerId: contact.providerId,
    organizationName: contact.providerId ? "" : contact.organizationName,
    contactedOn: isoDay(contact.contactedOn),
    topic: contact.topic,
    outcome: contact.outcome ?? "",
    nextStep: contact.nextStep ?? "",
    nextStepDueOn: isoDay(contact.nextStepDueOn),
  };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outreach");
  return { title: t("title") };
}

export default withClientMessages(["form", "outreach"], async function OutreachPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "outreach.manage")) notFound();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const [contacts, followUps, providers, timeZone] = await Promise.all([listOutreachContacts(actor, page), listOpenFollowUps(actor), providerChoices(actor), officeTimeZone(actor)]);
  const options = providers.map(({ id, name }) => ({ id, name }));
  const t = await getTranslations("outreach");
  const locale = (await getLocale()) as AppLocale;
  // The date input defaults to today in the office's zone.
  const today = localToday(timeZone);

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro", { office: actor.organizationName })}</p>

      <section aria-labelledby="outreach-follow-ups" className="mb-8">
        <h2 id="outreach-follow-ups" className="mb-1 text-xl font-semibold">{t("followUpsTitle")}</h2>
        <p className="mb-2 text-slate-700">{t("followUpsIntro")}</p>
        {followUps.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFollowUps")}</p>
        ) : (
          <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("followUpsTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.due")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.organization")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.nextStep")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.by")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold"><span className="sr-only">{t("columns.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {followUps.map((contact) => {
                  const overdue = isoDay(contact.nextStepDueOn) < today;
                  return (
                    <tr key={contact.id} className="border-t border-slate-200 align-top">
                      <td className="px-3 py-2 whitespace-nowrap">
                        {formatCalendarDate(contact.nextStepDueOn!, locale)}
                        {overdue && <strong className="block text-red-800">{t("overdue")}</strong>}
                      </td>
                      <th scope="row" className="px-3 py-2 text-left font-medium">{contact.organizationName}</th>
                      <td className="px-3 py-2">{contact.nextStep}</td>
                      <td className="px-3 py-2">{contact.cloName}</td>
                      <td className="px-3 py-2">
                        <FollowUpDoneForm contactId={contact.id} version={contact.version} label={t("followUpLabel", { organization: contact.organizationName, step: contact.nextStep ?? "" })} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="outreach-log" className="mb-8">
        <h2 id="outreach-log" className="mb-2 text-xl font-semibold">{t("logTitle")}</h2>
        <div tabIndex={0} className="mb-3 table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption", { total: contacts.total })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.date")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.organization")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.topic")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.outcome")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.nextStep")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.by")}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.rows.length === 0 && (
                <tr><td colSpan={6} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td></tr>
              )}
              {contacts.rows.map((contact) => (
                <tr key={contact.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{formatCalendarDate(contact.contactedOn, locale)}</td>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {contact.providerId ? <Link href={`/providers/${contact.providerId}`} className="text-brand-800 underline">{contact.organizationName}</Link> : contact.organizationName}
                  </th>
                  <td className="px-3 py-2">{contact.topic}</td>
                  <td className="px-3 py-2">
                    {contact.outcome ?? <span className="text-slate-600">{t("noOutcome")}</span>}
                    <EditOutreachContactForm
                      contactId={contact.id}
                      version={contact.version}
                      label={t("contactLabel", { organization: contact.organizationName, date: formatCalendarDate(contact.contactedOn, locale) })}
                      providers={options}
                      values={formValues(contact)}
                    />
                  </td>
                  <td className="px-3 py-2">
                    {contact.nextStep ? (
                      <>
                        {contact.nextStep} ({formatCalendarDate(contact.nextStepDueOn!, locale)})
                        {contact.nextStepDoneAt && <span className="block text-green-800">{t("done")}</span>}
                      </>
                    ) : (
                      <span className="text-slate-600">{t("noNextStep")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{contact.cloName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={contacts.page} pageCount={contacts.pageCount} total={contacts.total} hrefFor={(p) => `/outreach?page=${p}`} />
        <div className="mt-3">
          <OutreachContactForm providers={options} today={today} />
        </div>
      </section>

      <section aria-labelledby="resource-lists">
        <h2 id="resource-lists" className="mb-1 text-xl font-semibold">{t("listsTitle")}</h2>
        <p className="mb-3 text-slate-700">{t("listsIntro")}</p>
        {/* Resource lists are edited, shared and retired on their own page (lib/resource-lists). */}
        <Link href="/resource-lists" className="text-brand-800 underline">{(await getTranslations("resourceLists"))("openLists")}</Link>
      </section>
    </>
  );
});
