import { availableParallelism } from "node:os";
import path from "node:path";
import { databaseUrlFile, SERVER_LOG_DIRECTORY } from "./server-log";

/**
 * The e2e suite runs on several Playwright workers, and each worker has an app of its own: its own app server, on its
 * own port, with its own freshly migrated and seeded database (tests/e2e/server.ts). Spec files run one after another
 * within a worker, as they always did, and no two workers share a record, so two specs editing the same seeded case
 * never meet. Everything here is keyed by the worker's parallel index (0 … E2E_WORKERS - 1), which Playwright keeps
 * when it replaces a failed worker.
 */

/** How many workers, hence app servers and databases: E2E_WORKERS, else one per core up to two (the CI machine has two). */
export const E2E_WORKERS = workerCount(process.env.E2E_WORKERS);

function workerCount(value: string | undefined): number {
  if (value === undefined || value === "") return Math.max(1, Math.min(2, availableParallelism()));
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`E2E_WORKERS must be a whole number of workers, not "${value}".`);
  return count;
}

/** Worker i's ports are the configured ones plus i × PORT_STRIDE: the ports of one checkout stay in a block of ten per worker. */
export const PORT_STRIDE = 10;

/** The base port (E2E_PORT, as before): worker 0's app server; the spec-owned servers' ports default to just above it. */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

const BASE_PORTS = {
  app: BASE_PORT,
  outage: Number(process.env.E2E_OUTAGE_PORT ?? BASE_PORT + 5),
  actions: Number(process.env.E2E_ACTIONS_PORT ?? BASE_PORT + 7),
  matrix: Number(process.env.E2E_MATRIX_PORT ?? BASE_PORT + 8),
  // deployment.spec.ts: the standalone build's server (what the image runs) and a second app server on one database.
  standalone: Number(process.env.E2E_STANDALONE_PORT ?? BASE_PORT + 3),
  peer: Number(process.env.E2E_PEER_PORT ?? BASE_PORT + 4),
};

/** Which server a port is for: the worker's app, or an app of its own that outage.spec.ts, actions.spec.ts, action-matrix.spec.ts or deployment.spec.ts starts. */
export type PortRole = keyof typeof BASE_PORTS;

export function e2ePort(role: PortRole, index: number): number {
  return BASE_PORTS[role] + index * PORT_STRIDE;
}

/** The parallel index of the worker running this code (Playwright sets TEST_PARALLEL_INDEX in every worker process). */
export function currentWorkerIndex(): number {
  const index = Number(process.env.TEST_PARALLEL_INDEX);
  if (!Number.isInteger(index) || index < 0) throw new Error("Not in a Playwright worker: TEST_PARALLEL_INDEX is not set.");
  return index;
}

/** Worker `index`'s app server: where it answers, where its output goes, and the file holding its database's URL. */
export function appServer(index: number): { index: number; port: number; baseURL: string; logFile: string; databaseUrlFile: string } {
  if (index >= E2E_WORKERS) throw new Error(`Worker ${index} has no app server: only ${E2E_WORKERS} were started (E2E_WORKERS, not --workers, sets how many).`);
  const port = e2ePort("app", index);
  return {
    index,
    port,
    baseURL: `http://127.0.0.1:${port}`,
    logFile: path.join(SERVER_LOG_DIRECTORY, `server-${index}.log`),
    databaseUrlFile: databaseUrlFile(index),
  };
}
