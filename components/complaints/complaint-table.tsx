import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ComplaintListRow } from "@/lib/complaints/queries";

/** A list of complaints: reference, category, status (overdue said in words, not only colour), filed and due dates. */
export async function ComplaintTable({ rows, caption, empty, showOffice }: { rows: ComplaintListRow[]; caption: string; empty: string; showOffice: boolean }) {
  const t = await getTranslations("complaints");
  const locale = (await getLocale()) as AppLocale;
  const cell = "px-3 py-2";
  return (
    <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.reference")}</th>
            <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.category")}</th>
            <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.status")}</th>
            {showOffice && <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.office")}</th>}
            <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.filed")}</th>
            <th scope="col" className={`${cell} text-left font-semibold`}>{t("columns.due")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr><td colSpan={showOffice ? 6 : 5} className="px-3 py-6 text-center text-slate-600">{empty}</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <th scope="row" className={`${cell} whitespace-nowrap text-left font-medium`}>
                <Link href={`/complaints/${row.id}`} className="text-brand-800 underline">{row.reference}</Link>
              </th>
              <td className={cell}>{t(`category.${row.category}`)}</td>
              <td className={cell}>
                {t(`status.${row.status}`)}
                {row.outcome && <> ({t(`outcome.${row.outcome}`)})</>}
                {row.overdue && <strong className="ml-2 rounded bg-red-100 px-1 text-red-900">{t("overdue")}</strong>}
              </td>
              {showOffice && <td className={cell}>{row.officeName}</td>}
              <td className={cell}>{formatDate(row.filedAt, row.timeZone, locale)}</td>
              <td className={cell}>{formatDate(row.responseDueAt, row.timeZone, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
