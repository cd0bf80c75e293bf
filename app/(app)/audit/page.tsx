import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { auditActionLabelKey, isAuditAction } from "@/lib/audit/events";
import { formatDateTime } from "@/lib/format";
import { firstValue, hrefWith } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const FIELDS = ["actor", "caseReference", "action", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "audit.view")) notFound();
  const raw = await searchParams;
  const input = Object.fromEntries([...FIELDS, "page"].map((field) => [field, firstValue(raw[field])]));
  const parsed = auditFilterSchema.safeParse(input);
  const t = await getTranslations("audit");
  const tAction = await getTranslations("auditAction");
  const locale = (await getLocale()) as AppLocale;
  const filters = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const result = await listAuditEvents(actor, filters);
  const current = Object.fromEntries(FIELDS.map((field) => [field, parsed.success ? filters[field] : undefined]));
  const fieldErrors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t(actor.role === "ADMIN" ? "introAdmin" : "introSupervisor")}</p>
      <form method="get" action="/audit" className="mb-4 grid gap-3 rounded border border-slate-300 bg-white p-3 md:grid-cols-6" noValidate>
        {!parsed.success && (
          <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900 md:col-span-6">
            {t("badFilters")}
          </div>
        )}
        {FIELDS.map((field) => (
          <div key={field}>
            <label htmlFor={`audit-${field}`} className="mb-1 block text-sm font-medium">
              {t(`filters.${field}`)}
            </label>
            <input
              id={`audit-${field}`}
              name={field}
              type={field === "from" || field === "to" ? "date" : "text"}
              defaultValue={firstValue(raw[field]) ?? ""}
              aria-invalid={fieldErrors[field] ? true : undefined}
              aria-describedby={fieldErrors[field] ? `audit-${field}-error` : undefined}
              className="w-full rounded border border-slate-500 px-2 py-1"
            />
            {fieldErrors[field] && (
              <p id={`audit-${field}-error`} className="mt-1 text-sm text-red-800">
                {t(`errors.${field === "to" && fieldErrors[field] === "dateRange" ? "dateRange" : "invalid"}`)}
              </p>
            )}
          </div>
        ))}
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
        </div>
      </form>
      <p className="mb-2">
        <a href={hrefWith("/audit/export", current, {})} className="font-semibold text-brand-700 underline">
          {t("export")}
        </a>
      </p>
      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              {(["at", "actor", "action", "record", "case"] as const).map((column) => (
                <th key={column} scope="col" className="px-3 py-2 text-left font-semibold">
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            )}
            {result.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200">
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.at, "America/Toronto", locale)}</td>
                <td className="px-3 py-2">{row.actor ? `${row.actor.name} (${row.actor.email})` : t("system")}</td>
                {/* Grants of access stand out: they are what a reviewer of the log must see first (two-person rule). */}
                <td className={row.action.startsWith("user.grant") ? "bg-amber-100 px-3 py-2 font-bold text-amber-950" : "px-3 py-2"}>
                  {isAuditAction(row.action) ? tAction(auditActionLabelKey(row.action)) : row.action}
                  <span className="block font-mono text-xs font-normal text-slate-600">{row.action}</span>
                </td>
                <td className="px-3 py-2">
                  {row.entityType}
                  {row.entityId && <span className="block font-mono text-xs text-slate-600">{row.entityId}</span>}
                </td>
                <td className="px-3 py-2 font-mono">{row.caseReference ? <Link href={hrefWith("/audit", {}, { caseReference: row.caseReference })}>{row.caseReference}</Link> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => hrefWith("/audit", current, { page })} />
    </>
  );
}
