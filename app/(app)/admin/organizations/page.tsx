import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listOrganizations } from "@/lib/organizations/queries";
import { CreateOrganizationForm } from "@/components/admin/create-organization-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.organizations");
  return { title: t("title") };
}

export default withClientMessages(["admin.organizations", "form", "organizationKind"], async function OrganizationsPage() {
  const actor = await requireActor();
  if (!can(actor, "organizations.manage")) notFound();
  const organizations = await listOrganizations(actor);
  const t = await getTranslations("admin.organizations");
  const kinds = await getTranslations("organizationKind");
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <div tabIndex={0} className="mb-6 table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: organizations.length })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("name")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("kind")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("region")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("timeZone")}</th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">{t("users")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">{organization.name}</th>
                <td className="px-3 py-2">{kinds(organization.kind)}</td>
                <td className="px-3 py-2">{organization.region}</td>
                <td className="px-3 py-2">{organization.timeZone}</td>
                <td className="px-3 py-2 text-right">{organization.userCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateOrganizationForm />
    </>
  );
});
