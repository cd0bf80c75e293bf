import path from "node:path";

/** Where every app server of the e2e run writes its output: tests/e2e/global-teardown.ts searches each *.log there. */
export const SERVER_LOG_DIRECTORY = path.resolve(__dirname, "..", "..", ".e2e-logs");

/** Everything the main app server prints during the e2e run; specs with an app of their own write beside it. */
export const SERVER_LOG = path.join(SERVER_LOG_DIRECTORY, "server.log");

/** The e2e server's database URL, for specs that look records up with plain SQL. */
export const DATABASE_URL_FILE = path.resolve(__dirname, "..", "..", ".e2e-logs", "database-url");
