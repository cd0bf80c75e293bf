"use client";

import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** The signed-in user's own password: current one, then the new one twice. Cleared after a change. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const { result, errors, pending, formProps } = useFormAction(changeOwnPasswordAction);
  const field = (name: string, autoComplete: string, describedBy?: string) => ({
    id: `password-${name}`,
    name,
    type: "password",
    autoComplete,
    required: true,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [describedBy, errors[name] ? `password-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  return (
    <form {...formProps} className="max-w-xl rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix="password" />
      <div className="grid gap-3">
        <div>
          <label htmlFor="password-currentPassword" className="mb-1 block text-sm font-medium">{t("currentPassword")}</label>
          <input {...field("currentPassword", "current-password")} />
          <FieldError id="password-currentPassword-error" message={errors.currentPassword} />
        </div>
        <div>
          <label htmlFor="password-newPassword" className="mb-1 block text-sm font-medium">{t("newPassword")}</label>
          <p id="password-newPassword-hint" className="mb-1 text-sm text-slate-700">{t("newPasswordHint")}</p>
          <input {...field("newPassword", "new-password", "password-newPassword-hint")} minLength={12} />
          <FieldError id="password-newPassword-error" message={errors.newPassword} />
        </div>
        <div>
          <label htmlFor="password-confirmPassword" className="mb-1 block text-sm font-medium">{t("confirmPassword")}</label>
          <input {...field("confirmPassword", "new-password")} />
          <FieldError id="password-confirmPassword-error" message={errors.confirmPassword} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {t("submit")}
      </button>
    </form>
  );
}
