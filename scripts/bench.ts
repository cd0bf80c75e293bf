/**
 * `npm run bench`: throughput and latency of Liaison's busiest pages at 1,000 and at 50,000 detentions.
 *
 * For each size it prepares a database on the PostgreSQL server (TEST_DATABASE_SERVER_URL, default the local one;
 * reused when already filled), starts the production build against it with query counting on (LIAISON_BENCH=1),
 * signs in over HTTP, counts the SQL queries one request to each page issues (from Prisma's query events), then
 * loads each page with autocannon at 20 concurrent connections. A static file of the same server is the ceiling;
 * the sign-in page (rendered per request, no data) shows what the framework alone costs per HTML page.
 * A release-plan save is timed in-process (scripts/bench-plan-save.ts), median of sequential saves.
 *
 *   npm run bench                      # 1,000 and 50,000 detentions, 10 s per page
 *   npm run bench -- --sizes=1000 --seconds=5
 *   npm run bench -- --db-prefix=liaison_bench_mybranch   # databases of its own, for a branch with its own migrations
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "@/prisma/migrate";
import { TEST_SERVER_URL } from "@/tests/support/database";
import { signInOverHttp } from "@/tests/support/http-session";
import { ensureProductionBuild, ROOT, spawnNext } from "./support/next-server";

const argument = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const SIZES = argument("sizes", "1000,50000").split(",").map(Number);
const SECONDS = Number(argument("seconds", "10"));
const CONNECTIONS = 20;
const PORT = Number(argument("port", "3400"));
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0";
/** The databases' name prefix: a branch whose migrations differ measures in databases of its own. */
const DATABASE_PREFIX = argument("db-prefix", "liaison_bench");

function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function prepareDatabase(size: number): Promise<string> {
  const name = `${DATABASE_PREFIX}_${size}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const have = Number((await client.query(`SELECT count(*) FROM "Detention" WHERE reference LIKE 'L%'`)).rows[0].count);
  await client.end();
  if (have < size) {
    console.log(`Filling ${name} with ${size - have} detentions (npm run seed:large)…`);
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts/seed-large.ts"), String(size - have)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
    if (result.status !== 0) throw new Error("seed:large failed");
  }
  return url;
}

async function waitForServer(server: ChildProcess) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (server.exitCode !== null) throw new Error("The server exited while starting.");
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start within a minute.");
}


async function queriesFor(url: string, cookie?: string): Promise<number> {
  const count = async () => ((await (await fetch(`${BASE}/api/bench/query-count`)).json()) as { count: number }).count;
  await fetch(url, { headers: cookie ? { cookie } : {} }); // warm up
  const before = await count();
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  await response.arrayBuffer();
  return (await count()) - before;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Measure = { name: string; rps: number; median: number; p95: number; errors: number; queries: number | null };

async function load(name: string, url: string, cookie: string | undefined, queries: number | null): Promise<Measure> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} }, (error, output) => (error ? reject(error) : resolve(output)));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return { name, rps: result.requests.average, median: percentile(times, 50), p95: percentile(times, 95), errors: result.errors + result.non2xx, queries };
}

function planSaveMedian(url: string): number | null {
  // In-process: the same mutation the plan form's action calls, against this database (see the script's header).
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/bench-plan-save.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET },
  });
  const match = /median_ms=([\d.]+)/.exec(result.stdout);
  if (!match) {
    console.error(result.stdout, result.stderr);
    return null;
  }
  return Number(match[1]);
}

async function benchSize(size: number): Promise<{ size: number; rows: Measure[]; planSave: number | null }> {
  const url = await prepareDatabase(size);
  const server = spawnNext({ dev: false, port: PORT, env: { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE, LIAISON_BENCH: "1", DATABASE_POOL_MAX: "10" }, quiet: true });
  try {
    await waitForServer(server);
    const clo = await signInOverHttp(BASE, "clo.toronto@liaison.example");
    const supervisor = await signInOverHttp(BASE, "supervisor.toronto@liaison.example");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const detained = await client.query(`SELECT d.id FROM "Detention" d JOIN "Organization" o ON o.id = d."officeId" WHERE o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' ORDER BY d."detainedAt" LIMIT 1`);
    await client.end();
    const caseId = detained.rows[0]?.id as string;
    const pages: [string, string, string | undefined][] = [
      ["static file (ceiling)", `${BASE}/robots.txt`, undefined],
      // Every HTML page is rendered per request (each carries its own CSP nonce): the sign-in page, with no data
      // and almost no markup, is what the framework alone costs per page, the floor under the pages below.
      ["sign-in page (no data)", `${BASE}/sign-in`, undefined],
      ["caseload queue", `${BASE}/cases`, clo],
      ["reviews dashboard", `${BASE}/reviews`, clo],
      ["case page", `${BASE}/cases/${caseId}`, clo],
      ["reports", `${BASE}/reports`, supervisor],
      // The shell's search: part of a given and a family name (about 1 in 256 of the large data's people, so the
      // office's matches exceed the list's 50), and a reference's prefix.
      ["search: name in part", `${BASE}/search?q=castil%20elen`, clo],
      ["search: reference", `${BASE}/search?q=LTOR-0001`, clo],
    ];
    // Count each page's SQL first, one request at a time on an idle server: once a load has run, requests it
    // left in flight would be counted too.
    const queries = new Map<string, number | null>();
    for (const [name, pageUrl, cookie] of pages) queries.set(name, name.startsWith("static") ? null : await queriesFor(pageUrl, cookie));
    const rows: Measure[] = [];
    for (const [name, pageUrl, cookie] of pages) {
      rows.push(await load(name, pageUrl, cookie, queries.get(name) ?? null));
      // Let the requests still queued from this load finish before the next page is measured.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      console.log(`  measured ${name} at ${size}`);
    }
    return { size, rows, planSave: planSaveMedian(url) };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

function print(results: { size: number; rows: Measure[]; planSave: number | null }[]) {
  const lines: string[] = [];
  lines.push(`npm run bench: ${CONNECTIONS} connections, ${SECONDS} s per page, production build, ${new Date().toISOString()}`);
  for (const { size, rows, planSave } of results) {
    const ceiling = rows[0]!.rps;
    lines.push("", `${size.toLocaleString("en-CA")} detentions`, "page                    req/s   ratio  median ms  p95 ms  errors  SQL/request");
    for (const row of rows) {
      lines.push(
        `${row.name.padEnd(22)} ${row.rps.toFixed(0).padStart(6)}  ${(row.rps / ceiling).toFixed(2).padStart(5)}  ${row.median.toFixed(1).padStart(9)}  ${row.p95.toFixed(1).padStart(6)}  ${String(row.errors).padStart(6)}  ${row.queries === null ? "-" : String(row.queries)}`,
      );
    }
    lines.push(`release-plan save (in-process, sequential): median ${planSave === null ? "n/a" : `${planSave.toFixed(1)} ms`}`);
  }
  console.log(lines.join("\n"));
}

async function main() {
  ensureProductionBuild();
  const results = [];
  for (const size of SIZES) results.push(await benchSize(size));
  print(results);
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
