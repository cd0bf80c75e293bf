import { expect, test } from "./fixtures";

test("a supervisor reads the office's indicators, by month, and downloads a table", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expectAccessible();
  const indicators = page.getByRole("table", { name: "Timely release indicators" });
  await expect(indicators.getByRole("rowheader", { name: "CBSA Greater Toronto Area Region" })).toBeVisible();
  await expect(page.getByRole("img", { name: /by Office/ })).toBeVisible();
  await expect(page.getByText("Reviews held after their deadline")).toBeVisible();

  await page.getByLabel("Group by").selectOption("month");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/groupBy=month/);
  await expectAccessible();
  await expect(page.getByRole("img", { name: /by month/ })).toBeVisible();

  const download = await page.request.get((await page.getByRole("link", { name: /Download “Length of detention/ }).getAttribute("href"))!);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const lines = (await download.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("band,released");
  expect(lines).toHaveLength(7);
});

test("a CLO has no reports or audit log", async ({ page, signIn, expectAccessible }) => {
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await expect(page.getByRole("link", { name: "Reports" })).toHaveCount(0);
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible();
  expect((await page.request.get("/audit/export")).status()).toBe(404);
});

test("an admin filters the audit log and sees sign-ins", async ({ page, signIn, expectAccessible }) => {
  await signIn("admin@liaison.example");
  await expectAccessible();
  await page.getByRole("link", { name: "Audit log" }).click();
  await expectAccessible();
  await page.getByLabel("Action starts with").fill("auth.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in/);
  await expectAccessible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("auth.sign_in");
  await page.getByLabel("From (date)").fill("2026-11-20");
  await page.getByLabel("To (date)").fill("2026-11-01");
  await page.getByRole("button", { name: "Filter" }).click();
  await expectAccessible();
  await expect(page.getByRole("alert").filter({ hasText: "Some filters are not valid" })).toBeVisible();
  await expect(page.getByText("The end date must be on or after the start date.")).toBeVisible();
  await expect(page.getByLabel("To (date)")).toHaveAttribute("aria-invalid", "true");
});
