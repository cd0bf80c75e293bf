import { defineConfig } from "@playwright/test";
import { appServer, E2E_WORKERS } from "./tests/e2e/workers";

// Debian's Chromium (installed by .ci/run): Playwright must never download a browser here.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  // E2E_WORKERS workers (two on the two-core CI machine), each with an app server and a seeded database of its own
  // (tests/e2e/workers.ts): the specs edit the same seeded cases, so they never share a database. Within a worker
  // the spec files run one after another, and a file's tests in order, as they did on a single worker; a spec must
  // therefore pass alone or after any other, never rely on one that ran before it.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Two workers share two cores (a browser and an app server each), and axe on the case page, which now carries the
  // whole life of a case, takes most of a minute on its own: two minutes per test.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // Each worker's own server: tests/e2e/fixtures.ts sets the baseURL fixture from the worker's index. Playwright
    // loads this file again in every worker, with TEST_PARALLEL_INDEX set, so testInfo.project.use.baseURL names
    // the worker's server too; the runner itself, which starts no browser, has none.
    baseURL: process.env.TEST_PARALLEL_INDEX === undefined ? undefined : appServer(Number(process.env.TEST_PARALLEL_INDEX)).baseURL,
    trace: "retain-on-failure",
    locale: "en-CA",
    timezoneId: "America/Toronto",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: Array.from({ length: E2E_WORKERS }, (_, index) => ({
    command: "npx tsx --conditions=react-server tests/e2e/server.ts",
    env: { E2E_SERVER_INDEX: String(index) },
    url: `${appServer(index).baseURL}/sign-in`,
    name: `app ${index}`,
    // The first server builds the app (a few minutes on two busy cores); the others reuse its build.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM, not Playwright's default SIGKILL: tests/e2e/server.ts then stops Next and drops its database. The
    // servers stop one after another, and on a busy machine a drop waits on other sessions' CREATE DATABASE: ten
    // seconds once proved too short and left a database behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
