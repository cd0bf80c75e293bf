"use client";

import { useTranslations } from "next-intl";
import { approveRoleGrantAction, declineRoleGrantAction } from "@/lib/users/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export type PendingGrantRow = {
  id: string;
  version: number;
  userName: string;
  userEmail: string;
  /** What is asked for, in words (role, organisation, activation). */
  access: string;
  requestedByName: string;
  requestedAt: string;
  requestedByViewer: boolean;
  aboutViewer: boolean;
};

/**
 * Access grants waiting for a second administrator, with approve and decline. The outcome is shown above the table,
 * not in the row: a decided grant leaves the list when the page refreshes. The admin who asked (or whom the grant is
 * about) sees no approve button; the server refuses them anyway.
 */
export function PendingGrants({ grants }: { grants: PendingGrantRow[] }) {
  const t = useTranslations("admin.users");
  const { result: approveResult, pending: approving, formProps: approveForm } = useFormAction(approveRoleGrantAction, { resetOnSuccess: false });
  const { result: declineResult, pending: declining, formProps: declineForm } = useFormAction(declineRoleGrantAction, { resetOnSuccess: false });
  const message = [approveResult, declineResult].find((result) => result !== null);
  return (
    <>
      {/* A live region that is always there (so the outcome is announced); the status role only while it says something. */}
      <div aria-live="polite" className={message ? "mb-3" : "sr-only"}>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-800"}>
            {message.ok ? message.message : message.error}
          </p>
        )}
      </div>
      {grants.length === 0 ? (
        <p className="text-sm">{t("pendingNone")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("pendingCaption", { total: grants.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("grantUser")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("grantAccess")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("grantRequestedBy")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("grantRequestedAt")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("grantDecision")}</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={grant.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {grant.userName}
                    <span className="block font-normal text-slate-700">{grant.userEmail}</span>
                  </th>
                  <td className="px-3 py-2">{grant.access}</td>
                  <td className="px-3 py-2">{grant.requestedByName}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{grant.requestedAt}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      {grant.requestedByViewer || grant.aboutViewer ? (
                        <span className="text-slate-700">{t("awaitingOther")}</span>
                      ) : (
                        <form {...approveForm}>
                          <input type="hidden" name="grantId" value={grant.id} />
                          <input type="hidden" name="version" value={grant.version} />
                          <button type="submit" disabled={approving || declining} className="rounded bg-brand-700 px-2 py-1 font-semibold text-white hover:bg-brand-800">
                            {t("approve")}<span className="sr-only"> {grant.userName}</span>
                          </button>
                        </form>
                      )}
                      <form {...declineForm}>
                        <input type="hidden" name="grantId" value={grant.id} />
                        <input type="hidden" name="version" value={grant.version} />
                        <button type="submit" disabled={approving || declining} className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100">
                          {grant.requestedByViewer ? t("withdraw") : t("decline")}<span className="sr-only"> {grant.userName}</span>
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
