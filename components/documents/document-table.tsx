import { getLocale, getTranslations } from "next-intl/server";
import type { CaseDocument } from "@/lib/documents/queries";
import { DOCUMENT_TYPE_LABEL, formatFileSize, isAllowedDocumentType } from "@/lib/documents/rules";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { RemoveDocumentForm } from "@/components/documents/remove-document-form";

/**
 * The documents a viewer may see (lib/documents/queries.ts visibleCaseDocuments), with a download link each. Used by
 * the case page and by a provider's referral page; removal is offered on the viewer's own organisation's documents.
 */
export async function DocumentTable({ documents, zone, removable }: { documents: CaseDocument[]; zone: string; removable: boolean }) {
  const t = await getTranslations("documents");
  const tEnums = await getTranslations("caseEnums");
  const tPlan = await getTranslations("planLabels");
  const locale = (await getLocale()) as AppLocale;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  if (documents.length === 0) return <p>{t("none")}</p>;
  const about = (document: CaseDocument) => {
    const item = document.planItem;
    if (!item) return t("planItem.none");
    switch (item.kind) {
      case "BONDSPERSON":
        return t("planItem.BONDSPERSON", { name: item.name });
      case "REFERRAL":
        return t("planItem.REFERRAL", { provider: item.providerName });
      case "MITIGATION":
        return t("planItem.MITIGATION", { ground: tEnums(`ground.${item.ground}`) });
      case "MEASURE":
        return t("planItem.MEASURE", { measure: tPlan(`measure.${item.measure}`) });
    }
  };
  return (
    <div tabIndex={0} className="table-scroll">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption", { total: documents.length })}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.name")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.type")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.size")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.uploadedBy")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.uploadedAt")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.about")}</th>
            <th scope="col" className="px-3 py-2 text-left">{t("columns.sharedWith")}</th>
            {removable && <th scope="col" className="px-3 py-2 text-left">{t("columns.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <a href={`/api/documents/${document.id}`} download className="break-all text-brand-800 underline" aria-label={t("download", { name: document.fileName })}>
                  {document.fileName}
                </a>
              </th>
              <td className="px-3 py-2">{isAllowedDocumentType(document.contentType) ? t(`types.${DOCUMENT_TYPE_LABEL[document.contentType]}`) : document.contentType}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatFileSize(document.sizeBytes, locale)}</td>
              <td className="px-3 py-2">{t("byLine", { author: document.author.name, organization: document.author.organizationName })}</td>
              <td className="px-3 py-2">{formatDateTime(document.createdAt, zone, locale)}</td>
              <td className="px-3 py-2">{about(document)}</td>
              <td className="px-3 py-2">
                {t(`sharing.${document.sharing}`)}
                {document.sharedWithProviders.length > 0 && <> {t("sharedWithProviders", { providers: list.format(document.sharedWithProviders) })}</>}
              </td>
              {removable && <td className="px-3 py-2">{document.ownOrganisation && <RemoveDocumentForm detentionId={document.detentionId} documentId={document.id} fileName={document.fileName} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
