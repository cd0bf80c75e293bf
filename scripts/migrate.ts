// `npm run db:migrate`: applies pending migrations with the plain runner (no Prisma CLI, no
// schema engine), e.g. in production images. Prints only migration names, never data or the URL.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../prisma/migrate";

async function main(): Promise<number> {
  // Like prisma.config.ts: read .env when present; variables already set win.
  const envFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: export it or put it in .env (see prisma.config.ts).");
    return 1;
  }
  const { applied } = await applyMigrations(url, { log: (line) => console.log(line) });
  if (applied.length === 0) {
    console.log("No pending migrations: the database is up to date.");
  } else {
    console.log(`Applied ${applied.length} migration(s):`);
    for (const name of applied) console.log(`  ${name}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
