import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listOrganizations } from "@/lib/organizations/queries";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("userAdmin");
  return { title: t("newTitle") };
}

export default withClientMessages(["admin.users", "form", "roles", "userAdmin"], async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) notFound();
  const organizations = await listOrganizations(actor);
  const t = await getTranslations("userAdmin");
  return (
    <>
      <p className="mb-2"><Link href="/admin/users" className="text-brand-800 underline">{t("allUsers")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{t("newTitle")}</h1>
      <p className="mb-4 max-w-prose text-slate-800">{t("newIntro")}</p>
      <CreateUserForm organizations={organizations.map(({ id, name }) => ({ id, name }))} />
    </>
  );
});
