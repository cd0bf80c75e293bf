// Prisma 7 CLI configuration (prisma generate, migrate, db, studio).
//
// - The Prisma 7 CLI does not read .env itself: load it here when present. Variables already set
//   in the environment win over the file (process.loadEnvFile never overrides).
// - Migration commands normally spawn a native schema engine that the CLI downloads from Prisma's
//   binary host, which our build machines and many deployments cannot reach. Point the CLI at the
//   stand-in in prisma/engine/ (WebAssembly engine, no download). An explicitly set
//   PRISMA_SCHEMA_ENGINE_BINARY (e.g. a native engine where one is available) is left alone.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const envFile = path.join(root, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "engine", "schema-engine.mjs");

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
