"use client";

import { useTranslations } from "next-intl";
import type { PasswordLinkAnswer } from "@/lib/users/actions";

/**
 * A password link just issued, shown once: a read-only field to copy from, its expiry, and whether it was also
 * e-mailed. The page adds its own origin to the path (the link holds no host the server could be tricked into).
 */
export function PasswordLinkResult({ passwordLink, idPrefix }: { passwordLink: NonNullable<PasswordLinkAnswer["passwordLink"]>; idPrefix: string }) {
  const t = useTranslations("userAdmin");
  const url = typeof window === "undefined" ? passwordLink.path : `${window.location.origin}${passwordLink.path}`;
  return (
    <div className="mb-4 rounded border border-slate-400 bg-slate-50 p-3">
      <label htmlFor={`${idPrefix}-link`} className="mb-1 block font-medium">{t("linkLabel")}</label>
      <input
        id={`${idPrefix}-link`}
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        aria-describedby={`${idPrefix}-link-hint`}
        className="w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm"
      />
      <p id={`${idPrefix}-link-hint`} className="mt-1 text-sm text-slate-800">
        {t("linkHint", { date: passwordLink.expiresAt })} {t(`mail${passwordLink.mail}`)}
      </p>
    </div>
  );
}
