import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { mayOpenOwnProvider } from "@/lib/authz/providers";
import { ownProviderId } from "@/lib/providers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providers.mine");
  return { title: t("title") };
}

/**
 * "My organization" in a caseworker's menu: a stable address that leads to their own organisation's page in the
 * directory (where they update its open spaces and intake details), or says plainly that it has none.
 */
export default async function MyOrganizationPage() {
  const actor = await requireActor();
  if (!mayOpenOwnProvider(actor)) notFound();
  const providerId = await ownProviderId(actor);
  if (providerId) redirect(`/providers/${providerId}`);
  const t = await getTranslations("providers.mine");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-prose text-slate-700">{t("none", { organization: actor.organizationName })}</p>
      <p>
        <Link href="/providers" className="underline">{t("directory")}</Link>
      </p>
    </>
  );
}
