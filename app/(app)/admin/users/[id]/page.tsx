import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { getManagedUser } from "@/lib/users/queries";
import { listOrganizations } from "@/lib/organizations/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { IssueLinkForm, UserDetailsForm, UserStatusForm } from "@/components/admin/user-detail-forms";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

/** One user: their details, status and password link. An admin's own account is shown, never changed here. */
export default withClientMessages(["admin.users", "confirmDialog", "form", "roles", "userAdmin"], async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "users.manage")) notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [user, organizations] = await Promise.all([getManagedUser(actor, id.data), listOrganizations(actor)]);
  if (!user) notFound();
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("admin.users");
  const own = await getTranslations("userAdmin");
  const roles = await getTranslations("roles");
  const edited = { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, version: user.version, organizationId: user.organization.id };
  const self = user.id === actor.userId;
  return (
    <>
      <p className="mb-2"><Link href="/admin/users" className="text-brand-800 underline">{own("allUsers")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{user.name}</h1>
      <ul className="mb-6 space-y-1 text-slate-800">
        <li>{roles(user.role)}, {user.organization.name}: {user.active ? t("active") : t("inactive")}</li>
        {user.pendingRole && <li className="font-semibold text-amber-900">{t("pendingRole", { role: roles(user.pendingRole) })}</li>}
        <li>{own("createdOn", { date: formatDate(user.createdAt, "America/Toronto", locale) })}</li>
        <li>{user.hasPassword ? own("passwordSet") : own("noPassword")}</li>
        {user.openLinkExpiresAt && <li>{own("openLink", { date: formatDateTime(user.openLinkExpiresAt, "America/Toronto", locale) })}</li>}
      </ul>
      {self ? (
        // No one changes their own role, organisation or status (refused in lib/users/mutations too).
        <p className="rounded border border-slate-300 bg-white p-4">{t("yourAccount")}</p>
      ) : (
        <div className="space-y-6">
          <UserDetailsForm user={edited} organizations={organizations.map(({ id: organizationId, name }) => ({ id: organizationId, name }))} />
          <section aria-labelledby="user-status-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="user-status-title" className="mb-3 text-lg font-semibold">{own("statusTitle")}</h2>
            <UserStatusForm user={edited} />
          </section>
          <section aria-labelledby="user-link-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="user-link-title" className="mb-1 text-lg font-semibold">{own("linkTitle")}</h2>
            <p className="mb-3 max-w-prose text-sm text-slate-800">{own("linkIntro")}</p>
            <IssueLinkForm userId={user.id} />
          </section>
        </div>
      )}
    </>
  );
});
