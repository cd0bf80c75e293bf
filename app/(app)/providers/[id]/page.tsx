import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getProvider } from "@/lib/providers/queries";
import type { AppLocale } from "@/lib/i18n/locales";
import { ProviderFacts } from "@/components/providers/provider-facts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providers");
  return { title: t("detailTitle") };
}

export default async function ProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const provider = await getProvider(actor, id);
  if (!provider) notFound();
  const t = await getTranslations("providers");
  const locale = (await getLocale()) as AppLocale;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/providers" className="underline">{t("backToDirectory")}</Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{provider.name}</h1>
      <section aria-labelledby="provider-profile" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="provider-profile" className="sr-only">{t("profile")}</h2>
        <ProviderFacts provider={provider} locale={locale} />
      </section>
      {provider.editAccess && (
        <p className="mt-4">
          <Link href={`/providers/${provider.id}/edit`} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
            {provider.editAccess === "FULL" ? t("edit") : t("editOwn")}
          </Link>
        </p>
      )}
    </>
  );
}
