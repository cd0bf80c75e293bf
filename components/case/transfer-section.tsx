import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFileTransfers } from "@/lib/case-file/queries";
import { formatDateTime } from "@/lib/format";
import { localToday } from "@/lib/time/facility-clock";
import type { AppLocale } from "@/lib/i18n/locales";
import { Fact } from "@/components/case/section";
import { TransferForm } from "@/components/case/transfer-form";

/**
 * The case page's facility section: where the person is held now, the transfers between facilities (each shown on
 * the clock of the facility the person left), and, for the office's CLOs and supervisors while the person is
 * detained, the form to record a transfer, collapsed until opened.
 */
export async function TransferSection({
  detention,
  facility,
  transfers,
  now,
}: {
  detention: { id: string; version: number };
  facility: { name: string; timeZone: string };
  transfers: CaseFileTransfers;
  now: Date;
}) {
  const t = await getTranslations("caseTransfer");
  const locale = (await getLocale()) as AppLocale;
  const { history, destinations } = transfers;
  return (
    <>
      <dl className="mb-3">
        <Fact term={t("current")}>{t("currentValue", { facility: facility.name, timeZone: facility.timeZone })}</Fact>
      </dl>
      <h3 className="mb-2 font-semibold">{t("historyTitle")}</h3>
      {history.length === 0 ? (
        <p className="mb-3 text-sm text-slate-700">{t("noTransfers")}</p>
      ) : (
        <div tabIndex={0} className="mb-3 table-scroll rounded border border-slate-300">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.when")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.from")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.to")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.handOver")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((row) => (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {formatDateTime(row.transferredAt, row.from.timeZone, locale)} <span className="text-slate-600">({row.from.timeZone})</span>
                  </th>
                  <td className="px-3 py-2">{row.from.name}</td>
                  <td className="px-3 py-2">{row.to.name}</td>
                  <td className="px-3 py-2">{row.handedOver ? t("handOverValue", { from: row.from.officeName, to: row.to.officeName }) : t("sameOffice", { office: row.to.officeName })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {destinations && (
        <details className="rounded border border-slate-300 p-3">
          <summary className="cursor-pointer font-semibold text-brand-800">{t("recordSummary")}</summary>
          <TransferForm detentionId={detention.id} version={detention.version} zone={facility.timeZone} today={localToday(facility.timeZone, now)} destinations={destinations} />
        </details>
      )}
    </>
  );
}
