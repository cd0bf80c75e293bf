import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { formatDateTime } from "@/lib/format";
import { addLocalDays, endOfLocalDay, instantToLocalDateTime } from "@/lib/reviews/rules";

const TORONTO = "America/Toronto";

test("a CLO records a held 48-hour review and sees the 7-day deadline on the case and on the dashboard", async ({ page, signIn, expectAccessible }) => {
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();

  // Find a Toronto case whose next review is the 48-hour review.
  await page.goto("/reviews");
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: "Detention reviews" })).toBeVisible();
  await page.getByLabel("Review", { exact: true }).selectOption({ label: "48-hour review" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=FORTY_EIGHT_HOUR/);
  await expectAccessible();
  const table = page.getByRole("table");
  // The overdue group comes first and says so in words, not colour alone.
  const caseLink = table.getByRole("link", { name: /^TOR-/ }).last();
  const reference = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expectAccessible();

  await openSection(page, "Detention reviews");
  const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Detention reviews" }) });
  await expect(section.getByText("48-hour review").first()).toBeVisible();

  // The hearing began 20 minutes ago, in the facility's time (Toronto).
  const startedOn = new Date(Math.floor((Date.now() - 20 * 60_000) / 60_000) * 60_000);
  const { date, time } = instantToLocalDateTime(startedOn, TORONTO);
  await section.getByText("Record a review", { exact: true }).click();
  const form = section.locator("form", { has: page.getByRole("heading", { name: "Record a review held" }) });
  await form.getByLabel("Date the hearing began (YYYY-MM-DD)").fill(date);
  await form.getByLabel("Time the hearing began (HH:MM)").fill(time);
  await form.getByLabel("Outcome").selectOption({ label: "Detention continued" });
  await form.getByLabel("Notes").fill("Member continued detention; counsel asked for an early review if a bondsperson is confirmed.");
  await form.getByRole("button", { name: "Record the review" }).click();
  await expect(form.getByRole("status")).toContainText("The review was recorded");
  await expectAccessible();

  // IRPA s.57(2): by the end of the 7th day after the first review, in Toronto time.
  const sevenDay = formatDateTime(endOfLocalDay(addLocalDays(startedOn, 7, TORONTO), TORONTO), TORONTO, "en");
  const next = section.locator("dl");
  await expect(next).toContainText("7-day review");
  await expect(next).toContainText(sevenDay);
  await expect(section.getByRole("table", { name: /Reviews recorded/ }).getByRole("rowheader", { name: /48-hour review/ })).toBeVisible();

  await page.goto("/reviews?kind=SEVEN_DAY");
  await expectAccessible();
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("7-day review");
  await expect(row).toContainText(sevenDay);
});

test("the dashboard groups reviews by urgency with counts, overdue in words", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/reviews?group=OVERDUE");
  await expectAccessible();
  const counts = page.getByRole("navigation", { name: "Reviews by urgency" });
  await expect(counts.getByRole("link", { name: /Overdue/ })).toHaveAttribute("aria-current", "true");
  const table = page.getByRole("table");
  const rows = table.getByRole("row").filter({ has: page.getByRole("link", { name: /^TOR-/ }) });
  const overdueCount = Number((await counts.getByRole("link", { name: /Overdue/ }).locator("span").first().textContent())!.trim());
  if (overdueCount > 0) {
    await expect(table.getByRole("columnheader", { name: "Overdue" })).toBeVisible();
    await expect(rows.first()).toContainText("Overdue: must be heard without delay");
  } else {
    await expect(table).toContainText("No review matches these filters.");
  }
});
