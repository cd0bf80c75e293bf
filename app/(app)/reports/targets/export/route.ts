import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { exportTargetsCsv } from "@/lib/targets/export";

/** CSV of the targets report: /reports/targets/export?period=2026-Q4&officeId=… */
export async function GET(request: Request) {
  const result = await exportTargetsCsv(await getActor(), Object.fromEntries(new URL(request.url).searchParams), (await getTranslations("reports"))("unassigned"));
  if (!result.ok) return new Response(result.reason === "NOT_FOUND" ? "Not found" : "Invalid period", { status: result.reason === "NOT_FOUND" ? 404 : 400 });
  return new Response(result.csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${result.filename}"`, "Cache-Control": "no-store" },
  });
}
