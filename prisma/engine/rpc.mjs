// The schema engine's JSON-RPC 2.0 protocol, one JSON message per line on stdin/stdout, as the
// Prisma CLI speaks it to the native binary. Requests are served one at a time, in order, by a
// single WebAssembly engine instance for the life of the process (the engine keeps state between
// the requests of one CLI command, e.g. `migrate dev`).

import { readFileSync } from "node:fs";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapterFactory } from "./adapter.mjs";
import { createDatabase, EngineUserError, parseDatasourceUrl } from "./connection.mjs";
import { hasPanicked, loadSchemaEngineWasm, takePanicMessage } from "./wasm.mjs";

/** Exit code of the native engine after a panic; the CLI reports it as a crash. */
export const PANIC_EXIT_CODE = 101;
/** The native engine's JSON-RPC error code for application errors. */
const APPLICATION_ERROR = 4466;
const APPLICATION_ERROR_MESSAGE = "An error happened. Check the data field for details.";
/** How long to wait for the CLI to acknowledge a `print` request. */
const PRINT_TIMEOUT_MS = 30_000;

const P3018_PREFIX =
  "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve";

/** Methods that replay the migration history and may need the shadow database (gotcha 4). */
const METHODS_NEEDING_SHADOW_DIAGNOSIS = new Set(["evaluateDataLoss", "createMigration"]);

/** Methods forwarded unchanged to the SchemaEngine class (the key is the RPC name). */
const FORWARDED = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  devDiagnostic: "devDiagnostic",
  diff: "diff",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  ensureConnectionValidity: "ensureConnectionValidity",
  evaluateDataLoss: "evaluateDataLoss",
  getDatabaseVersion: "version",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

/** Postgres' own report of an error, as psql prints it ("ERROR: ...", then DETAIL/HINT/... lines). */
export function describePostgresError(error) {
  const lines = [`${error.severity ?? "ERROR"}: ${error.message}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.where) lines.push(`CONTEXT: ${error.where}`);
  if (error.position) lines.push(`POSITION: ${error.position}`);
  return lines.join("\n");
}

/**
 * Gotcha 3: through the driver adapter, a failed migration script reaches the engine without its
 * SQLSTATE. Rebuild Prisma's P3018 message from the pg error we kept.
 */
function rebuildP3018(migrationName, pgError) {
  const databaseError = describePostgresError(pgError);
  const message = `${P3018_PREFIX}\n\nMigration name: ${migrationName}\n\nDatabase error code: ${pgError.code}\n\nDatabase error:\n${databaseError}\n`;
  return new EngineUserError("P3018", message, {
    migration_name: migrationName,
    database_error_code: pgError.code,
    database_error: databaseError,
  });
}

/**
 * Other failures of a script (e.g. P3006, a migration that does not replay on the shadow
 * database) show adapter-pg's paraphrase under "external connector error": show Postgres' own.
 */
function withPostgresError(error, pgError) {
  const message = String(error?.message ?? "");
  const marker = /external connector error\n[^\n]*/;
  if (!marker.test(message)) return error;
  return new EngineUserError(
    error.code,
    message.replace(marker, `Database error code: ${pgError.code}\n\nDatabase error:\n${describePostgresError(pgError)}\n`),
    error.meta,
  );
}

/**
 * Connection failures reach the wasm engine as driver-adapter errors and come back without the
 * P1xxx codes the native engine gives them: restore code and wording.
 */
function withConnectionErrorCode(error) {
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) return error;
  const message = String(error?.message ?? "");
  const unreachable = /^Database not reachable: (\S+)/.exec(message);
  if (unreachable) {
    const at = unreachable[1];
    return new EngineUserError(
      "P1001",
      `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
    );
  }
  const missing = /^Database does not exist: (\S+)/.exec(message);
  if (missing) {
    return new EngineUserError("P1003", `Database \`${missing[1]}\` does not exist on the database server.`);
  }
  return error;
}

/** The migration a wasm engine error is about, from its span trace or its P3018 text. */
function migrationNameIn(error) {
  const message = String(error?.message ?? "");
  return (
    /migration_name="([^"]+)"/.exec(message)?.[1] ??
    /Migration name: (\S+)/.exec(message)?.[1] ??
    error?.meta?.migration_name
  );
}

/**
 * @param {object} options
 * @param {string[]} options.datamodelPaths
 * @param {{ url?: string, shadowDatabaseUrl?: string }} options.datasource
 * @param {(level: string, message: string, fields?: object) => void} options.log
 */
export function runRpcServer({ datamodelPaths, datasource, log }) {
  const datamodels = datamodelPaths.map((path) => [path, readFileSync(path, "utf8")]);
  let adapterState;
  let enginePromise;
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map();
  let currentRequestId = null;
  let queue = Promise.resolve();

  const write = (message) => {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  };

  function getEngine() {
    enginePromise ??= (async () => {
      const { glue } = await loadSchemaEngineWasm();
      const { factory, state } = createAdapterFactory({
        url: datasource.url,
        shadowDatabaseUrl: datasource.shadowDatabaseUrl,
        log,
      });
      adapterState = state;
      // The engine's own log lines are JSON already; the CLI reads them from stderr.
      const onLog = (line) => process.stderr.write(`${String(line).replace(/\n+$/, "")}\n`);
      return glue.SchemaEngine.new(
        { datamodels: datamodels.length > 0 ? datamodels : undefined },
        onLog,
        bindMigrationAwareSqlAdapterFactory(factory),
      );
    })();
    return enginePromise;
  }

  /** Sends a request to the CLI (only `print` exists) and waits for its acknowledgement. */
  function requestCli(method, params) {
    const id = nextOutgoingId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pendingOutgoing.delete(id);
        reject(new Error(`The Prisma CLI did not acknowledge the ${method} request.`));
      }, PRINT_TIMEOUT_MS);
      pendingOutgoing.set(id, (message) => {
        clearTimeout(timer);
        resolve(message.result);
      });
      write({ jsonrpc: "2.0", id, method, params });
    });
  }

  async function dispatch(method, params) {
    if (method === "createDatabase") {
      const url = params?.datasource?.url ?? datasource.url;
      return createDatabase(parseDatasourceUrl(url));
    }
    if (method === "debugPanic") {
      const engine = await getEngine();
      return engine.debugPanic();
    }
    const engineMethod = FORWARDED[method];
    if (!engineMethod) {
      const error = new Error(`Method not found: ${method}`);
      error.rpcCode = -32601;
      throw error;
    }
    const engine = await getEngine();
    if (METHODS_NEEDING_SHADOW_DIAGNOSIS.has(method) && params?.migrationsList) {
      // Gotcha 4: after `migrate dev` applied pending migrations, the wasm engine's next history
      // replay fails with "PostgreSQL shadow DB must be provided through an external factory"
      // unless a shadow-enabled diagnosis ran first on the same engine instance.
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
    }
    if (method === "getDatabaseVersion") return engine.version(params ?? null);
    const result = await engine[engineMethod](params);
    if (method === "diff" && result && typeof result.stdout === "string") {
      // The CLI prints only what arrives as `print` requests, never the result's stdout.
      await requestCli("print", { content: result.stdout });
      return { ...result, stdout: null };
    }
    return result;
  }

  function panicResponse(id, error) {
    const message = takePanicMessage() ?? (error instanceof Error ? error.message : String(error));
    log("ERROR", message, { is_panic: true });
    write({
      jsonrpc: "2.0",
      id,
      error: { code: APPLICATION_ERROR, message, data: { is_panic: true, message, backtrace: null } },
    });
  }

  function isPanic(error) {
    return hasPanicked() || error instanceof WebAssembly.RuntimeError;
  }

  /** After a panic the wasm instance is unusable: report it and exit like the native engine. */
  function exitAfterPanic(id, error) {
    panicResponse(id, error);
    process.stdout.write("", () => process.exit(PANIC_EXIT_CODE));
  }

  async function handleRequest(request) {
    const { id, method, params } = request;
    currentRequestId = id;
    if (adapterState) adapterState.lastScriptError = null;
    try {
      const result = await dispatch(method, params);
      write({ jsonrpc: "2.0", id, result: result === undefined ? {} : result });
    } catch (caught) {
      if (isPanic(caught)) {
        exitAfterPanic(id, caught);
        return;
      }
      let error = caught;
      const pgError = adapterState?.lastScriptError;
      const failedMigration = migrationNameIn(error);
      if (method === "applyMigrations" && pgError?.code && failedMigration) {
        error = rebuildP3018(failedMigration, pgError);
      } else if (pgError?.code) {
        error = withPostgresError(error, pgError);
      } else {
        error = withConnectionErrorCode(error);
      }
      if (error?.rpcCode) {
        write({ jsonrpc: "2.0", id, error: { code: error.rpcCode, message: error.message } });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const data = { is_panic: false, message, backtrace: null };
      if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
        data.error_code = error.code;
        data.meta = error.meta ?? {};
      }
      write({ jsonrpc: "2.0", id, error: { code: APPLICATION_ERROR, message: APPLICATION_ERROR_MESSAGE, data } });
    } finally {
      currentRequestId = null;
    }
  }

  // A panic inside an async engine task surfaces outside the awaited promise.
  const onFatal = (error) => {
    if (isPanic(error)) {
      exitAfterPanic(currentRequestId, error);
      return;
    }
    log("ERROR", `unexpected error in the schema engine: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim().length === 0) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && message.id !== undefined && pendingOutgoing.has(message.id)) {
      // The CLI's answer to one of our `print` requests.
      const resolve = pendingOutgoing.get(message.id);
      pendingOutgoing.delete(message.id);
      resolve(message);
      return;
    }
    if (typeof message.method !== "string") {
      write({ jsonrpc: "2.0", id: message.id ?? null, error: { code: -32600, message: "Invalid request" } });
      return;
    }
    queue = queue.then(() => handleRequest(message));
  });
  lines.on("close", () => {
    // The CLI closes stdin when done: finish the request in flight, then leave.
    queue.then(() => process.exit(0));
  });
}
