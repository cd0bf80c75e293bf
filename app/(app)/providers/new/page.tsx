import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { providerFilterOptions } from "@/lib/providers/queries";
import { ProviderForm } from "@/components/providers/provider-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providers");
  return { title: t("addTitle") };
}

export default withClientMessages(["form", "providers"], async function NewProviderPage() {
  const actor = await requireActor();
  if (!can(actor, "providers.edit")) notFound();
  const t = await getTranslations("providers");
  const { regions } = await providerFilterOptions(actor);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/providers" className="underline">{t("backToDirectory")}</Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t("addTitle")}</h1>
      <ProviderForm access="FULL" provider={null} regions={regions} />
    </>
  );
});
