import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";

test("text a user typed is shown as text, never run as markup", async ({ page, signIn, expectAccessible }) => {
  const hostile = `<script>window.__liaisonXss = 1</script><img src=x onerror="window.__liaisonXss = 2"> & "quotes" ${Date.now()}`;
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  const href = await page.getByRole("table").getByRole("link", { name: /TOR-/ }).first().getAttribute("href");
  await page.goto(href!);
  await expectAccessible();
  // The notes are a folded section of the case page, and the note form opens on demand.
  await openSection(page, "Notes");
  await page.getByRole("region", { name: "Notes" }).getByText("Add a note", { exact: true }).click();
  await page.getByLabel("Note", { exact: true }).fill(hostile);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();
  await page.reload();
  await expectAccessible();
  await openSection(page, "Notes");
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __liaisonXss?: number }).__liaisonXss)).toBeUndefined();
  expect(await page.locator("img[src='x']").count()).toBe(0);
});
