#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary.
//
// Why this exists: the Prisma CLI's migration commands (`migrate dev|deploy|status|diff|reset|
// resolve`, `db push|pull|execute`) spawn a native schema-engine executable that the CLI downloads
// from Prisma's binary host on first use. Liaison's build machines and many deployments
// (government and NGO networks with strict egress rules) cannot reach that host. The same engine
// is published compiled to WebAssembly, so this program speaks the native engine's stdin/stdout
// protocol on top of it, using @prisma/adapter-pg and pg for database access. prisma.config.ts
// points PRISMA_SCHEMA_ENGINE_BINARY here, so the stock, unchanged CLI works offline and keeps
// Prisma's migration folder layout and `_prisma_migrations` table: a machine with the native
// engine can run the stock commands on the same database.
//
// It leans on internals of prisma, @prisma/adapter-pg, @prisma/driver-adapter-utils,
// @prisma/schema-engine-wasm and pg: their versions are pinned exactly in package.json. Design
// and the gotchas handled are described in README.md and in the comments of the modules
// beside this file:
//   wasm.mjs        loading the WebAssembly engine (the build matching the CLI's engine version)
//   adapter.mjs     the driver adapter: type mapping, whole scripts, shadow databases, ?schema=
//   connection.mjs  URL handling and the `cli` subcommands, implemented with pg
//   rpc.mjs         the JSON-RPC server, `print` requests, P3018 messages, panics
//
// Invocations, as the CLI makes them:
//   schema-engine.mjs --version
//   schema-engine.mjs --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//   schema-engine.mjs [--datamodels <schema.prisma>]... --datasource '{"url":...,"shadowDatabaseUrl":...}'

import {
  canConnectToDatabase,
  createDatabase,
  dropDatabase,
  EngineUserError,
  parseDatasourceUrl,
} from "./connection.mjs";
import { runRpcServer } from "./rpc.mjs";
import { loadSchemaEngineWasm } from "./wasm.mjs";

/** Log lines on stderr are JSON, as the native engine writes them and the CLI parses them. */
function logLine(level, message, fields = {}, target = "schema_engine_standin") {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target });
}

function log(level, message, fields) {
  process.stderr.write(`${logLine(level, message, fields)}\n`);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`Missing value for ${arg}`);
      return next;
    };
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--datamodels" || arg === "-d") args.datamodels.push(value());
    else if (arg === "--datasource") args.datasource = JSON.parse(value());
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value(); // accepted, unused
    else if (arg === "cli") args.cli = argv[++i];
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}

/**
 * `cli <command>`: the CLI reads the outcome from the exit code and, on failure, from stderr,
 * skipping its first line and parsing every following line as JSON.
 */
async function runCliCommand(command, datasource) {
  const fail = (error) => {
    const userError = error instanceof EngineUserError ? error : new EngineUserError(undefined, String(error?.message ?? error));
    const fields = { is_panic: false, message: userError.message };
    if (userError.code) fields.error_code = userError.code;
    process.stderr.write(`${logLine("INFO", `Running cli command ${command}`)}\n`);
    // No trailing newline: an empty last line would not parse as JSON.
    process.stderr.write(
      JSON.stringify({ timestamp: new Date().toISOString(), level: "ERROR", fields, target: "schema_engine::logger" }),
    );
    process.exitCode = 1;
  };
  try {
    const ds = parseDatasourceUrl(datasource?.url);
    switch (command) {
      case "can-connect-to-database":
        await canConnectToDatabase(ds);
        process.stdout.write("Connection successful\n");
        return;
      case "create-database":
        await createDatabase(ds);
        process.stdout.write(`Database '${ds.database}' was successfully created.\n`);
        return;
      case "drop-database":
        await dropDatabase(ds);
        process.stdout.write(`The database was successfully dropped.\n`);
        return;
      default:
        throw new EngineUserError(undefined, `Unknown cli command: ${command}`);
    }
  } catch (error) {
    fail(error);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(
      "Stand-in Prisma schema engine (WebAssembly). Usage: schema-engine.mjs [--datamodels <file>]... --datasource <json> [cli <command>] | --version\n",
    );
    return;
  }
  if (args.version) {
    const { version } = await loadSchemaEngineWasm();
    // The CLI matches the engines hash in this line.
    process.stdout.write(`schema-engine-cli ${version}\n`);
    return;
  }
  if (args.cli) {
    await runCliCommand(args.cli, args.datasource);
    return;
  }
  runRpcServer({ datamodelPaths: args.datamodels, datasource: args.datasource ?? {}, log });
}

main().catch((error) => {
  log("ERROR", error instanceof Error ? error.message : String(error));
  process.exit(1);
});
