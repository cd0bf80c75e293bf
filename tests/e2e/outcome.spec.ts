import { expect, test, type Page } from "./fixtures";
import { openSection } from "./support/case-page";
import { recordTorontoDetention, torontoLocal } from "./support/intake";

/** Records a new Toronto detention of a fictional person, detained a few hours ago, and opens its case. */
async function newDetention(page: Page, expectAccessible: () => Promise<void>, familyName: string) {
  await page.goto(`/cases/new?name=${familyName}`);
  await expectAccessible();
  await recordTorontoDetention(page, { givenName: "Nadia", familyName: familyName, dateOfBirth: "1990-05-06", gender: "FEMALE", languages: "English", citizenship: "KEN" }, 3);
  await expectAccessible();
  const reference = /Case (TOR-\d{2}-\d{4})/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![1]!;
  return { url: new URL(page.url()).pathname, reference };
}

/** The office's releases in the band "up to 24 hours" on today's date in Toronto, from the report's CSV. */
async function releasesToday(page: Page): Promise<number> {
  const today = torontoLocal(new Date()).date;
  const response = await page.request.get(`/reports/export?table=lengthOfDetention&from=${today}&to=${today}`);
  expect(response.status()).toBe(200);
  const line = (await response.text()).split("\r\n").find((row) => row.startsWith("UP_TO_24_HOURS,"));
  return Number(line!.split(",")[1]);
}

test("a supervisor records a release on conditions: the case ends, leaves the reviews queue and counts in the month's report", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(300_000);
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  const before = await releasesToday(page);
  const { url, reference } = await newDetention(page, expectAccessible, "Outcome-Released");

  // The new case is on the reviews dashboard, its 48-hour review to come.
  await page.goto("/reviews?kind=FORTY_EIGHT_HOUR");
  await expectAccessible();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toBeVisible();

  await page.goto(url);
  await expectAccessible();
  await openSection(page, "Outcome of the detention");
  const outcome = page.getByRole("region", { name: "Outcome of the detention" });
  await expect(outcome).toContainText("Status: Detained.");
  await outcome.getByText("Record the outcome", { exact: true }).first().click();
  await outcome.getByLabel("Outcome", { exact: true }).selectOption({ label: "Release" });
  await outcome.getByLabel("Release type").selectOption({ label: "CBSA officer's release (IRPA s.56(1))" });
  const released = torontoLocal(new Date(Date.now() - 5 * 60_000));
  await outcome.getByLabel("Date", { exact: true }).fill(released.date);
  await outcome.getByLabel("Time", { exact: true }).fill(released.time);
  const conditions = outcome.getByRole("group", { name: "Conditions imposed" });
  await conditions.getByLabel("Reporting", { exact: true }).selectOption({ label: "in person" });
  await conditions.getByLabel("Reporting frequency").selectOption({ label: "weekly" });
  await conditions.getByLabel("Bondsperson").fill("Grace Fictional");
  // A bondsperson needs an amount: refused, naming the field.
  await outcome.getByRole("button", { name: "Record the outcome" }).click();
  await expect(outcome.getByRole("alert")).toContainText("Enter the bondsperson's amount.");
  await expectAccessible();
  await conditions.getByLabel("Bond amount").fill("2500");
  await conditions.getByLabel("Residence condition: address").fill("14 Fictional Crescent, Toronto");
  await outcome.getByRole("button", { name: "Record the outcome" }).click();

  await expect(outcome.getByRole("heading", { name: "How the detention ended" })).toBeVisible();
  await expectAccessible();
  await expect(outcome).toContainText("Status: Released.");
  await expect(outcome).toContainText("Reporting in person, weekly");
  await expect(outcome).toContainText("Bondsperson Grace Fictional, $2,500.00");
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance.locator("dt", { hasText: /^Status$/ }).locator("xpath=following-sibling::dd")).toHaveText("Released");

  // Out of the reviews queue, and counted in today's releases.
  await page.goto("/reviews?kind=FORTY_EIGHT_HOUR");
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: "Detention reviews" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toHaveCount(0);
  expect(await releasesToday(page)).toBe(before + 1);
});

test("a CLO records a release by mistake and the supervisor undoes it with a reason", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(300_000);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  const { url } = await newDetention(page, expectAccessible, "Outcome-Undone");
  await openSection(page, "Outcome of the detention");
  const outcome = page.getByRole("region", { name: "Outcome of the detention" });
  await outcome.getByText("Record the outcome", { exact: true }).first().click();
  await outcome.getByLabel("Outcome", { exact: true }).selectOption({ label: "Release" });
  await outcome.getByLabel("Release type").selectOption({ label: "Immigration Division order, without conditions" });
  const released = torontoLocal(new Date(Date.now() - 10 * 60_000));
  await outcome.getByLabel("Date", { exact: true }).fill(released.date);
  await outcome.getByLabel("Time", { exact: true }).fill(released.time);
  await outcome.getByRole("button", { name: "Record the outcome" }).click();
  await expect(outcome).toContainText("Status: Released.");
  await expectAccessible();
  // A CLO may not set an outcome aside.
  await expect(outcome.getByText("Undo this outcome")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.goto(url);
  await expectAccessible();
  await openSection(page, "Outcome of the detention");
  await outcome.getByText("Undo this outcome").click();
  await outcome.getByRole("button", { name: "Undo the outcome" }).click();
  await expect(outcome.getByRole("alert")).toBeVisible();
  await outcome.getByLabel("Why undo it").fill("Recorded on the wrong person; she is still held.");
  await outcome.getByRole("button", { name: "Undo the outcome" }).click();
  await expect(outcome).toContainText("Status: Detained.");
  await expectAccessible();
  await outcome.getByText(/Earlier outcomes, set aside \(1\)/).click();
  await expect(outcome).toContainText("Undone by");
  await expect(outcome).toContainText("Recorded on the wrong person; she is still held.");
  // Detained again: the review clock is back and the outcome can be recorded anew.
  await expect(page.getByRole("region", { name: "At a glance" })).toContainText("48-hour review");
  await expect(outcome.getByText("Record the outcome", { exact: true }).first()).toBeVisible();
});
