import { expect, test, type Page } from "./fixtures";
import { findMatrixRecords } from "./support/actions-client";
import { openAllSections, openSection } from "./support/case-page";

/** A date on Toronto's calendar (the facility's), as the task form takes it. */
function torontoDate(instant: Date) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Every link of the section navigation names a section rendered on the page, by its id and its title. */
async function expectNavigationMatchesSections(page: Page) {
  const nav = page.getByRole("navigation", { name: "Sections of this case" });
  const links = nav.getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index++) {
    const link = links.nth(index);
    const name = (await link.innerText()).trim();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^#case-/);
    await expect(page.locator(href), `${name} (${href})`).toHaveCount(1);
    await expect(page.locator(href).getByRole("heading", { level: 2, name, exact: true })).toHaveCount(1);
  }
  const rendered = await page.locator("section[id^='case-']:has(> details[data-case-section])").count();
  expect(rendered).toBe(count);
}

let caseUrl = "";

test.beforeAll(async ({ app }) => {
  const records = await findMatrixRecords(app.databaseUrl);
  caseUrl = `/cases/${records.case}`;
});

test("the case page's head says where the case stands and its next deadline; folded sections open from their link; a task is closed in one click", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(180_000);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expectAccessible();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Case [A-Z]{3}-\d{2}-\d{4}: /);
  const tags = page.getByRole("list", { name: "Where the case stands" });
  await expect(tags.getByRole("listitem").first()).toHaveText("Detained");
  // The next deadline in words, on the facility's clock.
  await expect(page.getByText(/^Next deadline: .+, due by .+ \(America\/Toronto time\), (in|overdue by) \d+ (hour|day)s?$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "What needs doing next" })).toBeVisible();

  // A folded section opens from the section navigation, and from its address.
  const corrections = page.getByRole("region", { name: "Corrections" });
  await expect(corrections.getByText("Correct the person's details")).toBeHidden();
  await openSection(page, "Corrections");
  await expect(page).toHaveURL(/#case-corrections$/);
  await expect(corrections.getByText("Correct the person's details")).toBeVisible();
  await page.goto(`${caseUrl}#case-counsel`);
  await expectAccessible();
  await expect(page.getByRole("region", { name: "Counsel of record" }).locator("details[data-case-section]")).toHaveAttribute("open", "");

  // A task due today, added from the form opened on demand: it is in "what next" and in the open tasks.
  const title = `Confirm the surety's address ${Date.now()}`;
  await openSection(page, "Tasks");
  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByText("Add a task", { exact: true }).click();
  // The case has tasks already, each with its edit form folded away: the add form's fields are the visible ones.
  await tasks.getByLabel("Title").filter({ visible: true }).fill(title);
  await tasks.getByLabel("Due date").filter({ visible: true }).fill(torontoDate(new Date()));
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText("The task was added.")).toBeVisible();
  const open = tasks.getByRole("table", { name: /^Open tasks/ });
  await expect(open.getByRole("rowheader", { name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: "What needs doing next" })).toContainText(`Task “${title}” due by`);
  await expectAccessible();

  // One click: done, said so, gone from the open tasks (and from "what next"), listed with the tasks done.
  await tasks.getByRole("button", { name: `Mark done: ${title}` }).click();
  await expect(tasks.getByRole("status").filter({ hasText: "was marked done" })).toHaveText(`“${title}” was marked done.`);
  await expect(open.getByRole("rowheader", { name: title })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "What needs doing next" })).not.toContainText(title);
  await tasks.getByText(/^Done or cancelled \(\d+\)$/).click();
  await expect(tasks.getByRole("table", { name: /^Tasks done or cancelled/ }).getByRole("row", { name: new RegExp(title) })).toContainText("Done");
  // The section the reader opened stays open after the page refreshed with the change.
  await expect(tasks.locator("details[data-case-section]")).toHaveAttribute("open", "");

  // Every section, opened, passes axe.
  await openAllSections(page);
  await expectAccessible();
});

test("the section navigation links only to the sections each reader is shown", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(180_000);
  for (const email of ["clo.toronto@liaison.example", "supervisor.toronto@liaison.example"]) {
    await page.context().clearCookies();
    await signIn(email);
    await expectAccessible();
    await page.goto(caseUrl);
    await expectAccessible();
    await expectNavigationMatchesSections(page);
    const nav = page.getByRole("navigation", { name: "Sections of this case" });
    await expect(nav.getByRole("link", { name: "Tasks", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Referrals", exact: true })).toBeVisible();
  }

  // Counsel of record: no tasks, no CBSA referral list; their own view of the referrals instead.
  await page.context().clearCookies();
  await signIn("counsel.clinic@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expectAccessible();
  await expectNavigationMatchesSections(page);
  const nav = page.getByRole("navigation", { name: "Sections of this case" });
  await expect(nav.getByRole("link", { name: "Tasks", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Referrals", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Referrals and options", exact: true })).toBeVisible();
  await openAllSections(page);
  await expectAccessible();

  // A CBSA officer of another office: not found, no section named.
  await page.context().clearCookies();
  await signIn("clo.vancouver@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections of this case" })).toHaveCount(0);
  await expectAccessible();
});
