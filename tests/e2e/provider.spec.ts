import { expect, test } from "./fixtures";

test.describe("service providers", () => {
  test.setTimeout(120_000);

  test("a provider's own caseworker keeps its open spaces current; another provider's page offers no edit", async ({ page, signIn, expectAccessible }) => {
    await signIn("caseworker.rainbow@liaison.example");
    await expectAccessible();
    await page.goto("/providers");
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "Service providers" })).toBeVisible();
    await page.getByLabel("Search by name or description").fill("LGBTQ+");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/q=LGBTQ/);
    await expectAccessible();
    await expect(page.getByText("1 provider matches")).toBeVisible();
    await page.getByRole("link", { name: "Rainbow Newcomer Network" }).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    await expectAccessible();
    await page.getByRole("link", { name: "Update your organization's profile and spaces" }).click();
    await page.waitForURL(/\/edit$/);
    await expectAccessible();
    // The kind (contracted or community) is not the caseworker's to change.
    await expect(page.getByLabel("Kind")).toHaveCount(0);
    await page.getByLabel("Spaces in total").fill("10");
    await page.getByLabel("Spaces open now").fill("7");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("The provider's profile was saved.")).toBeVisible();
    await page.getByRole("link", { name: "Back to Rainbow Newcomer Network" }).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    await expectAccessible();
    await expect(page.getByText("7 of 10 open")).toBeVisible();

    await page.goto("/providers?familiesWithChildren=1&gender=FEMALE");
    await expectAccessible();
    await page.getByRole("link", { name: "Harbour House Women's Shelter" }).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    await expectAccessible();
    await expect(page.getByRole("link", { name: /Update your organization's profile|Edit this provider/ })).toHaveCount(0);
  });

  test("a CLO finds every provider for a case, each suggestion explained, and refers from there; outreach is logged for the office", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    // Reach a case through the CLO's own referrals (the case page belongs to another feature).
    await page.goto("/referrals");
    await expectAccessible();
    await page.locator("main table a[href^='/referrals/']").first().click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await expectAccessible();
    const caseHref = await page.getByRole("link", { name: /^Back to case/ }).getAttribute("href");
    await page.goto(`${caseHref}/providers`);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: /^Providers for case TOR-/ })).toBeVisible();
    await expect(page.getByText("Contracted programs get no preference.", { exact: false })).toBeVisible();
    const suggestions = page.getByRole("list", { name: "Providers by fit" }).getByRole("listitem");
    await expect(suggestions).toHaveCount(13);
    // Each suggestion says in words whether there is room.
    for (const suggestion of await suggestions.all()) await expect(suggestion.getByText(/spaces? open/)).toBeVisible();
    await page.getByRole("link", { name: "Refer to Family Welcome Centre" }).click();
    await page.waitForURL(/referrals\/new\?provider=/);
    await expectAccessible();
    await expect(page.getByLabel("Provider", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Provider", { exact: true }).locator("option:checked")).toHaveText("Family Welcome Centre");

    await page.goto("/outreach");
    await expectAccessible();
    // The new-contact form (each contact in the log has an edit form of its own).
    const record = page.locator("form").filter({ has: page.getByRole("button", { name: "Record contact" }) });
    await record.getByLabel("Provider in the directory").selectOption({ label: "Family Welcome Centre" });
    await record.getByLabel("Topic").fill("Intake criteria for families with children");
    await record.getByLabel("Outcome").fill("Referrals by phone; two family rooms this month");
    await record.getByRole("button", { name: "Record contact" }).click();
    await expect(page.getByText("The contact was recorded.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Family Welcome Centre.*Intake criteria for families with children/ })).toBeVisible();

    // Resource lists have a page of their own (lib/resource-lists), linked from Outreach.
    await page.getByRole("link", { name: "Open the resource lists" }).click();
    await page.waitForURL((url) => url.pathname === "/resource-lists");
    await expectAccessible();
    await page.getByText("Start a resource list").click();
    const newList = page.getByRole("form", { name: "Start a resource list" });
    await newList.getByLabel("List name").fill("Families with children");
    await newList.getByRole("button", { name: "Create list" }).click();
    await expect(page.getByText("The resource list was created.")).toBeVisible();
    await page.getByText("Add an option to Families with children", { exact: true }).click();
    const addOption = page.getByRole("form", { name: "Add an option to Families with children" });
    await addOption.getByLabel("Provider", { exact: true }).selectOption({ label: "Family Welcome Centre" });
    await addOption.getByLabel("Notes").fill("Keeps families together");
    await addOption.getByRole("button", { name: "Add option" }).click();
    await expect(addOption.getByText("The option was added.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Families with children", exact: true }).getByRole("link", { name: "Family Welcome Centre" })).toBeVisible();
    await expectAccessible();
  });
});
