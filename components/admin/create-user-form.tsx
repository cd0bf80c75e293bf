"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUserAction, type PasswordLinkAnswer } from "@/lib/users/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { PasswordLinkResult } from "@/components/admin/password-link-result";

type Option = { id: string; name: string };
const ROLES = ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const;

/** A new account: no password here; the answer carries the person's link to set their own, shown once. */
export function CreateUserForm({ organizations }: { organizations: Option[] }) {
  const t = useTranslations("admin.users");
  const own = useTranslations("userAdmin");
  const roles = useTranslations("roles");
  const { result, errors, pending, formProps } = useFormAction(createUserAction);
  const passwordLink = result?.ok ? (result as PasswordLinkAnswer).passwordLink : undefined;
  const field = (name: string) => ({
    id: `new-user-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `new-user-${name}-error` : undefined,
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate>
      <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
      <FormFeedback result={result} idPrefix="new-user" />
      {passwordLink && (
        <>
          <PasswordLinkResult passwordLink={passwordLink} idPrefix="new-user" />
          <p className="mb-4">
            <Link href={`/admin/users/${passwordLink.userId}`} className="text-brand-800 underline">{own("openUser")}</Link>
          </p>
        </>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="new-user-name" className="mb-1 block text-sm font-medium">{t("name")}</label>
          <input {...field("name")} autoComplete="off" />
          <FieldError id="new-user-name-error" message={errors.name} />
        </div>
        <div>
          <label htmlFor="new-user-email" className="mb-1 block text-sm font-medium">{t("email")}</label>
          <input {...field("email")} type="email" autoComplete="off" />
          <FieldError id="new-user-email-error" message={errors.email} />
        </div>
        <div>
          <label htmlFor="new-user-role" className="mb-1 block text-sm font-medium">{t("role")}</label>
          <select {...field("role")} defaultValue="CLO">
            {ROLES.map((role) => (
              <option key={role} value={role}>{roles(role)}</option>
            ))}
          </select>
          <FieldError id="new-user-role-error" message={errors.role} />
        </div>
        <div>
          <label htmlFor="new-user-organizationId" className="mb-1 block text-sm font-medium">{t("organization")}</label>
          <select {...field("organizationId")}>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>{organization.name}</option>
            ))}
          </select>
          <FieldError id="new-user-organizationId-error" message={errors.organizationId} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("create")}
      </button>
    </form>
  );
}
