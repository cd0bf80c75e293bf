import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

export type EmbeddedDatabase = { url: string; close: () => Promise<void> };

/**
 * PostgreSQL in WebAssembly (PGlite), kept in `dataDir` and served on a loopback port so the app,
 * the migration runner and the seed all speak the ordinary PostgreSQL protocol. PGlite runs one
 * query at a time: clients must use a single connection (measured: a larger pool got wrong rows).
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // The search index (migration search_index) needs pg_trgm and unaccent: PGlite ships them, loaded on demand.
  const database = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db: database, host: "127.0.0.1", port, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}
