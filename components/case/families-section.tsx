import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { CaseFamilies } from "@/lib/families/case-queries";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { ResourceListItems } from "@/components/resource-lists/resource-list-items";
import { Fact } from "@/components/case/section";
import { BestInterestsForm } from "@/components/families/family-forms";

/**
 * "Families and minors": shown only when a minor-related flag the viewer may see is on the case (lib/families/rules.ts).
 * The office's lists for families and minors (own and shared), the region's family-capable providers, and the case
 * team's record of the child's best interests (IRPR s.248.1).
 */
export async function FamiliesSection({ detentionId, zone, families, minorFlags }: { detentionId: string; zone: string; families: CaseFamilies; minorFlags: VulnerabilityFlag[] }) {
  const t = await getTranslations("families");
  const tEnums = await getTranslations("caseEnums");
  const locale = (await getLocale()) as AppLocale;
  const record = families.bestInterests;
  return (
    <div className="space-y-5">
      <p className="text-slate-700">{t("intro", { flags: minorFlags.map((flag) => tEnums(`flag.${flag}`)).join(", ") })}</p>

      {families.recordsBestInterests && (
        <section aria-labelledby="best-interests-title">
          <h3 id="best-interests-title" className="mb-1 text-lg font-semibold">{t("bestInterestsTitle")}</h3>
          <p className="mb-2 text-sm text-slate-700">{t("bestInterestsIntro")}</p>
          {record ? (
            <dl className="mb-2">
              <Fact term={t("ageBand")}>{t(`ageBands.${record.ageBand}`)}</Fact>
              <Fact term={t("whereabouts")}>{t(`whereaboutsValues.${record.whereabouts}`)}</Fact>
              <Fact term={t("careArrangement")}>{t(`careArrangements.${record.careArrangement}`)}</Fact>
              <Fact term={t("considerations")}><span className="whitespace-pre-line">{record.considerations}</span></Fact>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("noBestInterests")}</p>
          )}
          {record && <p className="text-sm text-slate-600">{t("recordedBy", { name: record.recordedBy.name, when: formatDateTime(record.recordedAt, zone, locale) })}</p>}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">{record ? t("reviseBestInterests") : t("recordBestInterests")}</summary>
            <BestInterestsForm detentionId={detentionId} record={record} />
          </details>
        </section>
      )}

      {families.readsLists && (
        <section aria-labelledby="family-lists-title">
          <h3 id="family-lists-title" className="mb-2 text-lg font-semibold">{t("listsTitle")}</h3>
          {families.lists.length === 0 && <p className="text-sm text-slate-600">{t("noLists")}</p>}
          <div className="space-y-3">
            {families.lists.map((list) => (
              <section key={list.id} aria-labelledby={`family-list-${list.id}`} className="rounded border border-slate-200 p-3">
                <h4 id={`family-list-${list.id}`} className="font-semibold">{list.name}</h4>
                <p className="mb-1 text-sm text-slate-600">{t("listFrom", { office: list.officeName })}</p>
                {list.description && <p className="mb-1 text-sm text-slate-700">{list.description}</p>}
                <ResourceListItems items={list.items} />
              </section>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="family-providers-title">
        <h3 id="family-providers-title" className="mb-1 text-lg font-semibold">{t("providersTitle", { region: families.region })}</h3>
        <p className="mb-2 text-sm text-slate-600">{t("providersRule")}</p>
        {families.providers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noProviders")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {families.providers.map((provider) => (
              <li key={provider.id}>
                <Link href={`/providers/${provider.id}`} className="text-brand-800 underline">{provider.name}</Link>
                {" — "}
                {[provider.familiesWithChildren ? t("familiesWithChildren") : null, provider.minors ? t("minors") : null, provider.services.includes("FAMILY_SUPPORT") ? t("familySupport") : null].filter(Boolean).join(", ")}
                {" · "}
                {t("providerSpaces", { count: provider.spacesOpen })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
