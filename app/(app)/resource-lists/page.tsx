import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { mayEditResourceList } from "@/lib/authz/resource-lists";
import { listResourceLists, shareableOffices } from "@/lib/resource-lists/queries";
import { providerChoices } from "@/lib/providers/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ResourceListView } from "@/lib/resource-lists/queries";
import { ResourceListItems } from "@/components/resource-lists/resource-list-items";
import { MoveItemForm, RemoveItemForm, ResourceItemEditForm, ResourceItemForm, ResourceListForm, RestoreListForm, RetireListForm } from "@/components/resource-lists/resource-list-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resourceLists");
  return { title: t("title") };
}

/**
 * Resource lists: the office's own (edited here by its CLOs and supervisors, retired ones kept below as history) and
 * those other offices share with it (read only). Families-and-minors lists also appear on cases with a minor flag.
 */
export default withClientMessages(["confirmDialog", "form", "resourceLists"], async function ResourceListsPage() {
  const actor = await requireActor();
  // Lists are an office's: CLOs and supervisors of a CBSA office (lib/authz/resource-lists.ts).
  if (!mayEditResourceList(actor, { officeId: actor.organizationId })) notFound();
  const [lists, offices, providers] = await Promise.all([listResourceLists(actor), shareableOffices(actor), providerChoices(actor)]);
  const options = providers.map(({ id, name }) => ({ id, name }));
  const t = await getTranslations("resourceLists");
  const locale = (await getLocale()) as AppLocale;
  const own = lists.filter((list) => list.editable && !list.retiredAt);
  const retired = lists.filter((list) => list.editable && list.retiredAt);
  const shared = lists.filter((list) => !list.editable);

  const heading = (list: ResourceListView) => (
    <>
      <h3 id={`list-${list.id}`} className="text-lg font-semibold">{list.name}</h3>
      <p className="mb-1 text-sm text-slate-700">
        {t(`topics.${list.topic}`)} · {list.editable ? t(`sharingSummary.${list.sharing}`, { offices: list.sharedOffices.map((office) => office.name).join(", ") }) : t("sharedBy", { office: list.officeName })}
      </p>
      {list.description && <p className="mb-2 text-sm text-slate-700">{list.description}</p>}
    </>
  );

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro", { office: actor.organizationName })}</p>

      <section aria-labelledby="own-lists" className="mb-8">
        <h2 id="own-lists" className="mb-2 text-xl font-semibold">{t("ownTitle")}</h2>
        {own.length === 0 && <p className="mb-3 text-sm text-slate-600">{t("noLists")}</p>}
        <div className="space-y-4">
          {own.map((list) => (
            <section key={list.id} aria-labelledby={`list-${list.id}`} className="rounded border border-slate-300 bg-white p-4">
              {heading(list)}
              {list.items.length > 1 && <p className="mb-1 text-sm text-slate-600">{t("orderHint")}</p>}
              <ResourceListItems
                items={list.items}
                actions={(item, index) => (
                  <>
                    <MoveItemForm item={item} listVersion={list.version} canMoveUp={index > 0} canMoveDown={index < list.items.length - 1} />
                    <details className="mt-1">
                      <summary className="cursor-pointer text-sm text-brand-800 underline">{t("changeItem", { item: item.name })}</summary>
                      <ResourceItemEditForm item={item} listVersion={list.version} />
                      <div className="mt-2"><RemoveItemForm item={item} listVersion={list.version} /></div>
                    </details>
                  </>
                )}
              />
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">{t("addItemTo", { list: list.name })}</summary>
                <ResourceItemForm list={list} providers={options} />
              </details>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">{t("editListNamed", { list: list.name })}</summary>
                <div className="mt-2"><ResourceListForm list={list} offices={offices} /></div>
                <div className="mt-2"><RetireListForm list={list} /></div>
              </details>
            </section>
          ))}
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{t("newList")}</summary>
          <div className="mt-2"><ResourceListForm offices={offices} /></div>
        </details>
      </section>

      <section aria-labelledby="shared-lists" className="mb-8">
        <h2 id="shared-lists" className="mb-2 text-xl font-semibold">{t("sharedTitle")}</h2>
        {shared.length === 0 && <p className="text-sm text-slate-600">{t("noShared")}</p>}
        <div className="space-y-4">
          {shared.map((list) => (
            <section key={list.id} aria-labelledby={`list-${list.id}`} className="rounded border border-slate-300 bg-white p-4">
              {heading(list)}
              <ResourceListItems items={list.items} />
            </section>
          ))}
        </div>
      </section>

      {retired.length > 0 && (
        <section aria-labelledby="retired-lists">
          <h2 id="retired-lists" className="mb-2 text-xl font-semibold">{t("retiredTitle")}</h2>
          <div className="space-y-4">
            {retired.map((list) => (
              <section key={list.id} aria-labelledby={`list-${list.id}`} className="rounded border border-slate-300 bg-slate-50 p-4">
                {heading(list)}
                <p className="mb-2 text-sm text-slate-700">{t("retiredOn", { date: formatDateTime(list.retiredAt!, list.officeTimeZone, locale) })}</p>
                <ResourceListItems items={list.items} />
                <div className="mt-2"><RestoreListForm list={list} /></div>
              </section>
            ))}
          </div>
        </section>
      )}
    </>
  );
});
