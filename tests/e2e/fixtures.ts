import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { appServer } from "./workers";

export const DEMO_PASSWORD = "Liaison-demo-2026";

type WorkerFixtures = {
  /** This worker's app server: its base URL, and its database's URL for specs that look records up with plain SQL. */
  app: { baseURL: string; databaseUrl: string };
};

type Fixtures = {
  /** Runs axe on the page as it is now; fails on serious or critical violations. */
  expectAccessible: () => Promise<void>;
  signIn: (email: string, password?: string) => Promise<void>;
};

/**
 * Every page a test loads must be checked by axe: the fixture records each document the page loads,
 * and after the test fails if any was never checked. Each worker's tests run against the worker's own app server
 * and database (tests/e2e/workers.ts), which no other worker touches.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  app: [
    async ({}, use, workerInfo) => {
      const server = appServer(workerInfo.parallelIndex);
      await use({ baseURL: server.baseURL, databaseUrl: readFileSync(server.databaseUrlFile, "utf8").trim() });
    },
    { scope: "worker" },
  ],
  // Relative page.goto() and request URLs go to this worker's server, never another worker's.
  baseURL: async ({ app }, use) => {
    await use(app.baseURL);
  },
  expectAccessible: async ({ page }, use) => {
    const unchecked = new Set<string>();
    page.on("load", () => unchecked.add(new URL(page.url()).pathname));
    const check = async () => {
      await page.waitForLoadState("load");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const severe = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `axe on ${page.url()}`).toEqual([]);
      unchecked.delete(new URL(page.url()).pathname);
    };
    await use(check);
    expect([...unchecked], "pages loaded but never checked with axe").toEqual([]);
  },
  signIn: async ({ page, expectAccessible }, use) => {
    await use(async (email, password = DEMO_PASSWORD) => {
      await page.goto("/sign-in");
      await expectAccessible();
      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in");
    });
  },
});

export { expect };
export type { Page };
