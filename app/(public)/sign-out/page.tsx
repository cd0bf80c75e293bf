import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signOut");
  return { title: t("title") };
}

export default withClientMessages(["signOut"], async function SignOutPage() {
  const actor = await getActor();
  const t = await getTranslations("signOut");
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      {actor ? (
        <>
          <p className="mb-6">{t("confirm", { name: actor.name })}</p>
          <SignOutButton />
        </>
      ) : (
        <>
          <p className="mb-6">{t("done")}</p>
          <Link href="/sign-in" className="font-semibold text-brand-700 underline">
            {t("signInAgain")}
          </Link>
        </>
      )}
    </div>
  );
});
