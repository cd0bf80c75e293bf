import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { appServer } from "./workers";

export const DEMO_PASSWORD = "Liaison-demo-2026";

type WorkerFixtures = {
  /** This worker's app server: its base URL, and its database's URL for specs that look records up with plain SQL. */
  app: { baseURL: string; databaseUrl: string };
  /** The structures (see pageStructure) that axe has already passed in this worker. */
  accessibleStructures: Set<string>;
};

type Fixtures = {
  /** Runs axe on the page as it is now; fails on serious or critical violations. */
  expectAccessible: () => Promise<void>;
  signIn: (email: string, password?: string) => Promise<void>;
};

/**
 * What axe's verdict depends on, and nothing else: every element with its attributes (ids, roles, ARIA, classes,
 * inline styles, form state — but not link targets, which carry record ids, nor scripts), whether each text node has text, the
 * document's title and language, and the window's size. Two pages with the same structure get the same verdict (same
 * build, same stylesheet), so a structure axe has already passed in this worker is not analysed again: the sign-in
 * page, loaded before almost every test, is analysed once per worker rather than a hundred and fifty times.
 */
function pageStructure(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [`${window.innerWidth}x${window.innerHeight}`, `title:${document.title.trim() !== ""}`];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent?.trim() ? "t" : "");
        return;
      }
      // Scripts are not rendered, and Next's route announcer appears whenever hydration gets to it: neither is ours to check.
      if (!(node instanceof Element) || node.tagName === "SCRIPT" || node.tagName === "NEXT-ROUTE-ANNOUNCER") return;
      const attributes = [...node.attributes]
        .filter((attribute) => attribute.name !== "href" && attribute.name !== "action" && attribute.name !== "nonce")
        .map((attribute) => `${attribute.name}=${attribute.name === "value" || attribute.name === "datetime" ? attribute.value !== "" : attribute.value}`)
        .sort();
      parts.push(`<${node.tagName}${attributes.length ? " " + attributes.join(" ") : ""}>`);
      for (const child of node.childNodes) walk(child);
      parts.push(`</${node.tagName}>`);
    };
    walk(document.documentElement);
    return parts.join("");
  });
}

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
  accessibleStructures: [async ({}, use) => use(new Set<string>()), { scope: "worker" }],
  // Relative page.goto() and request URLs go to this worker's server, never another worker's.
  baseURL: async ({ app }, use) => {
    await use(app.baseURL);
  },
  expectAccessible: async ({ page, accessibleStructures }, use) => {
    const unchecked = new Set<string>();
    page.on("load", () => unchecked.add(new URL(page.url()).pathname));
    const check = async () => {
      await page.waitForLoadState("load");
      // A message formatted without one of its arguments reads "undefined" (precompiled messages do not throw), and a
      // number computed from nothing reads "NaN": neither is ever meant to be read. innerText: what is rendered as text
      // (screen-reader-only text included), not the scripts that carry React's payload.
      const text = await page.locator("body").innerText();
      expect(/\bundefined\b|\bNaN\b/.exec(text)?.[0] ?? null, `"undefined" or "NaN" in the text of ${page.url()}`).toBeNull();
      const structure = createHash("sha256").update(await pageStructure(page)).digest("hex");
      if (accessibleStructures.has(structure)) {
        unchecked.delete(new URL(page.url()).pathname);
        return;
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const severe = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `axe on ${page.url()}`).toEqual([]);
      accessibleStructures.add(structure);
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
