import { expect, test } from "./fixtures";

/**
 * The shell's search box, by role and label: part of a name typed without accents and then with them finds the same
 * person, in the CLO's office only (the demo's Valentina Cárdenas is detained in Quebec and was released in the
 * Pacific region: a Pacific CLO sees the Pacific case, never the Quebec one).
 */
test("a CLO finds a person from the shell's search box by part of a name, with and without accents, in their office only", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  await signIn("clo.vancouver@liaison.example");
  await expectAccessible();
  const box = page.getByRole("search", { name: "Search cases" });

  for (const query of ["cardenas val", "Valentina CÁRD"]) {
    await box.getByLabel("Search cases").fill(query);
    await box.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=/);
    const results = page.getByRole("table", { name: "Cases matching the search" });
    const row = results.getByRole("row", { name: /Cárdenas, Valentina/ });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link", { name: /^VAN-26-\d{4}$/ })).toBeVisible();
    await expect(results).not.toContainText("MTL-26-");
    await expect(results).toContainText("CBSA Pacific Region");
  }
  await expectAccessible();

  await page.getByRole("table", { name: "Cases matching the search" }).getByRole("link", { name: /^VAN-26-\d{4}$/ }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cárdenas");
  await expectAccessible();
});
