"use client";

import { useTranslations } from "next-intl";
import { approveRoleGrantAction, declineRoleGrantAction } from "@/lib/users/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Approve or decline one pending access grant. The admin who asked sees no approve button (only a second
 * administrator may approve, which the server enforces too) and may withdraw the request.
 */
export function GrantDecisionForms({ grant }: { grant: { id: string; version: number; userName: string; requestedByViewer: boolean; aboutViewer: boolean } }) {
  const t = useTranslations("admin.users");
  const { result: approveResult, pending: approving, formProps: approveForm } = useFormAction(approveRoleGrantAction, { resetOnSuccess: false });
  const { result: declineResult, pending: declining, formProps: declineForm } = useFormAction(declineRoleGrantAction, { resetOnSuccess: false });
  const message = [approveResult, declineResult].find((result) => result !== null);
  const mayApprove = !grant.requestedByViewer && !grant.aboutViewer;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {mayApprove ? (
        <form {...approveForm}>
          <input type="hidden" name="grantId" value={grant.id} />
          <input type="hidden" name="version" value={grant.version} />
          <button type="submit" disabled={approving} className="rounded bg-brand-700 px-2 py-1 font-semibold text-white hover:bg-brand-800">
            {t("approve")}<span className="sr-only"> {grant.userName}</span>
          </button>
        </form>
      ) : (
        <span className="text-sm text-slate-700">{t("awaitingOther")}</span>
      )}
      <form {...declineForm}>
        <input type="hidden" name="grantId" value={grant.id} />
        <input type="hidden" name="version" value={grant.version} />
        <button type="submit" disabled={declining} className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100">
          {grant.requestedByViewer ? t("withdraw") : t("decline")}<span className="sr-only"> {grant.userName}</span>
        </button>
      </form>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {message.ok ? message.message : message.error}
        </p>
      )}
    </div>
  );
}
