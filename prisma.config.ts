// Prisma 7 CLI configuration (prisma generate, migrate, db, studio).
//
// - The Prisma 7 CLI does not read .env itself: load it here when present. Variables already set
//   in the environment win over the file (process.loadEnvFile never overrides).
// - Migration commands spawn a native schema engine. Where Prisma's own engine is installed (its
//   package's install script was allowed and could download it), the CLI uses it as usual. Where it
//   is not (offline build machines, networks with strict egress rules), the CLI would try to download
//   it and fail: it gets the offline stand-in in prisma/engine/ instead (Prisma's schema engine
//   compiled to WebAssembly). LIAISON_SCHEMA_ENGINE=native|offline forces a choice; an explicitly set
//   PRISMA_SCHEMA_ENGINE_BINARY is left alone. See prisma/engine/README.md.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const envFile = path.join(root, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

/** Prisma's native schema engine, when @prisma/engines has downloaded one (`schema-engine-<platform>`). */
function nativeEngineInstalled(): boolean {
  const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
  return existsSync(enginesDir) && readdirSync(enginesDir).some((name) => name.startsWith("schema-engine-"));
}

const engineChoice = process.env.LIAISON_SCHEMA_ENGINE ?? (nativeEngineInstalled() ? "native" : "offline");
if (engineChoice !== "native" && engineChoice !== "offline") {
  throw new Error(`LIAISON_SCHEMA_ENGINE must be "native" or "offline", not "${engineChoice}".`);
}
if (engineChoice === "offline") {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "engine", "schema-engine.mjs");
}

// No URL is needed by `prisma generate`, `validate` or `format`; commands that need a database
// report the missing DATABASE_URL themselves.
const url = process.env.DATABASE_URL;
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: {
    path: path.join(root, "prisma", "migrations"),
  },
  datasource: {
    ...(url ? { url } : {}),
    ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}),
  },
});
