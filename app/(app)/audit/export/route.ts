import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { exportAuditCsv } from "@/lib/audit/export";

/** CSV of the audit log with the page's filters, for supervisors and admins. */
export async function GET(request: Request) {
  const result = await exportAuditCsv(await getActor(), Object.fromEntries(new URL(request.url).searchParams));
  if (!result.ok) {
    // Not found rather than forbidden: the route tells nothing to whoever may not use it.
    if (result.reason === "NOT_FOUND") return new Response("Not found", { status: 404 });
    const t = await getTranslations("audit");
    return new Response(t("badFilters"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(result.stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="liaison-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
