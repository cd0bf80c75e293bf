import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ProviderRow } from "@/lib/providers/queries";
import { SUPPORT_FILTERS } from "@/lib/providers/schema";

/** A provider's profile as a description list: services, who it serves, languages, region, spaces, contact. */
export async function ProviderFacts({ provider, locale, showContact = true }: { provider: ProviderRow; locale: AppLocale; showContact?: boolean }) {
  const t = await getTranslations("providers");
  const list = (values: string[]) => (values.length > 0 ? values.join(", ") : t("none"));
  const supports = SUPPORT_FILTERS.filter((flag) => provider[flag]).map((flag) => t(`supports.${flag}`));
  const contact = [provider.contactName, provider.contactEmail, provider.contactPhone].filter((value): value is string => !!value);
  return (
    <div className="mt-1 text-sm">
      <p className="mb-2 text-slate-700">
        <span className="font-medium">{t(`kinds.${provider.kind}`)}</span>
        {provider.description ? <> · {provider.description}</> : null}
      </p>
      <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("fields.services")}</dt>
        <dd>{list(provider.services.map((service) => t(`services.${service}`)))}</dd>
        <dt className="font-medium">{t("fields.servesGenders")}</dt>
        <dd>{list(provider.servesGenders.map((gender) => t(`genders.${gender}`)))}</dd>
        <dt className="font-medium">{t("fields.supports")}</dt>
        <dd>{list(supports)}</dd>
        <dt className="font-medium">{t("fields.riskLevelsAccepted")}</dt>
        <dd>{list(provider.riskLevelsAccepted.map((risk) => t(`riskLevels.${risk}`)))}</dd>
        <dt className="font-medium">{t("fields.languages")}</dt>
        <dd>{list(provider.languages)}</dd>
        <dt className="font-medium">{t("fields.region")}</dt>
        <dd>{provider.region}</dd>
        <dt className="font-medium">{t("fields.spaces")}</dt>
        <dd>
          {provider.spacesOpen === 0 ? <strong>{t("noSpacesOpen")}</strong> : t("spacesOpen", { open: provider.spacesOpen, total: provider.spacesTotal })}
          {" · "}
          <span className="text-slate-600">{t("capacityUpdated", { when: formatDateTime(provider.capacityUpdatedAt, provider.timeZone, locale) })}</span>
        </dd>
        {showContact && (
          <>
            <dt className="font-medium">{t("fields.contact")}</dt>
            <dd>{contact.length > 0 ? contact.join(" · ") : t("none")}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
