/**
 * One worker's app server for the end-to-end tests (tests/e2e/workers.ts): a fresh database on the real PostgreSQL
 * server, migrated and seeded with the demo data, and the production build served on the worker's port. Playwright
 * starts one per worker (E2E_SERVER_INDEX), and the database is dropped when it stops the server (SIGTERM).
 *
 * The production build is made once, by server 0: Playwright starts the servers one after another, each once the
 * previous one answers, and a later server also waits for server 0 to answer before it looks at the build, so two
 * servers never build at once. Server 0 also clears the previous run's logs before anyone writes a new one.
 */
import { applyMigrations } from "@/prisma/migrate";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { createTemporaryDatabase } from "@/tests/support/database";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild, spawnNext } from "@/scripts/support/next-server";
import { SERVER_LOG_DIRECTORY } from "./server-log";
import { appServer } from "./workers";

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = (await fetch(url).catch(() => null))?.status ?? 0;
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

async function main() {
  const { index, port, baseURL, logFile, databaseUrlFile } = appServer(Number(process.env.E2E_SERVER_INDEX ?? 0));
  const database = await createTemporaryDatabase(`liaison_e2e_${index}`);
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
    if (index > 0) await waitUntilServing(`${appServer(0).baseURL}/sign-in`, 600_000);
    ensureProductionBuild();
  } catch (error) {
    console.error(`The e2e server ${index} could not start:`, error instanceof Error ? error.message : error);
    await cleanUp(1);
    return;
  }
  mkdirSync(SERVER_LOG_DIRECTORY, { recursive: true });
  // A fresh set of logs for this run: the other workers' servers and the spec-owned ones (tests/e2e/support/actions-client.ts)
  // write theirs beside it, after this.
  if (index === 0) for (const name of readdirSync(SERVER_LOG_DIRECTORY)) if (name.endsWith(".log")) rmSync(path.join(SERVER_LOG_DIRECTORY, name));
  writeFileSync(logFile, "");
  writeFileSync(databaseUrlFile, database.url);
  const server = spawnNext({
    dev: false,
    port,
    logFile,
    env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e", NEXTAUTH_URL: baseURL },
  });
  running.server = server;
  server.on("exit", (code) => void cleanUp(code ?? 0));
}

void main();
