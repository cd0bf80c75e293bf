import path from "node:path";

/**
 * Where every app server of the e2e run writes its output: tests/e2e/global-teardown.ts searches each *.log there.
 * Each worker's app server writes server-<worker>.log and keeps its database's URL beside it (tests/e2e/workers.ts);
 * specs with an app of their own write their logs here too.
 */
export const SERVER_LOG_DIRECTORY = path.resolve(__dirname, "..", "..", ".e2e-logs");

/** The file holding worker `index`'s database URL, written by its app server. */
export function databaseUrlFile(index: number): string {
  return path.join(SERVER_LOG_DIRECTORY, `database-url-${index}`);
}

/**
 * This worker's database URL file, for specs that look records up with plain SQL (the `app` fixture of
 * tests/e2e/fixtures.ts reads it too). Read it inside a test or hook: Playwright sets TEST_PARALLEL_INDEX in each
 * worker before it loads a spec, and the runner, which only lists the tests, never reads it.
 */
export const DATABASE_URL_FILE = databaseUrlFile(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
