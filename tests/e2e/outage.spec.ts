import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createTemporaryDatabase } from "@/tests/support/database";
import { startTcpProxy } from "@/tests/support/tcp-proxy";
import { ensureProductionBuild, ROOT, spawnNext } from "@/scripts/support/next-server";
import { e2ePort } from "./workers";

async function expectNoSevereAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
}

/**
 * A database outage (issue 6): the app runs behind a TCP proxy to PostgreSQL that the test cuts. Pages say plainly
 * that the service is unavailable, an action reports failure and writes nothing, sign-in says the service is down
 * rather than "wrong password", and once the proxy passes traffic again the same server works: no restart.
 */
test("a database outage loses nothing acknowledged, claims no success, and the app recovers without a restart", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // A port of this worker's own (tests/e2e/workers.ts).
  const PORT = e2ePort("outage", testInfo.parallelIndex);
  const BASE = `http://127.0.0.1:${PORT}`;
  const database = await createTemporaryDatabase("liaison_outage");
  const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  let server: ReturnType<typeof spawnNext> | undefined;
  try {
    const prepared = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "tests/e2e/prepare-database.ts"), database.url], { cwd: ROOT, encoding: "utf8" });
    expect(prepared.status, prepared.stderr).toBe(0);
    ensureProductionBuild();
    const throughProxy = new URL(database.url);
    throughProxy.port = String(proxy.port);
    server = spawnNext({ dev: false, port: PORT, quiet: true, env: { DATABASE_URL: throughProxy.toString(), NEXTAUTH_SECRET: "outage-secret-outage-secret-outage-00", NEXTAUTH_URL: BASE } });
    await expect.poll(async () => (await fetch(`${BASE}/sign-in`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);

    const context = await browser.newContext({ baseURL: BASE, locale: "en-CA" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill("admin@liaison.example");
    await page.getByLabel("Password").fill("Liaison-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/users/);
    await page.goto("/admin/users/new");

    // Acknowledged before the outage.
    const before = `before.outage.${Date.now()}@liaison.example`;
    await page.getByLabel("Name", { exact: true }).fill("Before Outage");
    await page.getByLabel("E-mail address", { exact: true }).fill(before);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The user was created." })).toBeVisible();

    // The database goes away while the form is open.
    proxy.cut();
    const during = `during.outage.${Date.now()}@liaison.example`;
    await page.getByLabel("Name", { exact: true }).fill("During Outage");
    await page.getByLabel("E-mail address", { exact: true }).fill(during);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("heading", { name: "Liaison is unavailable right now" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("The user was created.")).toHaveCount(0);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Liaison is unavailable right now" })).toBeVisible();
    await expect(page.getByText("Everything saved before is kept.")).toBeVisible();
    await expectNoSevereAxeViolations(page);

    const visitor = await (await browser.newContext({ baseURL: BASE, locale: "en-CA" })).newPage();
    await visitor.goto("/sign-in");
    await visitor.getByLabel("E-mail address").fill("clo.toronto@liaison.example");
    await visitor.getByLabel("Password").fill("Liaison-demo-2026");
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor.getByRole("alert").filter({ hasText: "Liaison cannot reach its database right now." })).toBeVisible();

    // The database is back: the same server answers normally, with what was acknowledged and without what was refused.
    proxy.restore();
    await expect.poll(async () => (await page.goto("/admin/users"))?.status(), { timeout: 30_000 }).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("cell", { name: before })).toBeVisible();
    await expect(page.getByRole("cell", { name: during })).toHaveCount(0);
    await expectNoSevereAxeViolations(page);
  } finally {
    server?.kill("SIGTERM");
    await proxy.close();
    await database.drop();
  }
});
