"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("signOut");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/sign-out" })} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
      {t("submit")}
    </button>
  );
}
