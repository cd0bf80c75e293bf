import { getLocale, getTranslations } from "next-intl/server";
import type { CaseCounsel, CounselRecordView } from "@/lib/counsel/case-queries";
import { REPLACED } from "@/lib/counsel/rules";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { DecideCounselRequestForms, EndCounselForm, RecordAccountCounselForm, RecordOutsideCounselForm } from "@/components/case/counsel-forms";

/**
 * The case page's counsel of record: who is in force, in one line; the rest collapsed (the history, the requests
 * from counsel waiting for the office, and the forms to record, replace or end counsel). Counsel of record see their
 * own record and may withdraw. The slice comes from the case file's read model (lib/counsel/case-queries.ts).
 */
export async function CounselSection({ detentionId, zone, counsel }: { detentionId: string; zone: string; counsel: CaseCounsel }) {
  const t = await getTranslations("counselOfRecord");
  const locale = (await getLocale()) as AppLocale;
  const when = (date: Date | null) => (date ? formatDateTime(date, zone, locale) : "");

  function who(record: CounselRecordView): string {
    if (record.counsel) return t("account", { name: record.counsel.name, organization: record.counsel.organization });
    if (record.outside) return record.outside.organization ? t("outsideWithOrganization", { name: record.outside.name, organization: record.outside.organization }) : t("outside", { name: record.outside.name });
    return "";
  }
  function shortName(record: CounselRecordView): string {
    return record.counsel?.name ?? record.outside?.name ?? "";
  }

  const { current, requests } = counsel;
  const contact = current?.outside ? [current.outside.phone, current.outside.email].filter(Boolean).join(", ") : "";

  return (
    <>
      <p>
        {current ? t("summary", { name: who(current) }) : t("summaryNone")}
        {requests.length > 0 && <strong className="ml-2">({t("requestsWaiting", { count: requests.length })})</strong>}
      </p>
      {current && (
        <p className="text-sm text-slate-700">
          {t("since", { when: when(current.startedAt) })}
          {contact && <span className="ml-2">{t("contact", { contact })}</span>}
        </p>
      )}

      {!counsel.mayRecord && current && counsel.mayEndCurrent && (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-800 underline">{t("withdrawTitle")}</summary>
          <EndCounselForm detentionId={detentionId} recordId={current.id} version={current.version} withdraw />
        </details>
      )}

      {counsel.mayRecord && (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-800 underline">{t("manage")}</summary>

          <h3 className="mt-3 font-semibold">{t("requests")}</h3>
          {requests.length === 0 ? (
            <p className="text-slate-700">{t("requestsEmpty")}</p>
          ) : (
            <ul className="space-y-3">
              {requests.map((request) => (
                <li key={request.id} aria-label={t("requestLabel", { name: shortName(request) })} className="rounded border border-slate-200 p-2">
                  <p>{who(request)}</p>
                  <p className="text-sm text-slate-700">{t("requestedOn", { when: when(request.requestedAt) })}</p>
                  {current && <p className="text-sm text-slate-700">{t("confirmReplaces")}</p>}
                  <DecideCounselRequestForms detentionId={detentionId} requestId={request.id} version={request.version} name={shortName(request)} />
                </li>
              ))}
            </ul>
          )}

          {current && counsel.mayEndCurrent && (
            <>
              <h3 className="mt-4 font-semibold">{t("endTitle")}</h3>
              <EndCounselForm detentionId={detentionId} recordId={current.id} version={current.version} withdraw={false} />
            </>
          )}

          <h3 className="mt-4 font-semibold">{t("recordTitle")}</h3>
          {current && <p className="text-sm text-slate-700">{t("recordReplaces")}</p>}
          <h4 className="mt-2 font-medium">{t("kindAccount")}</h4>
          <RecordAccountCounselForm detentionId={detentionId} version={counsel.personVersion} choices={counsel.choices} />
          <h4 className="mt-3 font-medium">{t("kindOutside")}</h4>
          <RecordOutsideCounselForm detentionId={detentionId} version={counsel.personVersion} />

          <h3 className="mt-4 font-semibold">{t("history")}</h3>
          {counsel.history.length === 0 ? (
            <p className="text-slate-700">{t("historyEmpty")}</p>
          ) : (
            <div tabIndex={0} className="table-scroll">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("historyCaption")}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-1 text-left">{t("columns.counsel")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("columns.status")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("columns.from")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("columns.to")}</th>
                    <th scope="col" className="px-2 py-1 text-left">{t("columns.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {counsel.history.map((record) => (
                    <tr key={record.id} className="border-t border-slate-200 align-top">
                      <th scope="row" className="px-2 py-1 text-left font-normal">{who(record)}</th>
                      <td className="px-2 py-1">{t(`status.${record.status}`)}</td>
                      <td className="px-2 py-1">{when(record.startedAt ?? record.requestedAt)}</td>
                      <td className="px-2 py-1">{when(record.endedAt ?? record.decidedAt)}</td>
                      <td className="px-2 py-1 whitespace-pre-line">{record.endReason === REPLACED ? t("replaced") : (record.endReason ?? record.declineReason ?? "")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      )}
    </>
  );
}
