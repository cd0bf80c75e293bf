import "server-only";
import { queryCounter, queryCounting } from "@/lib/db";

/** The query counter, or null when benchmarking is off or the caller is not on this machine. */
export function readQueryCount(request: Request): number | null {
  if (!queryCounting()) return null;
  const host = new URL(request.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") return null;
  return queryCounter.count;
}
