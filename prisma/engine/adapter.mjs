// The driver-adapter factory handed to the WebAssembly schema engine.
//
// It is @prisma/adapter-pg with the fixes the schema engine needs (see README.md beside this file):
//   1. Postgres OID 18 ("char") is unmapped in adapter-pg and makes catalog queries fail; it is
//      reported as the Character column type. Other unmapped system types (regclass, aclitem, ...)
//      are reported as Text rather than failing the whole query.
//   2. adapter-pg's executeScript splits scripts on ';', which breaks `$$` function bodies and
//      string literals: scripts run whole, as one simple-protocol query on one connection.
//   3. The SQLSTATE of a failed script is kept (lastScriptError) so the RPC layer can rebuild
//      Prisma's P3018 message, which otherwise loses it.
//   5. A configured shadow database is emptied on every connect.
//   6. `?schema=name`: search_path is set on every connection and the schema is created.
//   7. PGlite serves one database whatever name is asked for: its shadow database is an
//      in-memory PGlite served on an ephemeral local port.
// Every pool has a single connection: the engine takes a session-level advisory lock and expects
// one session, and PGlite over TCP returns wrong rows with concurrent connections.

import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { clientConfig, isPgliteVersion, parseDatasourceUrl, quoteIdent, withClient } from "./connection.mjs";

const FIRST_NORMAL_OBJECT_ID = 16384;
const CHAR_OID = 18;
const TEXT_OID = 25;
/** OIDs below FIRST_NORMAL_OBJECT_ID that adapter-pg 7.10 maps itself (fieldToColumnType). */
const OIDS_MAPPED_BY_ADAPTER = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560,
  1562, 1700, 2950, 3802,
  // arrays
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183,
  1185, 1231, 1561, 1563, 2951, 3807,
]);

/**
 * Rewrites unmapped type OIDs so adapter-pg's mapping does not throw, remembering which columns
 * must be reported as Character.
 */
function normalizeFieldTypes(fields, characterColumns) {
  fields.forEach((field, index) => {
    const oid = field.dataTypeID;
    if (oid >= FIRST_NORMAL_OBJECT_ID || OIDS_MAPPED_BY_ADAPTER.has(oid)) return;
    if (oid === CHAR_OID) characterColumns.push(index);
    field.dataTypeID = TEXT_OID;
  });
}

/** Fix 1 on a queryable (adapter or transaction); relies on adapter-pg's internal performIO. */
function patchQueryRaw(queryable) {
  const originalQueryRaw = queryable.queryRaw;
  queryable.queryRaw = async function queryRaw(query) {
    const characterColumns = [];
    // A view of the queryable whose performIO post-processes the field list of this query only.
    const view = Object.create(queryable, {
      performIO: {
        value: async (q) => {
          const result = await queryable.performIO(q);
          normalizeFieldTypes(result.fields, characterColumns);
          return result;
        },
      },
    });
    const result = await originalQueryRaw.call(view, query);
    for (const index of characterColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

function connectionErrorToAdapterError(error, ds) {
  const code = error?.code;
  if (code === "3D000") return new DriverAdapterError({ kind: "DatabaseDoesNotExist", db: ds.database });
  if (code === "28P01") return new DriverAdapterError({ kind: "AuthenticationFailed", user: ds.user });
  if (code === "28000") return new DriverAdapterError({ kind: "DatabaseAccessDenied", db: ds.database });
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EHOSTUNREACH") {
    return new DriverAdapterError({ kind: "DatabaseNotReachable", host: ds.host, port: Number(ds.port) });
  }
  if (/timeout/i.test(String(error?.message))) return new DriverAdapterError({ kind: "SocketTimeout" });
  return error;
}

/**
 * @param {object} options
 * @param {(level: string, message: string) => void} options.log
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, log }) {
  const state = {
    /** pg error of the last failed script, for the P3018 message. */
    lastScriptError: null,
    /** Whether the main database is PGlite; known after the first connect. */
    mainIsPglite: undefined,
  };

  const main = url ? parseDatasourceUrl(url) : undefined;

  /** A pool of one connection, with search_path set for `?schema=`. */
  function createPool(config, schema) {
    const pool = new pg.Pool({ ...config, max: 1, idleTimeoutMillis: 10_000 });
    pool.on("error", (error) => log("WARN", `idle database connection error: ${error.message}`));
    pool.on("connect", (client) => {
      // Queries on a pg client run in order, so this precedes any query of the engine. Without
      // `?schema=` the search_path is reset too: PGlite over TCP multiplexes every connection
      // onto one backend session, so a previous client's SET would otherwise still be in force.
      const sql = schema ? `SET search_path TO ${quoteIdent(schema)}` : "RESET search_path";
      client.query(sql).catch((error) => {
        log("ERROR", `could not set search_path: ${error.message}`);
      });
    });
    return pool;
  }

  /** Wraps a pool in an adapter-pg adapter with fixes 1-3 applied. */
  async function adapterFor(pool, schema, onDispose) {
    const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: false }).connect();
    patchQueryRaw(adapter);
    const originalStartTransaction = adapter.startTransaction;
    adapter.startTransaction = async function startTransaction(...args) {
      const transaction = await originalStartTransaction.apply(adapter, args);
      patchQueryRaw(transaction);
      return transaction;
    };
    adapter.executeScript = async function executeScript(script) {
      try {
        // Simple-protocol query: multiple statements, `$$` bodies intact, one implicit transaction.
        await pool.query(script);
      } catch (error) {
        state.lastScriptError = error;
        adapter.onError(error);
      }
    };
    adapter.dispose = async function dispose() {
      await pool.end().catch(() => {});
      await onDispose?.();
    };
    return adapter;
  }

  /** Fix 6: creates the `?schema=` schema if missing (checked first: CREATE needs a privilege). */
  async function preparePool(pool, ds) {
    try {
      if (ds.schema) {
        const { rowCount } = await pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [ds.schema]);
        if (!rowCount) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ds.schema)}`);
      }
    } catch (error) {
      await pool.end().catch(() => {});
      throw connectionErrorToAdapterError(error, ds);
    }
  }

  async function detectPglite(pool, ds) {
    try {
      const { rows } = await pool.query("SELECT version() AS version");
      return isPgliteVersion(rows[0]?.version);
    } catch (error) {
      await pool.end().catch(() => {});
      throw connectionErrorToAdapterError(error, ds);
    }
  }

  async function mainIsPglite() {
    if (state.mainIsPglite === undefined) {
      const ds = main;
      state.mainIsPglite = await withClient(clientConfig(ds), async (client) =>
        isPgliteVersion((await client.query("SELECT version() AS version")).rows[0]?.version),
      ).catch((error) => {
        throw connectionErrorToAdapterError(error, ds);
      });
    }
    return state.mainIsPglite;
  }

  /** Fix 5: a dedicated shadow database may hold the previous run's replay. */
  async function emptyDatabase(pool, schema) {
    await pool.query(`DO $$
DECLARE s record;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
  END LOOP;
END $$`);
    await pool.query("CREATE SCHEMA IF NOT EXISTS public");
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  }

  function sameServer(a, b) {
    const host = (h) => (["localhost", "127.0.0.1", "::1"].includes(h.toLowerCase()) ? "localhost" : h.toLowerCase());
    return host(a.host) === host(b.host) && a.port === b.port;
  }

  async function configuredShadow(ds, shadow) {
    if (sameServer(ds, shadow) && ds.database === shadow.database) {
      throw new DriverAdapterError({
        kind: "postgres",
        code: "N/A",
        severity: "ERROR",
        message:
          "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      });
    }
    const pool = createPool(clientConfig(shadow), ds.schema);
    try {
      await emptyDatabase(pool, ds.schema);
    } catch (error) {
      await pool.end().catch(() => {});
      throw connectionErrorToAdapterError(error, shadow);
    }
    log("INFO", "Connected to the configured shadow database and emptied it.");
    return adapterFor(pool, ds.schema);
  }

  /** An in-memory PGlite served on an ephemeral local port, reached through the same pg adapter. */
  async function inMemoryPglite(schema) {
    // Loaded only when needed: real PostgreSQL setups never pay for PGlite.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = new PGlite();
    await db.waitReady;
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
    await server.start();
    const ds = { ...parseDatasourceUrl(`postgresql://postgres@${server.getServerConn()}/postgres`), schema };
    const pool = createPool(clientConfig(ds), schema);
    const close = async () => {
      await server.stop().catch(() => {});
      await db.close().catch(() => {});
    };
    try {
      await preparePool(pool, ds);
    } catch (error) {
      await close();
      throw error;
    }
    return adapterFor(pool, schema, close);
  }

  async function temporaryShadow(ds) {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    try {
      await withClient(clientConfig(ds), (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    } catch (error) {
      throw new DriverAdapterError({
        kind: "postgres",
        code: error?.code ?? "N/A",
        severity: "ERROR",
        message: `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases, or set SHADOW_DATABASE_URL. Original error: ${error?.message ?? error}`,
      });
    }
    const drop = async () => {
      try {
        await withClient(clientConfig(ds), async (client) => {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
          } catch (error) {
            // 55006: still in use (a connection not yet gone); PostgreSQL 13+ can force it.
            if (error?.code !== "55006") throw error;
            await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
          }
        });
      } catch (error) {
        log("WARN", `could not drop the temporary shadow database ${name}: ${error?.message ?? error}`);
      }
    };
    const pool = createPool(clientConfig(ds, name), ds.schema);
    try {
      await preparePool(pool, { ...ds, database: name });
    } catch (error) {
      await drop();
      throw error;
    }
    return adapterFor(pool, ds.schema, drop);
  }

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",

    async connect() {
      if (!main) {
        // Without a URL the CLI only runs commands that need no real database (e.g.
        // `migrate diff --from-empty --to-schema`), but the wasm engine still connects: give it a
        // throwaway in-memory PGlite, so SQL can be authored with no server at all.
        log("INFO", "No datasource URL: using a throwaway in-memory PGlite.");
        state.mainIsPglite = true;
        return inMemoryPglite(undefined);
      }
      const ds = main;
      const pool = createPool(clientConfig(ds), ds.schema);
      state.mainIsPglite = await detectPglite(pool, ds);
      await preparePool(pool, ds);
      return adapterFor(pool, ds.schema);
    },

    async connectToShadowDb() {
      if (!main) return inMemoryPglite(undefined);
      const ds = main;
      const pglite = await mainIsPglite();
      if (shadowDatabaseUrl) {
        const shadow = parseDatasourceUrl(shadowDatabaseUrl);
        if (!(pglite && sameServer(ds, shadow))) return configuredShadow(ds, shadow);
        // A "shadow database" on the same PGlite server would be the main database itself.
        log("WARN", "The configured shadow database is on the same PGlite server as the main one; ignoring it.");
      }
      if (!pglite) return temporaryShadow(ds);
      log("INFO", "Main database is PGlite: using an in-memory PGlite as the shadow database.");
      return inMemoryPglite(ds.schema);
    },
  };

  return { factory, state };
}
