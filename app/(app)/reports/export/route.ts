import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { exportReportCsv } from "@/lib/reports/export";

/** CSV of one report table: /reports/export?table=indicators&from=…&to=…&groupBy=… */
export async function GET(request: Request) {
  const result = await exportReportCsv(await getActor(), Object.fromEntries(new URL(request.url).searchParams), (await getTranslations("reports"))("unassigned"));
  if (!result.ok) return new Response(result.reason === "NOT_FOUND" ? "Not found" : "Invalid report filters", { status: result.reason === "NOT_FOUND" ? 404 : 400 });
  return new Response(result.csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${result.filename}"`, "Cache-Control": "no-store" },
  });
}
