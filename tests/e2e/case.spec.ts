import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { recordTorontoDetention, torontoLocal } from "./support/intake";

test("a CLO records a detention with a mental-health flag, sees the 48-hour assessment deadline, adds a task, and another office cannot open the case", async ({ page, signIn, expectAccessible }) => {
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.getByRole("link", { name: "Record a new detention" }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expectAccessible();

  // Search first: nobody of this name has been detained before.
  await page.getByLabel("Name", { exact: true }).fill("Oyelaran-Test");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/name=Oyelaran-Test/);
  await expectAccessible();
  await expect(page.getByText("No one matches. Record a new person below.")).toBeVisible();

  // The name searched for is already in the form.
  await expect(page.getByRole("group", { name: "The person" }).getByLabel("Family name")).toHaveValue("Oyelaran-Test");
  await recordTorontoDetention(page, { givenName: "Folake", dateOfBirth: "1988-09-14", gender: "FEMALE", languages: "Yoruba, English", citizenship: "NGA" }, 2);
  const caseUrl = new URL(page.url()).pathname;
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Case TOR-\d{2}-\d{4}: Folake Oyelaran-Test/);
  await expect(page.getByRole("navigation", { name: "Sections of this case" }).getByRole("link", { name: "Screening" })).toBeVisible();
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance).toContainText("48-hour review");
  await expect(glance).toContainText("Before the 7-day review");

  // Screening: a mental-health flag brings the assessment forward to 48 hours after detention.
  await openSection(page, "Screening");
  const screening = page.getByRole("region", { name: "Screening" });
  await screening.getByLabel("Flag").selectOption({ label: "Mental health" });
  await screening.getByLabel("Details").fill("Reports panic attacks; asked to see a doctor.");
  await screening.getByRole("button", { name: "Save flag" }).click();
  await expect(page.getByText("The flag was saved.")).toBeVisible();
  await expect(glance).toContainText("48 hours after detention, because of a vulnerability flag");
  await expectAccessible();
  // The deadline shown is the 48-hour mark: the same instant as the first review's deadline.
  const nextReview = (await glance.locator("dt", { hasText: "Next review" }).locator("xpath=following-sibling::dd").innerText()).match(/due by (.+)/)![1]!.split("\n")[0]!.trim();
  await expect(glance.locator("dt", { hasText: "Assessment due by" }).locator("xpath=following-sibling::dd")).toContainText(nextReview);
  await expect(screening.getByRole("rowheader", { name: "Mental health" })).toBeVisible();

  // A task on the case, then in My tasks.
  await openSection(page, "Tasks");
  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByText("Add a task", { exact: true }).click();
  await tasks.getByLabel("Title").fill("Call the sister about a surety");
  await tasks.getByLabel("Category").selectOption({ label: "Communication" });
  await tasks.getByLabel("Due date").fill(torontoLocal(new Date(Date.now() + 86_400_000)).date);
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText("The task was added.")).toBeVisible();
  await expect(tasks.getByRole("rowheader", { name: "Call the sister about a surety" })).toBeVisible();
  await expectAccessible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expectAccessible();
  const row = page.getByRole("row", { name: /Call the sister about a surety/ });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: /Oyelaran-Test, Folake/ }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}#case-tasks$`));
  await expectAccessible();

  // The caseload links to the case too.
  await page.goto("/cases?flag=MENTAL_HEALTH");
  await expectAccessible();
  await expect(page.getByLabel("Vulnerability")).toHaveValue("MENTAL_HEALTH");
  await expect(page.getByRole("row", { name: /Oyelaran-Test, Folake/ }).getByRole("link", { name: /^TOR-/ })).toHaveAttribute("href", caseUrl);

  // A CLO of another office gets "Page not found" for the same address.
  await page.context().clearCookies();
  await signIn("clo.vancouver@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Oyelaran-Test")).toHaveCount(0);
  await expectAccessible();
});

test("the caseload is a priority queue with counted filters", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await expect(page.getByRole("columnheader", { name: /Priority/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("Next review").locator("option", { hasText: /^Overdue \(\d+\)$/ })).toHaveCount(1);
  await page.getByLabel("Release plan").selectOption("NONE");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/plan=NONE/);
  await expectAccessible();
  const cells = page.getByRole("table").getByRole("row");
  await expect(cells.first()).toBeVisible();
});

test("a trafficking indicator moves the assessment deadline only for those who may see it; the note form says who reads a note", async ({ page, signIn, expectAccessible }) => {
  // Three people in turn, with an accessibility check on every page: longer than the default.
  test.setTimeout(180_000);
  // The assigned CLO (intake assigns the recording CLO) records a new detention and a trafficking indicator.
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/cases/new?name=Derived-Test");
  await expectAccessible();
  await expect(page.getByText("No one matches. Record a new person below.")).toBeVisible();
  await recordTorontoDetention(page, { givenName: "Amara", familyName: "Derived-Test", dateOfBirth: "1991-02-03", gender: "FEMALE", languages: "English", citizenship: "GHA" }, 3);
  await expectAccessible();
  const caseUrl = new URL(page.url()).pathname;
  const glance = page.getByRole("region", { name: "At a glance" });
  const deadline = glance.locator("dt", { hasText: "Assessment due by" }).locator("xpath=following-sibling::dd");
  const flags = glance.locator("dt", { hasText: "Vulnerabilities" }).locator("xpath=following-sibling::dd");

  await openSection(page, "Screening");
  const screening = page.getByRole("region", { name: "Screening" });
  // Trafficking indicators are recorded through the structured screen (tests/e2e/trafficking.spec.ts goes through it).
  await screening.getByText("Trafficking screen", { exact: true }).click();
  await screening.getByRole("checkbox", { name: /^I told the person, in their language, who will see this screen/ }).check();
  await screening.getByRole("checkbox", { name: "Owes a debt that keeps growing or can never be repaid" }).check();
  await screening.getByRole("radio", { name: "Exploitation short of trafficking" }).check();
  await screening.getByRole("button", { name: "Record the screen" }).click();
  await expect(page.getByText("Trafficking screen recorded.")).toBeVisible();
  await expect(deadline).toContainText("48 hours after detention, because of a vulnerability flag");
  await expect(flags).toContainText("Trafficking indicators");

  // The note form names who reads each choice: a case-team note is read by counsel of record too.
  await openSection(page, "Notes");
  const notes = page.getByRole("region", { name: "Notes" });
  await notes.getByText("Add a note", { exact: true }).click();
  await expect(notes.getByRole("radio", { name: "Case team" })).toHaveAccessibleDescription("Read by the CLOs and supervisors of your office and the person's counsel of record.");
  await expect(notes.getByRole("radio", { name: "My organization only" })).toHaveAccessibleDescription("Read by the CLOs and supervisors of your office.");
  await expectAccessible();

  // Another CLO of the office: no flag, and nothing derived from one.
  await page.context().clearCookies();
  await signIn("clo2.toronto@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expectAccessible();
  await expect(flags).toHaveText("None recorded");
  await expect(deadline).toContainText("Before the 7-day review");
  await expect(deadline).not.toContainText("vulnerability");
  await expect(page.getByRole("region", { name: "Screening" })).toContainText("No vulnerability recorded.");
  // The head's "what next" gives the same deadline: the flag they may not see does not move it either.
  const whatNext = page.getByRole("region", { name: "What needs doing next" });
  await expect(whatNext).toContainText(`ATD assessment due by ${(await deadline.innerText()).split(" (")[0]!.trim()},`);

  // A supervisor sees the indicator and the 48-hour deadline it brings.
  await page.context().clearCookies();
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await expectAccessible();
  await expect(flags).toContainText("Trafficking indicators");
  await expect(deadline).toContainText("48 hours after detention, because of a vulnerability flag");
  await expect(whatNext).toContainText(`ATD assessment due by ${(await deadline.innerText()).split(" (")[0]!.trim()},`);
});
