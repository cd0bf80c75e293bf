import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listPendingGrants, listUsers } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { listOrganizations } from "@/lib/organizations/queries";
import { pageSchema } from "@/lib/pagination";
import { firstValue } from "@/lib/query-string";
import { Pagination } from "@/components/ui/pagination";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRowForms } from "@/components/admin/user-row-forms";
import { PendingGrants } from "@/components/admin/pending-grants";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) notFound();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const [users, organizations, grants] = await Promise.all([listUsers(actor, page), listOrganizations(actor), listPendingGrants(actor)]);
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("admin.users");
  const roles = await getTranslations("roles");
  const options = organizations.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="pending-grants" className="mb-6 rounded border-l-4 border-amber-600 bg-amber-50 p-4">
        <h2 id="pending-grants" className="mb-1 text-lg font-semibold">{t("pendingTitle")}</h2>
        <p className="mb-3 text-sm text-slate-800">{t("pendingIntro")}</p>
        <PendingGrants
          grants={grants.map((grant) => ({
            id: grant.id,
            version: grant.version,
            userName: grant.user.name,
            userEmail: grant.user.email,
            access: t(grant.activates ? "grantActivates" : "grantRole", { role: roles(grant.role), organization: grant.organization.name }),
            requestedByName: grant.requestedBy.name,
            requestedAt: formatDateTime(grant.requestedAt, "America/Toronto", locale),
            requestedByViewer: grant.requestedByViewer,
            aboutViewer: grant.aboutViewer,
          }))}
        />
      </section>
      <div tabIndex={0} className="mb-6 table-scroll rounded border border-slate-300 bg-white">
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
                <td className="px-3 py-2">
                  {user.active ? t("active") : t("inactive")}
                  {user.pendingRole && <span className="block font-semibold text-amber-900">{t("pendingRole", { role: roles(user.pendingRole) })}</span>}
                </td>
                <td className="px-3 py-2">
                  {/* No one changes their own role, organisation or status (refused in lib/users/mutations too). */}
                  {user.id === actor.userId ? (
                    <span className="text-slate-700">{t("yourAccount")}</span>
                  ) : (
                    <UserRowForms user={{ id: user.id, name: user.name, role: user.role, active: user.active, version: user.version, organizationId: user.organization.id }} organizations={options} />
                  )}
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
