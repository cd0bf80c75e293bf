// The migration history in prisma/migrations must produce exactly prisma/schema.prisma, whether it
// is applied by the stock Prisma CLI (through the stand-in schema engine that prisma.config.ts
// selects) or by the plain runner used at start-up and in production images; and both must leave
// a `_prisma_migrations` table the CLI accepts.

import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/prisma/migrate";
import { createTemporaryDatabase } from "@/tests/support/database";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const CLI_TIMEOUT_MS = 45_000;

interface CliResult {
  code: number;
  /** stdout and stderr together, shown when an assertion fails. */
  output: string;
}

/** Runs the unchanged Prisma CLI from the repository root against `databaseUrl`. */
function prisma(args: string[], databaseUrl: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // No update check or telemetry: nothing may reach the network.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    NO_COLOR: "1",
  };
  // The engine must come from prisma.config.ts, as it does for developers and CI.
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  delete env.SHADOW_DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      { cwd: ROOT, env, timeout: CLI_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `$ prisma ${args.join(" ")}\n${stdout}\n${stderr}` });
      },
    );
  });
}

const noDrift = (url: string) =>
  prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", SCHEMA, "--exit-code"], url);
const status = (url: string) => prisma(["migrate", "status"], url);

async function migrationRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      logs: string | null;
      rolled_back_at: Date | null;
      finished: boolean;
    }>(
      `SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at, finished_at IS NOT NULL AS finished
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("database migrations", () => {
  let viaCli: Awaited<ReturnType<typeof createTemporaryDatabase>> | undefined;
  let viaRunner: Awaited<ReturnType<typeof createTemporaryDatabase>> | undefined;
  let tamperedDir: string | undefined;
  let migrationNames: string[] = [];

  beforeAll(async () => {
    const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
    migrationNames = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b));
    viaCli = await createTemporaryDatabase("liaison_migrate_cli");
    viaRunner = await createTemporaryDatabase("liaison_migrate_runner");
  });

  afterAll(async () => {
    // Each cleanup on its own: one failing must not leave the others behind.
    await Promise.allSettled([
      viaCli?.drop(),
      viaRunner?.drop(),
      tamperedDir ? rm(tamperedDir, { recursive: true, force: true }) : undefined,
    ]);
  });

  it("has at least one migration", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
  });

  it("applies with the stock `prisma migrate deploy` and matches the schema", async () => {
    const url = viaCli!.url;
    const deploy = await prisma(["migrate", "deploy"], url);
    expect(deploy.code, deploy.output).toBe(0);

    const diff = await noDrift(url);
    expect(diff.code, diff.output).toBe(0);

    const report = await status(url);
    expect(report.code, report.output).toBe(0);
    expect(report.output).toContain("Database schema is up to date!");

    const rows = await migrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  });

  it("applies with the plain runner, which the stock CLI then accepts", async () => {
    const url = viaRunner!.url;
    const { applied } = await applyMigrations(url);
    expect(applied).toEqual(migrationNames);

    const diff = await noDrift(url);
    expect(diff.code, diff.output).toBe(0);

    const report = await status(url);
    expect(report.code, report.output).toBe(0);
    expect(report.output).toContain("Database schema is up to date!");

    // The runner's bookkeeping is the engine's: same names and checksums, one step, no logs.
    const cliRows = await migrationRows(viaCli!.url);
    const runnerRows = await migrationRows(url);
    const essentials = (rows: typeof runnerRows) =>
      rows.map(({ migration_name, checksum, applied_steps_count, logs, rolled_back_at, finished }) => ({
        migration_name,
        checksum,
        applied_steps_count,
        logs,
        rolled_back_at,
        finished,
      }));
    expect(essentials(runnerRows)).toEqual(essentials(cliRows));
  });

  it("applies nothing the second time", async () => {
    const lines: string[] = [];
    const { applied } = await applyMigrations(viaRunner!.url, { log: (line) => lines.push(line) });
    expect(applied).toEqual([]);
    expect(lines).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    tamperedDir = await mkdtemp(path.join(os.tmpdir(), "liaison-migrations-"));
    await cp(MIGRATIONS_DIR, tamperedDir, { recursive: true });
    const first = migrationNames[0]!;
    await writeFile(path.join(tamperedDir, first, "migration.sql"), "-- edited after it was applied\n", { flag: "a" });

    await expect(applyMigrations(viaRunner!.url, { migrationsDir: tamperedDir })).rejects.toThrow(
      /modified after they were applied/,
    );
    // Nothing changed: the untouched history still applies nothing.
    expect((await applyMigrations(viaRunner!.url)).applied).toEqual([]);
  });

  it("refuses to continue past a migration recorded as failed", async () => {
    const client = new pg.Client({ connectionString: viaRunner!.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES (gen_random_uuid()::text, repeat('0', 64), '99999999999999_failed', now(), 0)`,
      );
      await expect(applyMigrations(viaRunner!.url)).rejects.toThrow(/99999999999999_failed failed earlier/);
    } finally {
      await client.query("DELETE FROM _prisma_migrations WHERE migration_name = '99999999999999_failed'");
      await client.end();
    }
  });
});
