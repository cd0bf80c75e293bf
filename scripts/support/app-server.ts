/**
 * The HTTP server that serves Liaison (npm start, npm run dev, the e2e and bench servers, and the container image):
 * Next's own request handler behind a plain Node server that sets one header of ours from the socket.
 *
 * Why not `next start` (or the standalone build's generated server.js, which is the same server): it fills
 * `x-forwarded-for` from the socket only when the client did not send one, so a client-sent header cannot be told
 * from the real address, and a throttle keyed on it can be escaped by sending a new one each time. Here every
 * request's CLIENT_ADDRESS_HEADER is removed and rewritten from the socket (or, behind TRUSTED_PROXY_HOPS reverse
 * proxies of our own, from the entry those proxies wrote), before Next sees it. Cost: one header per request, in
 * the same process.
 *
 * All cores: in production, WEB_CONCURRENCY worker processes (default: one per core) share the port through
 * node:cluster; the primary only forks, restarts a worker that dies (after a back-off that grows while workers keep
 * dying) and, on SIGTERM, stops the workers and exits once they have. The cluster's primary accepts connections and
 * hands each socket to a worker, so `request.socket.remoteAddress` is still the client's. One worker (WEB_CONCURRENCY=1,
 * development) serves in this process, without a primary. Each worker runs the job runner (instrumentation.ts) as
 * any instance does: its schedules and jobs are in PostgreSQL, so a run is queued and worked once, and each worker's
 * notifications nudge the e-mail job at once (lib/jobs/kick.ts) instead of waiting for the next sweep.
 *
 * Usage: tsx scripts/support/app-server.ts --port 3000 --hostname 127.0.0.1 [--dev]
 * In the standalone build (scripts/support/standalone.ts bundles this file): node app-server.js --hostname 0.0.0.0
 */
import cluster, { type Worker } from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseEnvironment } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress, SERVED_BY_APP_SERVER } from "@/lib/auth/client-address";
import { webConcurrency } from "./web-concurrency";
import { restartDelayMs, WORKER_STABLE_MS } from "./worker-restarts";
import { stopOnSignals } from "./graceful-stop";

// Replaced by esbuild when scripts/support/standalone.ts bundles this file into the standalone build.
const STANDALONE = process.env.LIAISON_STANDALONE_BUNDLE === "1";
// The app's directory: the checkout, or the standalone folder that the bundle sits in.
const APP_DIR = STANDALONE ? __dirname : path.resolve(__dirname, "..", "..");
// The build folder's name: fixed at bundling for the standalone build, NEXT_DIST_DIR in a checkout (next.config.js).
const DIST_DIR = (STANDALONE ? process.env.LIAISON_STANDALONE_DIST_DIR : process.env.NEXT_DIST_DIR) || ".next";
/** Marks a cluster worker with its slot (1 … WEB_CONCURRENCY), named in the primary's messages; a replacement keeps the slot. */
const WORKER_SLOT = "LIAISON_WORKER_SLOT";
const STOP_TIMEOUT_MS = 10_000;

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

/**
 * The configuration the build was made with, as the standalone build's own server.js passes it to Next: a production
 * server then never evaluates next.config.js again (the standalone build does not even ship it), and Next does not
 * warn that `next start` cannot serve an `output: "standalone"` build, which this server does serve.
 */
function loadBuiltConfig(): void {
  const file = path.join(APP_DIR, DIST_DIR, "required-server-files.json");
  if (!existsSync(file)) throw new Error(`No production build in ${DIST_DIR}/: run the build first.`);
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

async function serve(options: { dev: boolean; port: number; hostname: string; announce: boolean }) {
  const { TRUSTED_PROXY_HOPS } = parseEnvironment(process.env);
  // Tells lib/auth/config that CLIENT_ADDRESS_HEADER on a request was written here, not by the client.
  process.env[SERVED_BY_APP_SERVER] = "1";
  if (!options.dev) loadBuiltConfig();

  // Loaded here, not at the top: a cluster's primary never loads Next.
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: APP_DIR, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    delete request.headers[CLIENT_ADDRESS_HEADER];
    const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], TRUSTED_PROXY_HOPS);
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
    handle(request, response).catch(() => {
      // Next renders its own errors; this only catches a failure to answer at all. No error text: it may hold data.
      console.error("app-server: REQUEST_FAILED");
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.listen(options.port, options.hostname, () => {
    if (options.announce) console.log(`Ready on http://${options.hostname}:${options.port}`);
  });

  stopOnSignals(server, app);
}

/** The cluster's primary: forks `count` workers, replaces those that die, stops them all on SIGTERM or SIGINT. */
function supervise(count: number, port: number, hostname: string) {
  let stopping = false;
  let stopCode = 0;
  let everServed = false;
  let crashes = 0;
  // The workers not yet exited, with their slot and start: tracked here, since cluster.workers may still hold a worker
  // whose 'exit' came before its 'disconnect'.
  const startedAt = new Map<Worker, number>();
  const slots = new Map<Worker, number>();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let listening = 0;

  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT]: String(slot) });
    startedAt.set(worker, Date.now());
    slots.set(worker, slot);
    worker.once("listening", () => {
      everServed = true;
      listening += 1;
      if (listening === count) console.log(`Ready on http://${hostname}:${port} (${count} worker processes)`);
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker) ?? 1;
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    slots.delete(worker);
    startedAt.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(stopCode);
      return;
    }
    // A worker that never served (a missing build, a bad environment) would fail the same way again: stop, say so.
    if (!everServed) {
      console.error(`app-server: worker ${slot} exited before serving (${signal ? `signal ${signal}` : `code ${code}`}); stopping.`);
      stopAll(1);
      return;
    }
    crashes = lived > WORKER_STABLE_MS ? 1 : crashes + 1;
    const delay = restartDelayMs(crashes);
    console.error(`app-server: worker ${slot} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting it in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!stopping) fork(slot);
    }, delay);
    pendingRestarts.add(timer);
  });

  const stopAll = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    stopCode = exitCode;
    for (const timer of pendingRestarts) clearTimeout(timer);
    if (slots.size === 0) process.exit(exitCode);
    // Each worker closes its server and Next, then exits (serve's stop); the primary exits when the last has.
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_TIMEOUT_MS);
  };
  process.on("SIGTERM", () => stopAll(0));
  process.on("SIGINT", () => stopAll(0));

  for (let slot = 1; slot <= count; slot += 1) fork(slot);
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(argument("port", process.env.PORT ?? "3000"));
  const hostname = argument("hostname", "127.0.0.1");
  if (STANDALONE) {
    // As the standalone build's own server.js does: production, and paths relative to the app's folder.
    (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
    process.chdir(APP_DIR);
  }
  if (cluster.isWorker) return serve({ dev, port, hostname, announce: false });

  // Development recompiles in one process: always one.
  const workers = dev ? 1 : webConcurrency(process.env.WEB_CONCURRENCY);
  if (workers === 1) return serve({ dev, port, hostname, announce: true });
  // Checked once here, so that a bad environment is one message, not one per worker.
  parseEnvironment(process.env);
  supervise(workers, port, hostname);
}

main().catch((error: unknown) => {
  console.error("Liaison could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
