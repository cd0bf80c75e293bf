import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "./fixtures";

/**
 * The directory's search and filters, and a caseworker's "My organization". The demo providers' names have no
 * accents, so the spec adds a fictional one that has, and removes it afterwards: other specs count the directory.
 */
const ACCENTED = "Réseau d'entraide Bélanger";

async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test.describe("the provider directory", () => {
  test.setTimeout(120_000);
  const organizationId = randomUUID();
  let northgateSpaces: { spacesTotal: number; spacesOpen: number; version: number } | null = null;

  test.beforeAll(async ({ app }) => {
    await withDatabase(app.databaseUrl, async (client) => {
      await client.query(`INSERT INTO "Organization" (id, kind, name, region, "updatedAt") VALUES ($1, 'SERVICE_PROVIDER', $2, 'Quebec', now())`, [organizationId, ACCENTED]);
      await client.query(
        `INSERT INTO "ServiceProvider" (id, "organizationId", kind, services, "servesGenders", "riskLevelsAccepted", languages, region, "spacesTotal", "spacesOpen", "updatedAt")
         VALUES ($1, $2, 'COMMUNITY', ARRAY['HOUSING','SETTLEMENT']::"ProviderService"[], ARRAY['FEMALE','MALE']::"Gender"[], ARRAY['LOW']::"RiskLevel"[], ARRAY['French'], 'Quebec', 6, 2, now())`,
        [randomUUID(), organizationId],
      );
      northgateSpaces = (
        await client.query(`SELECT sp."spacesTotal", sp."spacesOpen", sp.version FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId" WHERE o.name = 'Northgate Community Supervision'`)
      ).rows[0];
    });
  });

  test.afterAll(async ({ app }) => {
    await withDatabase(app.databaseUrl, async (client) => {
      await client.query(`DELETE FROM "ServiceProvider" WHERE "organizationId" = $1`, [organizationId]);
      await client.query(`DELETE FROM "Organization" WHERE id = $1`, [organizationId]);
      if (northgateSpaces) {
        await client.query(
          `UPDATE "ServiceProvider" SET "spacesTotal" = $1, "spacesOpen" = $2 WHERE "organizationId" = (SELECT id FROM "Organization" WHERE name = 'Northgate Community Supervision')`,
          [northgateSpaces.spacesTotal, northgateSpaces.spacesOpen],
        );
      }
    });
  });

  test("a CLO finds a provider by part of its name typed without accents, and narrows the directory by a service", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    await page.goto("/providers");
    await expectAccessible();
    const search = page.getByRole("search", { name: "Search and filter providers" });
    await search.getByLabel("Search by name or description").fill("entraide belang");
    await search.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/q=entraide\+belang/);
    await expectAccessible();
    await expect(page.getByText("1 provider matches")).toBeVisible();
    await expect(page.getByRole("list", { name: "Providers" }).getByRole("link", { name: ACCENTED })).toBeVisible();

    // A service it does not offer: nothing, said plainly, with the way back to a wider search.
    await search.getByLabel("Service").selectOption({ label: "Legal support" });
    await search.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/service=LEGAL_SUPPORT/);
    await expectAccessible();
    await expect(page.getByText("No provider's name or description contains “entraide belang” with these filters.")).toBeVisible();
    await expect(page.getByText("To see more, check the spelling, type part of a name, or remove a filter.")).toBeVisible();
    await page.getByRole("link", { name: "Search every provider for “entraide belang”" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "entraide belang" && !url.searchParams.has("service"));
    await expect(page.getByRole("link", { name: ACCENTED })).toBeVisible();

    // A service alone: the providers offering it, and only those.
    await page.goto("/providers");
    await search.getByLabel("Service").selectOption({ label: "Settlement" });
    await search.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/service=SETTLEMENT/);
    await expectAccessible();
    const listed = page.getByRole("list", { name: "Providers" });
    await expect(listed.getByRole("link", { name: ACCENTED })).toBeVisible();
    await expect(listed.getByRole("link", { name: "Rainbow Newcomer Network" })).toBeVisible();
    await expect(listed.getByRole("link", { name: "Northgate Community Supervision" })).toHaveCount(0);
    await expect(search.getByLabel("Service")).toHaveValue("SETTLEMENT");
  });

  test("a caseworker opens \"My organization\" from the menu and updates its open spaces", async ({ page, signIn, expectAccessible }) => {
    await signIn("caseworker.northgate@liaison.example");
    await expectAccessible();
    const menu = page.getByRole("navigation", { name: "Main" });
    await menu.getByRole("link", { name: "My organization" }).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "Northgate Community Supervision" })).toBeVisible();
    await page.getByRole("link", { name: "Update your organization's profile and spaces" }).click();
    await page.waitForURL(/\/edit$/);
    await expectAccessible();

    // More open than in total: refused, said next to the field and in the summary, which leads to the field.
    await page.getByLabel("Spaces in total").fill("12");
    await page.getByLabel("Spaces open now").fill("15");
    await page.getByRole("button", { name: "Save profile" }).click();
    const message = "The spaces open now cannot be more than the spaces in total: lower the spaces open or raise the total.";
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.getByLabel("Spaces open now")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Spaces open now")).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expectAccessible();
    await summary.getByRole("link", { name: message }).click();
    await expect(page.getByLabel("Spaces open now")).toBeFocused();

    await page.getByLabel("Spaces open now").fill("5");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("The provider's profile was saved.")).toBeVisible();
    await page.getByRole("link", { name: "Back to Northgate Community Supervision" }).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    await expect(page.getByText("5 of 12 open")).toBeVisible();
    await expectAccessible();
  });
});
