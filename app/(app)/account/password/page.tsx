import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** Every signed-in user, whatever their role, may change their own password (and only their own). */
export default withClientMessages(["account", "form"], async function ChangePasswordPage() {
  await requireActor();
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl text-slate-700">{t("intro")}</p>
      <ChangePasswordForm />
    </>
  );
});
