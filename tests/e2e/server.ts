/**
 * The server the end-to-end tests run against: a fresh database on the real PostgreSQL server, migrated
 * and seeded with the demo data, and the production build served on E2E_PORT. The database is dropped
 * when Playwright stops the server.
 */
import { applyMigrations } from "@/prisma/migrate";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { createTemporaryDatabase } from "@/tests/support/database";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild, spawnNext } from "@/scripts/support/next-server";
import { DATABASE_URL_FILE, SERVER_LOG, SERVER_LOG_DIRECTORY } from "./server-log";

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await createTemporaryDatabase("liaison_e2e");
  let stopping = false;
  const cleanUp = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (running.server && running.server.exitCode === null) running.server.kill("SIGTERM");
    await database.drop().catch(() => undefined);
    process.exit(code);
  };
  const running: { server?: ReturnType<typeof spawnNext> } = {};
  process.on("SIGINT", () => void cleanUp(0));
  process.on("SIGTERM", () => void cleanUp(0));
  try {
    await applyMigrations(database.url);
    const prisma = createPrismaClient(database.url);
    await seedDemo(prisma);
    await prisma.$disconnect();
    ensureProductionBuild();
  } catch (error) {
    console.error("The e2e server could not start:", error instanceof Error ? error.message : error);
    await cleanUp(1);
    return;
  }
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  // A fresh set of logs for this run: spec-owned servers (tests/e2e/support/actions-client.ts) write theirs beside it.
  for (const name of readdirSync(SERVER_LOG_DIRECTORY)) if (name.endsWith(".log")) rmSync(path.join(SERVER_LOG_DIRECTORY, name));
  writeFileSync(SERVER_LOG, "");
  writeFileSync(DATABASE_URL_FILE, database.url);
  const server = spawnNext({
    dev: false,
    port,
    logFile: SERVER_LOG,
    env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  });
  running.server = server;
  server.on("exit", (code) => void cleanUp(code ?? 0));
}

void main();
