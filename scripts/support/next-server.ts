import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const APP_SERVER = path.join(ROOT, "scripts", "support", "app-server.ts");

// What a production build is made from: a change to any of these makes the build stale.
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

/** Builds the production bundle when there is none or a source file is newer than the last build. */
export function ensureProductionBuild(log: (line: string) => void = console.log): void {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...BUILD_INPUTS.map((input) => newestModification(path.join(ROOT, input))));
  if (builtAt > sourcesAt) return;
  log(builtAt ? "Sources changed since the last build: rebuilding (about a minute)…" : "Building the app for production (first start only, about a minute)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see the output above).");
}

/**
 * Starts the app server (scripts/support/app-server.ts: Next's handler behind a server that sets the client address
 * from the socket), for production or development, as a child process with the given environment.
 *
 * Worker processes: WEB_CONCURRENCY of `env` (e.g. `env: { WEB_CONCURRENCY: "2" }` for two, validated by the server),
 * else one. A WEB_CONCURRENCY in this process's own environment is not inherited: the e2e and bench servers stay
 * single-process unless they ask, and `npm start` (scripts/start.ts) passes the number it chose.
 */
export function spawnNext(options: { dev: boolean; port: number; env: Record<string, string>; quiet?: boolean; logFile?: string; nodeArgs?: string[] }): ChildProcess {
  // A log file receives the server's stdout and stderr (the e2e suite scans it for personal data).
  const log = options.logFile ? openSync(options.logFile, "a") : null;
  // nodeArgs (e.g. the bench's --cpu-prof) go before the script; cluster workers inherit them (execArgv).
  return spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", APP_SERVER, ...(options.dev ? ["--dev"] : []), "--port", String(options.port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio: log !== null ? ["ignore", log, log] : options.quiet ? "ignore" : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env, WEB_CONCURRENCY: options.env.WEB_CONCURRENCY ?? "1", NODE_ENV: options.dev ? "development" : "production" },
  });
}
