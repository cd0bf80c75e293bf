import path from "node:path";

/** Everything the app server prints during the e2e run; tests/e2e/global-teardown.ts searches it for personal data. */
export const SERVER_LOG = path.resolve(__dirname, "..", "..", ".e2e-logs", "server.log");

/** The e2e server's database URL, for specs that look records up with plain SQL. */
export const DATABASE_URL_FILE = path.resolve(__dirname, "..", "..", ".e2e-logs", "database-url");
