import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { databaseErrorLogLine, normalizeDatabaseError } from "@/lib/database-error";
import { currentRequestId } from "@/lib/request-id";

/**
 * The one Prisma client. Password hashes are omitted globally: only lib/auth asks for them explicitly.
 * Every operation (models, raw queries, inside transactions too) goes through `guardErrors`: an error the database
 * or Prisma raises leaves as a DatabaseError carrying codes and a request id only (lib/database-error.ts), since
 * Prisma's own message quotes the call's arguments, personal data included, and Next.js logs uncaught errors.
 * Both database modes reach PostgreSQL over its wire protocol: a real server, or the embedded
 * PGlite that `npm start` serves on loopback (with a pool of one connection, see scripts/start.ts).
 */
function createPrismaClient() {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  // PostgreSQL's JIT compiler costs more than it saves on this app's short queries: with several CTEs joined its
  // row estimates grow past the JIT threshold and compiling took 0.64 s of a 0.7 s report query (0.05 s without).
  // onConnect runs, and is awaited, on each new connection before the pool hands it out.
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: DATABASE_POOL_MAX,
    onConnect: async (client) => {
      await client.query("SET jit = off");
    },
  });
  globalForPrisma.liaisonPool = pool;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // The benchmark (scripts/bench.ts) counts the SQL each page issues from Prisma's query events.
    log: queryCounting() ? [{ emit: "event", level: "query" }] : [],
  });
  if (queryCounting()) (client as unknown as { $on: (event: "query", listener: () => void) => void }).$on("query", () => (queryCounter.count += 1));
  return client.$extends({
    name: "guardErrors",
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          const safe = normalizeDatabaseError(error, await currentRequestId());
          // One line per error, codes only: the original error and its message are dropped here, never logged.
          console.error(databaseErrorLogLine(safe));
          throw safe;
        }
      },
    },
  });
}

/** Only `npm run bench` turns this on (LIAISON_BENCH=1): never in a deployment. */
export function queryCounting(): boolean {
  return process.env.LIAISON_BENCH === "1";
}

/**
 * Kept on globalThis, like the client: Next bundles this module once per layer (pages, route handlers), and a counter
 * per module copy would leave the bench's route reading one that the pages' client never increments (it read 0).
 */
const globalForCounter = globalThis as unknown as { liaisonQueryCounter?: { count: number } };
export const queryCounter = (globalForCounter.liaisonQueryCounter ??= { count: 0 });

export type Database = ReturnType<typeof createPrismaClient>;
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { liaisonPrisma?: Database; liaisonPool?: pg.Pool };

export function db(): Database {
  // One client per process, kept across hot reloads in development.
  globalForPrisma.liaisonPrisma ??= createPrismaClient();
  return globalForPrisma.liaisonPrisma;
}

/**
 * The same pool of connections, for the job runner (lib/jobs/runner.ts): pg-boss runs its own SQL through it, so the
 * embedded database's single connection is shared rather than a second one opened (PGlite serves one).
 */
export function databasePool(): pg.Pool {
  db();
  return globalForPrisma.liaisonPool!;
}
