/**
 * The standalone build: what the container image ships (Dockerfile) and what the deployment smoke test
 * (tests/e2e/deployment.spec.ts) runs. `next build` (next.config.js: output "standalone") writes
 * <distDir>/standalone/ with the server's traced files and only the node_modules they need; this adds what Next leaves
 * out, so that the folder is complete on its own:
 * - app-server.js: scripts/support/app-server.ts bundled (the client address from the socket, worker processes),
 *   which the image runs instead of Next's generated server.js (that one is `next start`, which trusts a
 *   client-written X-Forwarded-For);
 * - prisma/migrate.js and prisma/migrations/: the migration runner (scripts/migrate.ts) for the release step;
 * - worker.js: the job runner alone (scripts/worker.ts, `npm run worker`), for deployments with LIAISON_JOBS=off;
 * - public/ and <distDir>/static/: the files Next serves as they are.
 *
 * `npm run build:standalone` builds when the sources changed, then assembles; a second run reuses the build.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { ROOT } from "./next-server";

export type StandaloneBuild = {
  /** The folder to ship: run `node app-server.js` in it (with the image's environment). */
  directory: string;
  /** The app server, relative to `directory`. */
  server: string;
  /** The migration runner, relative to `directory`: `node prisma/migrate.js` with DATABASE_URL. */
  migrate: string;
  /** The job runner as a process of its own (scripts/worker.ts), relative to `directory`. */
  worker: string;
};

function bundle(entry: string, outfile: string, options: { define?: Record<string, string>; conditions?: string[] } = {}): void {
  buildSync({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // Next is in the standalone node_modules (traced by the build); pg's optional native binding is never used.
    external: ["next", "pg-native"],
    // scripts/migrate.ts finds an optional .env beside the checkout through import.meta.url, which a CommonJS bundle lacks.
    banner: { js: 'const __liaisonImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__liaisonImportMetaUrl", ...options.define },
    ...(options.conditions ? { conditions: options.conditions } : {}),
    logLevel: "warning",
  });
}

/** Completes <distDir>/standalone after `next build`; throws when the build has no standalone output. */
export function assembleStandalone(): StandaloneBuild {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const directory = path.join(ROOT, distDir, "standalone");
  if (!existsSync(path.join(directory, distDir, "BUILD_ID"))) {
    throw new Error(`No standalone build in ${distDir}/standalone: build first (next.config.js sets output: "standalone").`);
  }
  for (const [from, to] of [
    [path.join(ROOT, "public"), path.join(directory, "public")],
    [path.join(ROOT, distDir, "static"), path.join(directory, distDir, "static")],
    [path.join(ROOT, "prisma", "migrations"), path.join(directory, "prisma", "migrations")],
  ] as const) {
    // Replaced, not merged: a file deleted from the sources must not survive in the folder that ships.
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
  bundle("scripts/support/app-server.ts", path.join(directory, "app-server.js"), {
    define: { "process.env.LIAISON_STANDALONE_BUNDLE": JSON.stringify("1"), "process.env.LIAISON_STANDALONE_DIST_DIR": JSON.stringify(distDir) },
  });
  bundle("scripts/migrate.ts", path.join(directory, "prisma", "migrate.js"));
  // The job runner alone (`npm run worker`), with its Prisma client and pg-boss: the server's modules as `npm run worker` loads them.
  bundle("scripts/worker.ts", path.join(directory, "worker.js"), { conditions: ["react-server"] });
  return { directory, server: "app-server.js", migrate: path.join("prisma", "migrate.js"), worker: "worker.js" };
}
