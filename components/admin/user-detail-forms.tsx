"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { issuePasswordLinkAction, setUserActiveAction, updateUserAction, type PasswordLinkAnswer } from "@/lib/users/actions";
import { PasswordLinkResult } from "@/components/admin/password-link-result";

type Option = { id: string; name: string };
const ROLES = ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const;
type EditedUser = { id: string; name: string; email: string; role: string; active: boolean; version: number; organizationId: string };

/** The user's details: name, address, role, organisation, carrying the version the page was read at. */
export function UserDetailsForm({ user, organizations }: { user: EditedUser; organizations: Option[] }) {
  const t = useTranslations("admin.users");
  const own = useTranslations("userAdmin");
  const roles = useTranslations("roles");
  const { result, errors, pending, formProps } = useFormAction(updateUserAction, { resetOnSuccess: false });
  const field = (name: string) => ({
    id: `user-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `user-${name}-error` : undefined,
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  return (
    // Keyed by version on the page: after a save the page re-renders with the new version and fresh defaults.
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="mb-3 text-lg font-semibold">{own("detailsTitle")}</h2>
      <FormFeedback result={result} idPrefix="user" />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="user-name" className="mb-1 block text-sm font-medium">{t("name")}</label>
          <input {...field("name")} defaultValue={user.name} autoComplete="off" />
          <FieldError id="user-name-error" message={errors.name} />
        </div>
        <div>
          <label htmlFor="user-email" className="mb-1 block text-sm font-medium">{t("email")}</label>
          <input {...field("email")} type="email" defaultValue={user.email} autoComplete="off" />
          <FieldError id="user-email-error" message={errors.email} />
        </div>
        <div>
          <label htmlFor="user-role" className="mb-1 block text-sm font-medium">{t("role")}</label>
          <select {...field("role")} defaultValue={user.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>{roles(role)}</option>
            ))}
          </select>
          <FieldError id="user-role-error" message={errors.role} />
        </div>
        <div>
          <label htmlFor="user-organizationId" className="mb-1 block text-sm font-medium">{t("organization")}</label>
          <select {...field("organizationId")} defaultValue={user.organizationId}>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>{organization.name}</option>
            ))}
          </select>
          <FieldError id="user-organizationId-error" message={errors.organizationId} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {own("save")}
      </button>
    </form>
  );
}

/** Deactivation (asked for in a dialog: it signs the person out everywhere) or reactivation. */
export function UserStatusForm({ user }: { user: EditedUser }) {
  const t = useTranslations("admin.users");
  const { result, pending, formProps } = useFormAction(setUserActiveAction, { resetOnSuccess: false });
  return (
    <form {...formProps}>
      <FormFeedback result={result} idPrefix="user-status" />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      {user.active ? (
        <ConfirmSubmit
          disabled={pending}
          className="rounded border border-red-800 px-3 py-1.5 font-semibold text-red-900 hover:bg-red-50"
          title={t("confirmDeactivate.title", { name: user.name })}
          consequence={t("confirmDeactivate.consequence", { name: user.name })}
          confirmLabel={t("confirmDeactivate.confirm")}
        >
          {t("deactivate")}
        </ConfirmSubmit>
      ) : (
        <button type="submit" disabled={pending} className="rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100">
          {t("reactivate")}
        </button>
      )}
    </form>
  );
}

/** Issues a reset link; the answer shows it once. */
export function IssueLinkForm({ userId }: { userId: string }) {
  const own = useTranslations("userAdmin");
  const { result, pending, formProps } = useFormAction(issuePasswordLinkAction, { resetOnSuccess: false });
  const passwordLink = result?.ok ? (result as PasswordLinkAnswer).passwordLink : undefined;
  return (
    <form {...formProps}>
      <FormFeedback result={result} idPrefix="user-link" />
      {passwordLink && <PasswordLinkResult passwordLink={passwordLink} idPrefix="user-link" />}
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
        {own("issueLink")}
      </button>
    </form>
  );
}
