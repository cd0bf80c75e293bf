import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordLink");
  // The token is in the fragment, which no browser sends; no-referrer besides, should anything on the page link out.
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * Where a password link leads (lib/password-links). Public: the link is the credential. The page itself knows nothing
 * of the token; its form reads it from the fragment and posts it, and the action answers every bad link alike.
 */
export default withClientMessages(["form", "passwordLink"], async function SetPasswordPage() {
  const t = await getTranslations("passwordLink");
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t("intro")}</p>
      <SetPasswordForm />
    </div>
  );
});
