"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Option = { id: string; name: string };
const ROLES = ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const;

/** Per-user role/organisation change and (de)activation. Each form carries the version it was rendered from. */
export function UserRowForms({
  user,
  organizations,
}: {
  user: { id: string; name: string; role: string; active: boolean; version: number; organizationId: string };
  organizations: Option[];
}) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const { result: updateResult, pending: updating, formProps: updateForm } = useFormAction(updateUserAction, { resetOnSuccess: false });
  const { result: activeResult, pending: toggling, formProps: toggleForm } = useFormAction(setUserActiveAction, { resetOnSuccess: false });
  const message = [updateResult, activeResult].find((result) => result !== null);
  const prefix = `user-${user.id}`;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <form {...updateForm} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <div>
          <label htmlFor={`${prefix}-role`} className="sr-only">{t("roleFor", { name: user.name })}</label>
          <select id={`${prefix}-role`} name="role" defaultValue={user.role} className="rounded border border-slate-500 px-1 py-1">
            {ROLES.map((role) => (
              <option key={role} value={role}>{roles(role)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${prefix}-organization`} className="sr-only">{t("organizationFor", { name: user.name })}</label>
          <select id={`${prefix}-organization`} name="organizationId" defaultValue={user.organizationId} className="max-w-48 rounded border border-slate-500 px-1 py-1">
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>{organization.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={updating} className="rounded border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50">
          {t("save")}<span className="sr-only"> {user.name}</span>
        </button>
      </form>
      <form {...toggleForm}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        {user.active ? (
          <ConfirmSubmit
            disabled={toggling}
            className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100"
            title={t("confirmDeactivate.title", { name: user.name })}
            consequence={t("confirmDeactivate.consequence", { name: user.name })}
            confirmLabel={t("confirmDeactivate.confirm")}
          >
            {t("deactivate")}<span className="sr-only"> {user.name}</span>
          </ConfirmSubmit>
        ) : (
          <button type="submit" disabled={toggling} className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100">
            {t("reactivate")}<span className="sr-only"> {user.name}</span>
          </button>
        )}
      </form>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {message.ok ? message.message : Object.values(message.fieldErrors ?? {})[0] ?? message.error}
        </p>
      )}
    </div>
  );
}
