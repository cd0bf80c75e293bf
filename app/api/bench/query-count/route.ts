import { readQueryCount } from "@/lib/bench";

/**
 * SQL queries issued so far by this server process, for `npm run bench` only: it answers 404 unless the
 * server was started with LIAISON_BENCH=1 and the request comes from this machine. The bench reads it before
 * and after a single request to count that page's queries.
 */
export async function GET(request: Request) {
  const count = readQueryCount(request);
  if (count === null) return new Response("Not found", { status: 404 });
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
