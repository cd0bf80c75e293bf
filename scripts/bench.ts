/**
 * `npm run bench`: throughput, latency, weight, SQL and CPU of Liaison's busiest pages, against the framework's own
 * floor measured in the same run, at 1,000 and at 50,000 detentions (issue 17).
 *
 * For each size it prepares a database on the PostgreSQL server (TEST_DATABASE_SERVER_URL, default the local one;
 * reused when already filled, else filled by scripts/seed-large.ts), starts the production build against it as one
 * server process (WEB_CONCURRENCY=1) with query counting on (LIAISON_BENCH=1) and the job runner off
 * (LIAISON_JOBS=off, as when `npm run worker` runs apart), signs in over HTTP, and on an idle
 * server measures each page once: its HTML bytes (uncompressed) and its SQL queries (from Prisma's query events,
 * /api/bench/query-count; the least of three requests, so a job the runner ran meanwhile is not counted). Then:
 *
 * 1. Closed loop: each page loaded by autocannon at 20 concurrent connections for --seconds. The ceiling row is a
 *    bare Next.js page (bench/bare-next: a root layout and a page that reads headers(), built with the same
 *    node_modules and served the same way, beside Liaison on port+1); "ratio" is each page's req/s over it. A static
 *    file of Liaison's server is the sanity row. CPU ms/request is the server's CPU time (the process and its
 *    children, from /proc) over the load divided by the responses.
 * 2. Open loop: --rate requests per second (default 15) for --open-seconds (30), round-robin over the data pages,
 *    each sent on schedule whatever the server's speed (scripts/support/open-loop.ts): p50, p95, p99 per page, a
 *    flag where p95 passes 250 ms.
 * 3. A release-plan save, timed in-process (scripts/bench-plan-save.ts), median of sequential saves.
 * 4. At 50,000 detentions (else the largest size) only: the caseload and the case page on a server restarted with WEB_CONCURRENCY=1, then
 *    with WEB_CONCURRENCY=2 (each warmed up for 3 s first), and the scaling (2 workers over 1). The table says how
 *    many processes served the second.
 * With several sizes it ends with each page's median at the largest size over the median at 50,000 (target ≤ 1.25)
 * and whether the SQL per request is the same at every size.
 *
 *   npm run bench                                   # 1,000 and 50,000 detentions, 10 s per page
 *   npm run bench -- --sizes=1000 --seconds=5       # a quicker run
 *   npm run bench -- --sizes=1000,50000,500000      # a decade of national data (the 500,000 seed takes minutes)
 *   npm run bench -- --rate=30 --open-seconds=60    # the open loop's arrival rate and length
 *   npm run bench -- --profile                      # node --cpu-prof on the server; top 25 functions by self time
 *   npm run bench -- --profile --profile-page="case page,reports"   # and the top during each page's load alone
 *   npm run bench -- --port=3410 --db-prefix=liaison_bench_mybranch   # own port (and port+1), own databases
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "@/prisma/migrate";
import { TEST_SERVER_URL } from "@/tests/support/database";
import { signInOverHttp } from "@/tests/support/http-session";
import { percentile } from "./support/bench-stats";
import { formatProfileSummary, summarizeProfile, type CpuProfile, type ProfileWindow } from "./support/cpu-profile-summary";
import { ensureProductionBuild, ROOT, spawnNext } from "./support/next-server";
import { runOpenLoop, type OpenLoopRow } from "./support/open-loop";
import { processTreeCpu } from "./support/process-cpu";
import { SEED_LAYOUT } from "./support/seed-layout";

const argument = (name: string, fallback: string) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : found.slice(name.length + 3);
};
const SIZES = argument("sizes", "1000,50000").split(",").map(Number);
const SECONDS = Number(argument("seconds", "10"));
const CONNECTIONS = 20;
const PORT = Number(argument("port", "3400"));
const BARE_PORT = Number(argument("bare-port", String(PORT + 1)));
const BASE = `http://127.0.0.1:${PORT}`;
const BARE_BASE = `http://127.0.0.1:${BARE_PORT}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0";
/** The databases' name prefix: a branch whose migrations differ measures in databases of its own. */
const DATABASE_PREFIX = argument("db-prefix", "liaison_bench");
const RATE = Number(argument("rate", "15"));
const OPEN_SECONDS = Number(argument("open-seconds", "30"));
const OPEN_LOOP_P95_LIMIT_MS = 250;
const PROFILE = process.argv.includes("--profile") || process.argv.some((arg) => arg.startsWith("--profile-page="));
/** Pages whose load is summarised alone, comma-separated (`--profile-page="case page,reports"`). */
const PROFILE_PAGES = argument("profile-page", "").split(",").map((name) => name.trim()).filter(Boolean);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const BARE_DIR = path.join(ROOT, "bench", "bare-next");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function prepareDatabase(size: number): Promise<string> {
  // The seed's layout in the name: a database filled under another layout is left alone, and a new one is filled.
  const name = `${DATABASE_PREFIX}_l${SEED_LAYOUT}_${size}`;
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

// ---------------------------------------------------------------------------------------------------------------
// Servers

async function waitFor(url: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (server.exitCode !== null) throw new Error("The server exited while starting.");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within two minutes.`);
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

function liaisonEnv(url: string, workers: number): Record<string, string> {
  // LIAISON_JOBS=off: the job runner (reminders, e-mail and digests every minute) would otherwise run inside the
  // server during the loads, its CPU counted to whichever page was measured; a deployment may run it apart too.
  return { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE, LIAISON_BENCH: "1", LIAISON_JOBS: "off", DATABASE_POOL_MAX: "10", WEB_CONCURRENCY: String(workers) };
}

function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(target).map((entry) => newestModification(path.join(target, entry))));
}

/** The bare app's production build (NEXT_DIST_DIR plus "-bare", see bench/bare-next/next.config.mjs). */
function ensureBareBuild() {
  const buildId = path.join(ROOT, `${DIST_DIR}-bare`, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(newestModification(path.join(BARE_DIR, "app")), newestModification(path.join(BARE_DIR, "next.config.mjs")), newestModification(path.join(ROOT, "package-lock.json")));
  if (builtAt > sourcesAt) return;
  console.log("Building the bare Next.js page (bench/bare-next)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build", BARE_DIR], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build of bench/bare-next failed (see the output above).");
}

function spawnBare(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "support", "bare-next-server.ts"), "--port", String(BARE_PORT)], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measures

type Page = { name: string; url: string; cookie?: string; server: "liaison" | "bare"; data: boolean };
type Measure = { name: string; rps: number; median: number; p95: number; errors: number; bytes: number | null; queries: number | null; cpuMs: number | null };

/** One GET, uncompressed (as autocannon asks): its status and body size. */
function get(url: string, cookie?: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "identity", ...(cookie ? { cookie } : {}) } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function queryCount(): Promise<number> {
  const response = await fetch(`${BASE}/api/bench/query-count`);
  if (!response.ok) throw new Error(`/api/bench/query-count answered ${response.status}: is LIAISON_BENCH=1 reaching the server?`);
  return ((await response.json()) as { count: number }).count;
}

/** A page's HTML bytes and, on Liaison, its SQL queries: the least of three sequential requests on an idle server. */
async function weigh(page: Page): Promise<{ bytes: number; queries: number | null }> {
  const first = await get(page.url, page.cookie); // also warms the route up
  if (first.status !== 200) throw new Error(`${page.name} answered ${first.status}`);
  if (page.server === "bare" || page.url.endsWith("robots.txt")) return { bytes: first.bytes, queries: null };
  let queries = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await queryCount();
    await get(page.url, page.cookie);
    queries = Math.min(queries, (await queryCount()) - before);
  }
  return { bytes: first.bytes, queries };
}

/** Three seconds of load, not measured: the code paths of the page optimised in every worker. */
async function warmUp(page: Page) {
  await new Promise<void>((resolve, reject) => {
    autocannon({ url: page.url, connections: CONNECTIONS, duration: 3, headers: page.cookie ? { cookie: page.cookie } : {} }, (error) => (error ? reject(error) : resolve()));
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function load(page: Page, serverPid: number | undefined, weight: { bytes: number | null; queries: number | null }): Promise<Measure & { window: ProfileWindow }> {
  const times: number[] = [];
  const cpuBefore = processTreeCpu(serverPid);
  const fromUs = monotonicUs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: page.url, connections: CONNECTIONS, duration: SECONDS, headers: page.cookie ? { cookie: page.cookie } : {} }, (error, output) => (error ? reject(error) : resolve(output)));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  const toUs = monotonicUs();
  const cpuAfter = processTreeCpu(serverPid);
  times.sort((a, b) => a - b);
  const cpuMs = cpuBefore && cpuAfter && times.length > 0 ? (cpuAfter.cpuMs - cpuBefore.cpuMs) / times.length : null;
  return { name: page.name, rps: result.requests.average, median: percentile(times, 50), p95: percentile(times, 95), errors: result.errors + result.non2xx, bytes: weight.bytes, queries: weight.queries, cpuMs, window: { fromUs, toUs } };
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

type Scaling = { name: string; one: Measure; two: Measure; processes: number };
type SizeResult = { size: number; rows: Measure[]; openLoop: OpenLoopRow[]; planSave: number | null; scaling: Scaling[]; profile: string[] };

async function pagesFor(url: string): Promise<Page[]> {
  const clo = await signInOverHttp(BASE, "clo.toronto@liaison.example");
  const supervisor = await signInOverHttp(BASE, "supervisor.toronto@liaison.example");
  // Northgate is the Toronto region's contracted supervision provider: the large seed refers people to it.
  const caseworker = await signInOverHttp(BASE, "caseworker.northgate@liaison.example");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The same case and referral at every size, so their SQL and medians compare across sizes: the demo data's (whose
  // references do not start with L as the large seed's do), the Toronto office's longest-detained person.
  const detained = await client.query(
    `SELECT d.id FROM "Detention" d JOIN "Organization" o ON o.id = d."officeId" WHERE o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED'
     ORDER BY d.reference LIKE 'L%', d."detainedAt", d.id LIMIT 1`,
  );
  // A referral the caseworker may open (lib/authz/referrals.ts#referralAccessScope): sent, consent in force.
  const referral = await client.query(
    `SELECT r.id FROM "Referral" r JOIN "ServiceProvider" p ON p.id = r."providerId" JOIN "Organization" o ON o.id = p."organizationId" JOIN "Consent" c ON c.id = r."consentId"
     JOIN "Detention" d ON d.id = r."detentionId"
     WHERE o.name = 'Northgate Community Supervision' AND r.status <> 'DRAFT' AND NOT r.outside AND c."withdrawnAt" IS NULL ORDER BY d.reference LIKE 'L%', r."sentAt" DESC NULLS LAST, r.id LIMIT 1`,
  );
  await client.end();
  const caseId = detained.rows[0]?.id as string;
  const referralId = referral.rows[0]?.id as string;
  return [
    { name: "static file (sanity)", url: `${BASE}/robots.txt`, server: "liaison", data: false },
    { name: "bare Next.js (ceiling)", url: `${BARE_BASE}/`, server: "bare", data: false },
    // Every HTML page is rendered per request (each carries its own CSP nonce): the sign-in page, with no data and
    // almost no markup, is what Liaison's shell (root layout, proxy, messages) costs over the bare page.
    { name: "sign-in page (no data)", url: `${BASE}/sign-in`, server: "liaison", data: false },
    { name: "caseload queue", url: `${BASE}/cases`, cookie: clo, server: "liaison", data: true },
    { name: "reviews dashboard", url: `${BASE}/reviews`, cookie: clo, server: "liaison", data: true },
    { name: "case page", url: `${BASE}/cases/${caseId}`, cookie: clo, server: "liaison", data: true },
    { name: "reports", url: `${BASE}/reports`, cookie: supervisor, server: "liaison", data: true },
    // The shell's search: part of a given and a family name (about 1 in 256 of the large data's people, so the
    // office's matches exceed the list's 50), and a reference's prefix.
    { name: "search: name in part", url: `${BASE}/search?q=castil%20elen`, cookie: clo, server: "liaison", data: true },
    { name: "search: reference", url: `${BASE}/search?q=LTOR-0001`, cookie: clo, server: "liaison", data: true },
    { name: "NGO inbox", url: `${BASE}/referrals`, cookie: caseworker, server: "liaison", data: true },
    { name: "referral (NGO view)", url: `${BASE}/referrals/${referralId}`, cookie: caseworker, server: "liaison", data: true },
  ];
}

function profileLines(directory: string, since: number, windows: Map<string, ProfileWindow>): string[] {
  // CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile: thread 0 is each process's main thread (a cluster worker
  // is a process of its own); other threads are tsx's module loader, idle once the server has started.
  const files = existsSync(directory) ? readdirSync(directory).filter((file) => /\.\d+\.0\.\d+\.cpuprofile$/.test(file) && statSync(path.join(directory, file)).mtimeMs >= since) : [];
  if (files.length === 0) return [`no CPU profile was written in ${directory}: did the server exit through process.exit?`];
  const lines: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as CpuProfile;
    lines.push("", ...formatProfileSummary(`CPU profile ${path.join(directory, file)}, whole run, top 25 by self time`, summarizeProfile(profile, { top: 25, root: ROOT })));
    for (const page of PROFILE_PAGES) {
      const window = windows.get(page);
      if (!window) lines.push(`(no page named "${page}": pages are ${[...windows.keys()].join(", ")})`);
      else lines.push("", ...formatProfileSummary(`  during the load of "${page}" only, top 25 by self time`, summarizeProfile(profile, { top: 25, root: ROOT, window })));
    }
  }
  return lines;
}

async function benchSize(size: number, scale: boolean, bare: ChildProcess): Promise<SizeResult> {
  const url = await prepareDatabase(size);
  const profileDir = path.join(os.tmpdir(), `liaison-bench-profile-${PORT}`);
  if (PROFILE) mkdirSync(profileDir, { recursive: true });
  const startedAt = Date.now();
  // Profiled: node --cpu-prof before the app server's script (one process: WEB_CONCURRENCY 1 serves in-process, and
  // exits through process.exit on SIGTERM, which writes the profile).
  const nodeArgs = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  let server = spawnNext({ dev: false, port: PORT, env: liaisonEnv(url, 1), quiet: true, nodeArgs });
  let profile: string[] = [];
  try {
    await waitFor(`${BASE}/sign-in`, server);
    const pages = await pagesFor(url);
    // Weigh each page first, one request at a time on an idle server: once a load has run, requests it left in
    // flight would be counted too.
    const weights = new Map<string, { bytes: number; queries: number | null }>();
    for (const page of pages) weights.set(page.name, await weigh(page));
    const rows: Measure[] = [];
    const windows = new Map<string, ProfileWindow>();
    for (const page of pages) {
      const { window, ...row } = await load(page, page.server === "bare" ? bare.pid : server.pid, weights.get(page.name)!);
      rows.push(row);
      windows.set(page.name, window);
      // Let the requests still queued from this load finish before the next page is measured.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      console.log(`  measured ${page.name} at ${size}`);
    }
    const dataPages = pages.filter((page) => page.data);
    console.log(`  open loop: ${RATE} req/s for ${OPEN_SECONDS} s…`);
    const openLoop = await runOpenLoop(dataPages, RATE, OPEN_SECONDS);
    const planSave = planSaveMedian(url);

    const scaling: Scaling[] = [];
    if (scale) {
      await stop(server);
      if (PROFILE) profile = profileLines(profileDir, startedAt, windows);
      // The caseload and the case page with one and then two cluster workers (scripts/support/app-server.ts reads
      // WEB_CONCURRENCY), each on a freshly started server warmed up the same way, so the scaling compares like with
      // like (a new process renders slower until V8 has optimised its code, and the job runner starts its work).
      const SCALED = ["caseload queue", "case page"];
      const measured = new Map<number, { rows: Measure[]; processes: number }>();
      for (const workers of [1, 2]) {
        server = spawnNext({ dev: false, port: PORT, env: liaisonEnv(url, workers), quiet: true });
        await waitFor(`${BASE}/sign-in`, server);
        await new Promise((resolve) => setTimeout(resolve, 2000)); // let every worker come up
        const processes = processTreeCpu(server.pid)?.processes ?? 0;
        const workerRows: Measure[] = [];
        for (const name of SCALED) {
          const page = pages.find((candidate) => candidate.name === name)!;
          await warmUp(page);
          const { window: _window, ...row } = await load(page, server.pid, weights.get(name)!);
          workerRows.push(row);
          await new Promise((resolve) => setTimeout(resolve, 3000));
          console.log(`  measured ${name} with WEB_CONCURRENCY=${workers} at ${size}`);
        }
        measured.set(workers, { rows: workerRows, processes });
        await stop(server);
      }
      for (const [index, name] of SCALED.entries()) {
        scaling.push({ name, one: measured.get(1)!.rows[index]!, two: measured.get(2)!.rows[index]!, processes: measured.get(2)!.processes });
      }
    } else if (PROFILE) {
      await stop(server);
      profile = profileLines(profileDir, startedAt, windows);
    }
    return { size, rows, openLoop, planSave, scaling, profile };
  } finally {
    await stop(server);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** A figure, or "-" when there is none (no response completed within the load: every one took longer). */
const figure = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? "-" : value.toFixed(digits));
const kilobytes = (bytes: number | null) => (bytes === null ? "-" : bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function print(results: SizeResult[]): string {
  const lines: string[] = [];
  lines.push(`npm run bench ${process.argv.slice(2).join(" ")}`.trim());
  lines.push(`${CONNECTIONS} connections, ${SECONDS} s per page, production build, one server process unless said, ${os.cpus().length} cores, ${new Date().toISOString()}`);
  if (PROFILE) lines.push("Profiling (--profile): the server ran under node --cpu-prof, which slows it; compare figures only with other profiled runs.");
  for (const { size, rows, openLoop, planSave, scaling, profile } of results) {
    const ceiling = rows.find((row) => row.name.startsWith("bare"))!.rps;
    lines.push("", `${size.toLocaleString("en-CA")} detentions`, "page                      req/s  ratio  median ms   p95 ms  errors      bytes  SQL/req  CPU ms/req");
    for (const row of rows) {
      lines.push(
        [
          row.name.padEnd(24),
          row.rps.toFixed(0).padStart(6),
          (row.rps / ceiling).toFixed(2).padStart(6),
          figure(row.median, 1).padStart(10),
          figure(row.p95, 1).padStart(8),
          String(row.errors).padStart(7),
          kilobytes(row.bytes).padStart(10),
          (row.queries === null ? "-" : String(row.queries)).padStart(8),
          figure(row.cpuMs, 1).padStart(11),
        ].join(" "),
      );
    }
    lines.push("ratio: req/s over the bare Next.js page's in this run; CPU ms/req: the server's CPU time over the load per response.");
    if (rows.some((row) => !Number.isFinite(row.median))) lines.push(`-: no response completed within the ${SECONDS} s load (each took longer).`);
    lines.push(`release-plan save (in-process, sequential): median ${planSave === null ? "n/a" : `${planSave.toFixed(1)} ms`}`);

    const each = Math.round(openLoop.reduce((sum, row) => sum + row.count + row.errors, 0) / Math.max(1, openLoop.length));
    lines.push("", `open loop at ${size.toLocaleString("en-CA")}: ${RATE} req/s for ${OPEN_SECONDS} s, round-robin over ${openLoop.length} pages (about ${each} requests each); latency from the time each request was due`);
    // What one server process completes of this mix (round-robin: the harmonic mean of the pages' closed-loop req/s).
    // Offered more, the backlog grows for the whole run and the latencies measure the backlog, not the pages.
    const mix = openLoop.map((row) => rows.find((candidate) => candidate.name === row.name)?.rps ?? 0);
    const capacity = mix.every((rps) => rps > 0) ? mix.length / mix.reduce((sum, rps) => sum + 1 / rps, 0) : 0;
    lines.push(
      capacity >= RATE
        ? `(the closed loop above completes about ${capacity.toFixed(0)} req/s of this mix: ${RATE} req/s is within the server's capacity)`
        : `(saturated: the closed loop above completes only about ${capacity.toFixed(1)} req/s of this mix, under the ${RATE} req/s offered, so the queue grew for the whole run)`,
    );
    lines.push("page                      requests   p50 ms   p95 ms   p99 ms  errors");
    for (const row of openLoop) {
      const flag = row.p95 > OPEN_LOOP_P95_LIMIT_MS || !Number.isFinite(row.p95) ? `  p95 over ${OPEN_LOOP_P95_LIMIT_MS} ms` : "";
      lines.push(`${row.name.padEnd(24)} ${String(row.count + row.errors).padStart(9)} ${figure(row.p50, 1).padStart(8)} ${figure(row.p95, 1).padStart(8)} ${figure(row.p99, 1).padStart(8)} ${String(row.errors).padStart(7)}${flag}`);
    }

    if (scaling.length > 0) {
      const served = scaling[0]!.processes;
      const note = served >= 2 ? `${served} server processes` : `${served} server process: the app server does not honour WEB_CONCURRENCY yet, so this measures one worker`;
      lines.push("", `scaling at ${size.toLocaleString("en-CA")}: WEB_CONCURRENCY=1, then 2, each on a fresh server warmed up for 3 s (${note})`, "page                      1 worker req/s  2 workers req/s  scaling  median ms (2)  p95 ms (2)  errors  CPU ms/req (2)");
      for (const row of scaling) {
        lines.push(
          `${row.name.padEnd(24)} ${row.one.rps.toFixed(0).padStart(15)} ${row.two.rps.toFixed(0).padStart(16)} ${figure(row.two.rps / row.one.rps, 2).padStart(8)} ${figure(row.two.median, 1).padStart(14)} ${figure(row.two.p95, 1).padStart(11)} ${String(row.two.errors).padStart(7)} ${figure(row.two.cpuMs, 1).padStart(15)}`,
        );
      }
    }
    lines.push(...profile);
  }

  if (results.length > 1) {
    const largest = results.reduce((a, b) => (b.size > a.size ? b : a));
    const base = results.find((result) => result.size === 50_000 && result !== largest) ?? results.reduce((a, b) => (b.size < a.size ? b : a));
    lines.push("", `growth: median at ${largest.size.toLocaleString("en-CA")} over median at ${base.size.toLocaleString("en-CA")} (target ≤ 1.25), SQL per request at ${results.map((result) => result.size.toLocaleString("en-CA")).join(" / ")}`);
    lines.push("page                       growth  SQL/request");
    for (const row of largest.rows) {
      if (row.queries === null) continue;
      const baseRow = base.rows.find((candidate) => candidate.name === row.name);
      const growth = baseRow ? row.median / baseRow.median : Number.NaN;
      const counts = results.map((result) => result.rows.find((candidate) => candidate.name === row.name)?.queries ?? null);
      const same = counts.every((count) => count === counts[0]);
      lines.push(`${row.name.padEnd(24)} ${figure(growth, 2).padStart(7)}${growth > 1.25 ? "!" : " "}  ${same ? `same (${counts[0]})` : `differs: ${counts.join(" / ")}`}`);
    }
  }
  return lines.join("\n");
}

async function main() {
  ensureProductionBuild();
  ensureBareBuild();
  const bare = spawnBare();
  try {
    await waitFor(`${BARE_BASE}/`, bare);
    const results: SizeResult[] = [];
    const sizes = [...SIZES].sort((a, b) => a - b);
    // The scaling pass at 50,000 detentions (the size of the targets) when measured, else at the largest size.
    const scaleAt = sizes.includes(50_000) ? 50_000 : sizes.at(-1);
    for (const size of sizes) results.push(await benchSize(size, size === scaleAt, bare));
    console.log(print(results));
  } finally {
    await stop(bare);
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
