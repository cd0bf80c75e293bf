import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listPendingGrants, listUsers } from "@/lib/users/queries";
import { ROLES, userListSchema } from "@/lib/users/schema";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { listOrganizations } from "@/lib/organizations/queries";
import { pageSchema } from "@/lib/pagination";
import { firstValue, hrefWith } from "@/lib/query-string";
import { Pagination } from "@/components/ui/pagination";
import { PendingGrants } from "@/components/admin/pending-grants";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

/**
 * The users an administrator manages: a GET form (search and filters live in the query string, so a filtered list can
 * be bookmarked and paged), each row a link to the user's page, where they are changed. New users at /admin/users/new.
 */
export default withClientMessages(["admin.users"], async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) notFound();
  const params = await searchParams;
  const page = pageSchema.parse(firstValue(params.page));
  const filters = userListSchema.parse({ q: firstValue(params.q), role: firstValue(params.role), organizationId: firstValue(params.organizationId), status: firstValue(params.status) });
  const [users, organizations, grants] = await Promise.all([listUsers(actor, page, filters), listOrganizations(actor), listPendingGrants(actor)]);
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("admin.users");
  const own = await getTranslations("userAdmin");
  const roles = await getTranslations("roles");
  const current = { q: filters.q, role: filters.role, organizationId: filters.organizationId, status: filters.status };
  const filtered = Object.values(current).some((value) => value !== undefined && value !== "");
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/admin/users/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{own("newUser")}</Link>
      </div>
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
      <form method="get" action="/admin/users" role="search" aria-labelledby="user-filters" className="mb-4 rounded border border-slate-300 bg-white p-4">
        <h2 id="user-filters" className="mb-3 text-lg font-semibold">{own("filtersTitle")}</h2>
        <div className="grid gap-3 md:grid-cols-4">
          <div className="md:col-span-4">
            <label htmlFor="users-q" className="mb-1 block text-sm font-medium">{own("search")}</label>
            <input id="users-q" name="q" type="search" defaultValue={filters.q} aria-describedby="users-q-hint" className="w-full rounded border border-slate-500 px-2 py-1" />
            <p id="users-q-hint" className="mt-1 text-sm text-slate-700">{own("searchHint")}</p>
          </div>
          <div>
            <label htmlFor="users-role" className="mb-1 block text-sm font-medium">{own("role")}</label>
            <select id="users-role" name="role" defaultValue={filters.role ?? ""} className="w-full rounded border border-slate-500 px-2 py-1">
              <option value="">{own("anyRole")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>{roles(role)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-organization" className="mb-1 block text-sm font-medium">{own("organization")}</label>
            <select id="users-organization" name="organizationId" defaultValue={filters.organizationId ?? ""} className="w-full rounded border border-slate-500 px-2 py-1">
              <option value="">{own("anyOrganization")}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>{organization.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-status" className="mb-1 block text-sm font-medium">{own("status")}</label>
            <select id="users-status" name="status" defaultValue={filters.status ?? ""} className="w-full rounded border border-slate-500 px-2 py-1">
              <option value="">{own("anyStatus")}</option>
              <option value="active">{own("active")}</option>
              <option value="inactive">{own("inactive")}</option>
            </select>
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">{own("apply")}</button>
            {filtered && <Link href="/admin/users" className="text-brand-800 underline">{own("clear")}</Link>}
          </div>
        </div>
      </form>
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
            </tr>
          </thead>
          <tbody>
            {users.rows.map((user) => (
              <tr key={user.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/admin/users/${user.id}`} className="text-brand-800 underline">{user.name}</Link>
                </th>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">{roles(user.role)}</td>
                <td className="px-3 py-2">{user.organization.name}</td>
                <td className="px-3 py-2">
                  {user.active ? t("active") : t("inactive")}
                  {user.pendingRole && <span className="block font-semibold text-amber-900">{t("pendingRole", { role: roles(user.pendingRole) })}</span>}
                </td>
              </tr>
            ))}
            {users.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-700">{own("noUsers")}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={users.page} pageCount={users.pageCount} total={users.total} hrefFor={(p) => hrefWith("/admin/users", current, { page: p })} />
    </>
  );
});
