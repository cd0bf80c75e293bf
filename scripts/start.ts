/**
 * `npm start`: serves Liaison's production build at http://localhost:3000 (PORT to change).
 *
 * Without DATABASE_URL: an embedded PostgreSQL (PGlite) in .data/, migrated and, when empty, seeded with
 * the fictional demo data on first start; a session secret is generated once and kept in .data/.
 * With DATABASE_URL: that PostgreSQL, as it is. No accounts are created (run `npm run db:migrate` and,
 * for a demo only, `npm run db:seed` yourself), and NEXTAUTH_SECRET is required. Served by WEB_CONCURRENCY worker
 * processes (default: one per core; scripts/support/app-server.ts). The embedded database takes one connection,
 * so it is always served by one process, as is `npm run dev`.
 *
 * `npm run dev` does the same with `next dev`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/prisma/migrate";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { demoAccountsText } from "@/prisma/seed/accounts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./support/embedded-database";
import { ensureProductionBuild, ROOT, spawnNext } from "./support/next-server";
import { webConcurrency } from "./support/web-concurrency";

const DATA_DIR = path.join(ROOT, ".data");

function persistentSecret(): string {
  const file = path.join(DATA_DIR, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function prepareEmbeddedDatabase(): Promise<EmbeddedDatabase> {
  console.log("No DATABASE_URL: using the embedded database in .data/ (demo mode).");
  const database = await startEmbeddedDatabase(path.join(DATA_DIR, "pglite"));
  const { applied } = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);
  const prisma = createPrismaClient(database.url, { max: 1 });
  try {
    if ((await prisma.user.count()) === 0) {
      console.log("Empty database: loading the fictional demo data…");
      const summary = await seedDemo(prisma);
      console.log(`Demo data loaded: ${summary.created} cases.`);
    }
  } finally {
    await prisma.$disconnect();
  }
  return database;
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  let embedded: EmbeddedDatabase | null = null;
  const childEnv: Record<string, string> = {};
  // Validated in every mode, so that a typo is reported even where the value would not be used.
  const workers = webConcurrency(process.env.WEB_CONCURRENCY);

  if (process.env.DATABASE_URL) {
    if (!dev && !process.env.NEXTAUTH_SECRET) {
      console.error("NEXTAUTH_SECRET is required when serving a real database in production. Generate one with: openssl rand -base64 32");
      process.exit(1);
    }
    childEnv.WEB_CONCURRENCY = dev ? "1" : String(workers);
  } else {
    // PGlite serves one connection: several processes would queue behind it, and only one may own .data/.
    if (process.env.WEB_CONCURRENCY && workers > 1) console.log("WEB_CONCURRENCY is ignored on the embedded database: one process serves it.");
    childEnv.WEB_CONCURRENCY = "1";
    embedded = await prepareEmbeddedDatabase();
    childEnv.DATABASE_URL = embedded.url;
    childEnv.DATABASE_POOL_MAX = "1";
    childEnv.NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET ?? persistentSecret();
  }
  childEnv.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

  if (!dev) ensureProductionBuild();
  const server = spawnNext({ dev, port, env: childEnv });
  if (embedded) console.log(`\n${demoAccountsText()}\n`);
  console.log(`Liaison: http://localhost:${port}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    // Closing PGlite flushes its data directory: never exit without it.
    await embedded?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error("Liaison could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
