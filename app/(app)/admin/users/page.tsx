import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { listOrganizations } from "@/lib/organizations/queries";
import { pageSchema } from "@/lib/pagination";
import { firstValue } from "@/lib/query-string";
import { Pagination } from "@/components/ui/pagination";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRowForms } from "@/components/admin/user-row-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) notFound();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const [users, organizations] = await Promise.all([listUsers(actor, page), listOrganizations(actor)]);
  const t = await getTranslations("admin.users");
  const roles = await getTranslations("roles");
  const options = organizations.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <div className="mb-6 overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: users.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("name")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("email")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("role")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("organization")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("status")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.rows.map((user) => (
              <tr key={user.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">{user.name}</th>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">{roles(user.role)}</td>
                <td className="px-3 py-2">{user.organization.name}</td>
                <td className="px-3 py-2">{user.active ? t("active") : t("inactive")}</td>
                <td className="px-3 py-2">
                  <UserRowForms user={{ id: user.id, name: user.name, role: user.role, active: user.active, version: user.version, organizationId: user.organization.id }} organizations={options} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={users.page} pageCount={users.pageCount} total={users.total} hrefFor={(p) => `/admin/users?page=${p}`} />
      <div className="mt-6">
        <CreateUserForm organizations={options} />
      </div>
    </>
  );
}
