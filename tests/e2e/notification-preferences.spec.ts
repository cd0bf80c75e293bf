import { expect, test } from "./fixtures";

test.describe("notification preferences", () => {
  test("a CLO picks a digest for one kind, cannot switch an escalation off, is told which field is wrong, and saves", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo2.toronto@liaison.example");
    // Every page loaded is checked with axe (tests/e2e/fixtures.ts), the home page too.
    await expectAccessible();
    await page.getByRole("banner").getByRole("link", { name: "Notification preferences" }).click();
    await page.waitForURL(/\/account\/notifications$/);
    await expect(page.getByRole("heading", { level: 1, name: "Notification preferences" })).toBeVisible();
    await expectAccessible();

    const assigned = page.getByLabel("A case assigned to you");
    await expect(assigned).toHaveValue("EMAIL");
    await assigned.selectOption("DIGEST");
    // A missed deadline offers no "Off".
    const overdue = page.getByLabel("A detention review overdue");
    await expect(overdue.getByRole("option", { name: "Off" })).toHaveCount(0);
    await expect(page.getByLabel("A task due tomorrow").getByRole("option", { name: "Off" })).toHaveCount(1);
    await page.getByLabel("Time of the daily digest").selectOption("9");

    await page.getByLabel("Your time zone").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save preferences" }).click();
    // The error summary names the field and links to it.
    await expect(page.getByRole("alert").getByRole("link", { name: /^Choose a time zone by its IANA name/ })).toBeVisible();
    await expect(page.getByLabel("Your time zone")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible();

    await page.getByLabel("Your time zone").fill("America/Vancouver");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your notification preferences were saved." })).toBeVisible();

    await page.reload();
    await expectAccessible();
    await expect(page.getByLabel("A case assigned to you")).toHaveValue("DIGEST");
    await expect(page.getByLabel("Time of the daily digest")).toHaveValue("9");
    await expect(page.getByLabel("Your time zone")).toHaveValue("America/Vancouver");
  });
});
