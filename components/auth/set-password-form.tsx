"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordWithLinkAction } from "@/lib/password-links/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Reads the link's token from the address's fragment (never sent to any server, so never in a log or a Referer),
 * takes it out of the address bar and history at once, and posts it with the new password.
 */
export function SetPasswordForm() {
  const t = useTranslations("passwordLink");
  const [token, setToken] = useState<string | null>(null);
  const { result, errors, pending, formProps } = useFormAction(setPasswordWithLinkAction, { resetOnSuccess: true });
  useEffect(() => {
    const fragment = window.location.hash.replace(/^#/, "");
    if (fragment) window.history.replaceState(null, "", window.location.pathname);
    // Read once, after hydration: the server never sees the fragment.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setToken(fragment);
  }, []);
  if (token === null) return null;
  if (token === "") {
    return (
      <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
        {t("invalidLink")}
      </div>
    );
  }
  if (result?.ok) {
    return (
      <div>
        <FormFeedback result={result} idPrefix="set-password" />
        <Link href="/sign-in" className="font-semibold text-brand-800 underline">{t("signIn")}</Link>
      </div>
    );
  }
  const field = (name: string, hint?: string) => ({
    id: `set-password-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `set-password-${name}-error` : hint,
    className: "w-full rounded border border-slate-500 px-3 py-2",
  });
  return (
    <form {...formProps} noValidate>
      <FormFeedback result={result} idPrefix="set-password" />
      <input type="hidden" name="token" value={token} />
      <div className="mb-4">
        <label htmlFor="set-password-newPassword" className="mb-1 block font-medium">{t("newPassword")}</label>
        <input {...field("newPassword", "set-password-newPassword-hint")} type="password" autoComplete="new-password" />
        <p id="set-password-newPassword-hint" className="mt-1 text-sm text-slate-700">{t("newPasswordHint")}</p>
        <FieldError id="set-password-newPassword-error" message={errors.newPassword} />
      </div>
      <div className="mb-6">
        <label htmlFor="set-password-confirmPassword" className="mb-1 block font-medium">{t("confirmPassword")}</label>
        <input {...field("confirmPassword")} type="password" autoComplete="new-password" />
        <FieldError id="set-password-confirmPassword-error" message={errors.confirmPassword} />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
