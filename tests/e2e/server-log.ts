import path from "node:path";

/**
 * Where every app server of the e2e run writes its output: tests/e2e/global-teardown.ts searches each *.log there.
 * Each worker's app server writes server-<worker>.log and keeps its database's URL beside it (tests/e2e/workers.ts);
 * specs with an app of their own write their logs here too.
 */
export const SERVER_LOG_DIRECTORY = path.resolve(__dirname, "..", "..", ".e2e-logs");
