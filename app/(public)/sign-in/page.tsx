import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { homePath } from "@/lib/authz";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appOrigin } from "@/lib/auth/config";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

/** Only same-origin paths may be returned to after sign-in: never another host (lib/auth/callback-url.ts). */
function safeCallback(value: string | string[] | undefined): string | null {
  return safeCallbackPath(value, appOrigin());
}

export default withClientMessages(["signIn"], async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // With the database unreachable, show the form anyway: signing in will then say the service is unavailable.
  const actor = await getActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const params = await searchParams;
  if (actor) redirect(safeCallback(params.callbackUrl) ?? homePath(actor.role));
  const t = await getTranslations("signIn");
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t("intro")}</p>
      <SignInForm callbackUrl={safeCallback(params.callbackUrl) ?? "/"} />
    </div>
  );
});
