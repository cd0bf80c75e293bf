"use client";

import { useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      // One message for an unknown e-mail and a wrong password alike: it must not reveal which accounts exist.
      setError(result?.error === "THROTTLED" ? t("throttled") : result?.error === "UNAVAILABLE" ? t("unavailable") : t("invalidCredentials"));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    // The page sanitised it already; checked again here, where it is used, so no caller can pass another host.
    window.location.assign(safeCallbackPath(callbackUrl, window.location.origin) ?? "/");
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {error && (
        <div ref={errorRef} id="sign-in-error" role="alert" tabIndex={-1} className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </div>
      )}
      <div className="mb-4">
        <label htmlFor="email" className="mb-1 block font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <div className="mb-6">
        <label htmlFor="password" className="mb-1 block font-medium">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
