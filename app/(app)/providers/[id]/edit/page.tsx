import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getProvider, providerFilterOptions } from "@/lib/providers/queries";
import { ProviderForm } from "@/components/providers/provider-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providers");
  return { title: t("editTitle") };
}

export default withClientMessages(["form", "providers"], async function EditProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const provider = await getProvider(actor, id);
  if (!provider || !provider.editAccess) notFound();
  const t = await getTranslations("providers");
  const { regions } = await providerFilterOptions(actor);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/providers/${provider.id}`} className="underline">{t("backToProvider", { name: provider.name })}</Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t("editHeading", { name: provider.name })}</h1>
      <ProviderForm access={provider.editAccess} provider={provider} regions={regions} />
    </>
  );
});
