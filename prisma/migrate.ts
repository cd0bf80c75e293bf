// Plain migration runner: applies prisma/migrations/<name>/migration.sql with nothing but `pg`.
//
// Why: production images and the embedded (PGlite) database apply migrations at start-up, where
// neither the Prisma CLI nor its schema engine should be needed. The runner writes
// `_prisma_migrations` exactly as Prisma's engine does (same table, same checksum, same columns),
// so `prisma migrate status|deploy` on the same database, with the stock CLI or the stand-in engine
// in prisma/engine/, sees it as migrated by Prisma.
//
// Differences from `prisma migrate deploy`, on purpose:
// - Each migration runs inside one transaction together with its `_prisma_migrations` row, so a
//   failure leaves the database as it was and records nothing (Prisma records a failed row that
//   must be resolved by hand). Statements that refuse to run in a transaction block (e.g. CREATE
//   INDEX CONCURRENTLY) fail here, as they also do in Prisma's multi-statement scripts.
// - A recorded migration whose file changed (checksum mismatch) is refused, not just reported.
// Works on PostgreSQL and on PGlite served over TCP (@electric-sql/pglite-socket), which needs a
// single connection: everything goes through one pg.Client.

import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** The migrations folder of this repository. */
// __dirname works under tsx, Vitest and Playwright alike (import.meta makes Playwright load the file as ESM).
export const MIGRATIONS_DIR = path.join(__dirname, "migrations");

/** The advisory lock key Prisma's schema engine takes, so the runner and the CLI exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
const LOCK_RETRY_MS = 250;

/** Verbatim from Prisma's schema engine (PostgreSQL flavour), so the table is byte-for-byte Prisma's. */
const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/** Query parameters of Prisma connection strings that pg does not understand. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "connect_timeout",
  "sslaccept",
];

export interface ApplyMigrationsOptions {
  /** Receives progress lines (migration names only, never data or connection details). */
  log?: (line: string) => void;
  /** Defaults to this repository's prisma/migrations. */
  migrationsDir?: string;
  /** How long to wait for another migrator (runner or Prisma CLI) to finish. Default 60 s. */
  lockTimeoutMs?: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
  bytes: Buffer;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Prisma accepts a recorded checksum if it matches the script as is, or with its line endings
 * converted either way (a checkout with other line endings is not an edit).
 */
function checksumMatches(migration: LocalMigration, recorded: string): boolean {
  if (recorded === migration.checksum) return true;
  const text = migration.script;
  return recorded === sha256Hex(text.replaceAll("\r\n", "\n")) || recorded === sha256Hex(text.replaceAll("\n", "\r\n"));
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Splits off Prisma's `?schema=` and other Prisma-only parameters. */
function parseConnectionString(connectionString: string): { pgConnectionString: string; schema?: string } {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    // Never echo the string: it may contain a password.
    throw new MigrationError("The database connection string is not a valid URL.");
  }
  const schema = url.searchParams.get("schema") || undefined;
  for (const name of PRISMA_ONLY_PARAMS) url.searchParams.delete(name);
  return { pgConnectionString: url.toString(), schema };
}

async function readLocalMigrations(dir: string): Promise<LocalMigration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  // Same order as the Prisma CLI's (it sorts folder names with localeCompare).
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name, "migration.sql"));
    } catch {
      throw new MigrationError(`Migration folder ${name} has no readable migration.sql.`);
    }
    migrations.push({ name, bytes, script: bytes.toString("utf8"), checksum: sha256Hex(bytes) });
  }
  return migrations;
}

/** Postgres' own text of a failed statement, without DETAIL (it can quote row values). */
function describeDatabaseError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const pgError = error as pg.DatabaseError;
    const hint = pgError.hint ? `\nHINT: ${pgError.hint}` : "";
    return `Database error code: ${pgError.code}\nERROR: ${pgError.message}${hint}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function acquireLock(client: pg.Client, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for the migration lock: another migration (this runner or the Prisma CLI) is still running.`,
      );
    }
    if (!waiting) {
      log("Waiting for another migration run to finish...");
      waiting = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
  }
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  const exists = async () =>
    (await client.query<{ table: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS table")).rows[0]
      ?.table != null;
  if (await exists()) return;
  // Checked again inside a transaction: on PGlite the advisory lock does not exclude another client
  // (all connections share one session), but transactions are serialised.
  await client.query("BEGIN");
  try {
    if (!(await exists())) await client.query(PRISMA_MIGRATIONS_TABLE_DDL);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    // Re-checked inside the transaction for the same PGlite reason as above.
    const already = await client.query(
      "SELECT 1 FROM _prisma_migrations WHERE migration_name = $1 AND rolled_back_at IS NULL",
      [migration.name],
    );
    if (already.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      // The whole file as one simple-protocol query: `$$` bodies and several statements intact.
      await client.query(migration.script);
    } catch (error) {
      throw new MigrationError(
        `Migration ${migration.name} failed and was rolled back; nothing was recorded.\n${describeDatabaseError(error)}`,
      );
    }
    await client.query(
      "UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`, in name
 * order, each in its own transaction. Refuses to run if a recorded migration failed or was edited.
 */
export async function applyMigrations(
  connectionString: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await readLocalMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const { pgConnectionString, schema } = parseConnectionString(connectionString);

  const client = new pg.Client({ connectionString: pgConnectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Without a listener, a dropped connection would crash the process instead of failing the query.
  client.on("error", () => {});
  await client.connect();
  try {
    if (schema) {
      // Checked first: CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege.
      const found = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
      if (!found.rowCount) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    } else {
      // PGlite over TCP shares one session between connections: undo any earlier client's SET.
      await client.query("RESET search_path");
    }
    await acquireLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, log);
    try {
      await ensureMigrationsTable(client);
      const { rows } = await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM _prisma_migrations ORDER BY started_at ASC`,
      );
      const live = rows.filter((row) => row.rolled_back_at === null);

      const failed = live.filter((row) => row.finished_at === null).map((row) => row.migration_name);
      if (failed.length > 0) {
        throw new MigrationError(
          `Refusing to migrate: migration(s) ${failed.join(", ")} failed earlier and are recorded as failed. ` +
            "Fix the database, then mark them with `prisma migrate resolve --rolled-back <name>` or `--applied <name>`.",
        );
      }

      const local = new Map(migrations.map((migration) => [migration.name, migration]));
      const edited = live
        .filter((row) => {
          const migration = local.get(row.migration_name);
          return migration !== undefined && !checksumMatches(migration, row.checksum);
        })
        .map((row) => row.migration_name);
      if (edited.length > 0) {
        throw new MigrationError(
          `Refusing to migrate: migration(s) ${edited.join(", ")} were modified after they were applied ` +
            "(checksum mismatch). Restore the original migration.sql; put changes in a new migration.",
        );
      }

      const recorded = new Set(live.map((row) => row.migration_name));
      const missing = [...recorded].filter((name) => !local.has(name));
      if (missing.length > 0) {
        log(`Note: ${missing.length} applied migration(s) are not in the migrations folder: ${missing.join(", ")}`);
      }

      const applied: string[] = [];
      for (const migration of migrations) {
        if (recorded.has(migration.name)) continue;
        log(`Applying migration ${migration.name}`);
        if (await applyOne(client, migration)) applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
