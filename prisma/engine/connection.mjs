// Connection-string handling and the `cli` subcommands of the stand-in schema engine.
//
// Prisma connection strings carry parameters that node-postgres does not understand
// (`schema`, `connection_limit`, `pgbouncer`, ...). We strip them, keep `schema` to set the
// search_path ourselves, and translate `connect_timeout` into pg's connectionTimeoutMillis.

import pg from "pg";

/** Query parameters that are Prisma's, not libpq's: pg must not see them. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "connect_timeout",
  "sslaccept",
  "sslidentity",
  "sslpassword",
  "max_connection_lifetime",
  "max_idle_connection_lifetime",
  "single_use_connections",
];

/** Bounded so a firewalled host fails in seconds instead of hanging the CLI. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * @typedef {object} ParsedDatasource
 * @property {string} connectionString  URL without Prisma-only parameters, for pg.
 * @property {string | undefined} schema  Value of `?schema=`, if any.
 * @property {string} database
 * @property {string} host
 * @property {string} port
 * @property {string} user
 * @property {number} connectTimeoutMs
 */

/**
 * @param {string} url
 * @returns {ParsedDatasource}
 */
export function parseDatasourceUrl(url) {
  if (typeof url !== "string" || url.length === 0) {
    throw new EngineUserError("P1012", "The datasource URL is empty. Set DATABASE_URL (see prisma.config.ts).");
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the URL: it may contain a password.
    throw new EngineUserError("P1013", "The provided database string is invalid. The URL could not be parsed.");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new EngineUserError(
      "P1013",
      `The provided database string is invalid. This stand-in schema engine only supports postgresql:// URLs (got \`${parsed.protocol}\`).`,
    );
  }
  const schema = parsed.searchParams.get("schema") || undefined;
  const connectTimeoutSeconds = Number(parsed.searchParams.get("connect_timeout"));
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const socketHost = parsed.searchParams.get("host");
  return {
    connectionString: parsed.toString(),
    schema,
    database,
    host: socketHost || decodeURIComponent(parsed.hostname).replace(/^\[(.+)\]$/, "$1") || "localhost",
    port: parsed.port || "5432",
    user: decodeURIComponent(parsed.username) || "postgres",
    connectTimeoutMs:
      Number.isFinite(connectTimeoutSeconds) && connectTimeoutSeconds > 0
        ? connectTimeoutSeconds * 1000
        : DEFAULT_CONNECT_TIMEOUT_MS,
  };
}

/** Same server, another database (pg lets the URL win over a `database` option, so rewrite the URL). */
export function withDatabase(connectionString, database) {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** pg.ClientConfig for a parsed datasource, optionally on another database of the same server. */
export function clientConfig(ds, database) {
  return {
    connectionString: database ? withDatabase(ds.connectionString, database) : ds.connectionString,
    // Connecting is bounded; statements are not (a data migration may legitimately take long).
    connectionTimeoutMillis: ds.connectTimeoutMs,
  };
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** A user-facing error with a Prisma error code (P1001, P3018, ...). */
export class EngineUserError extends Error {
  constructor(code, message, meta) {
    super(message);
    this.name = "EngineUserError";
    this.code = code;
    this.meta = meta;
  }
}

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNRESET"]);

/** Maps a pg connection error to the P1xxx error the native engine would report. */
export function toUserError(error, ds, database = ds.database) {
  if (error instanceof EngineUserError) return error;
  const code = error && typeof error === "object" ? error.code : undefined;
  const at = `${ds.host}:${ds.port}`;
  if (code === "3D000") {
    return new EngineUserError("P1003", `Database \`${database}\` does not exist on the database server at \`${at}\`.`, {
      database_name: database,
      database_host: ds.host,
      database_port: ds.port,
    });
  }
  if (code === "28P01" || code === "28000") {
    return new EngineUserError(
      "P1000",
      `Authentication failed against database server, the provided database credentials for \`${ds.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
    );
  }
  if (code === "42501") {
    return new EngineUserError("P1010", `User \`${ds.user}\` was denied access on the database \`${database}\``);
  }
  if (code === "42P04") {
    return new EngineUserError("P1009", `Database \`${database}\` already exists on the database server at \`${at}\``);
  }
  if (typeof code === "string" && UNREACHABLE_CODES.has(code)) {
    return new EngineUserError(
      "P1001",
      `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) {
    return new EngineUserError(
      "P1002",
      `The database server at \`${at}\` was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at \`${at}\`.`,
    );
  }
  return new EngineUserError(undefined, message);
}

/** Runs `fn` with a connected pg.Client and always closes it. */
export async function withClient(config, fn) {
  const client = new pg.Client(config);
  // An 'error' event without a listener would crash the process (e.g. server restart mid-command).
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects to a maintenance database of the server (postgres, then template1), for CREATE/DROP DATABASE. */
async function withMaintenanceClient(ds, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    try {
      return await withClient(clientConfig(ds, database), fn);
    } catch (error) {
      lastError = error;
      if (error?.code !== "3D000") throw error;
    }
  }
  throw lastError;
}

export async function canConnectToDatabase(ds) {
  try {
    await withClient(clientConfig(ds), (client) => client.query("SELECT 1"));
  } catch (error) {
    throw toUserError(error, ds);
  }
}

export async function createDatabase(ds) {
  try {
    await withMaintenanceClient(ds, (client) => client.query(`CREATE DATABASE ${quoteIdent(ds.database)}`));
    if (ds.schema) {
      await withClient(clientConfig(ds), (client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ds.schema)}`));
    }
  } catch (error) {
    throw toUserError(error, ds);
  }
  return { databaseName: ds.database };
}

export async function dropDatabase(ds) {
  try {
    await withMaintenanceClient(ds, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(ds.database)}`));
  } catch (error) {
    throw toUserError(error, ds);
  }
}

/**
 * PGlite (Postgres in WebAssembly, served over TCP by pglite-socket) accepts any database name and
 * serves its single database, so "create a temporary shadow database" would silently replay
 * migrations into the main one. It identifies itself in version().
 */
export function isPgliteVersion(versionString) {
  return /PGlite/i.test(String(versionString));
}
