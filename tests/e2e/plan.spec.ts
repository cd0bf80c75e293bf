import { expect, test, type Page } from "./fixtures";
import { openSection } from "./support/case-page";

/** "YYYY-MM-DDTHH:mm" for a datetime-local input: yesterday, so the interview is in the past in any zone. */
function yesterdayLocalValue(): string {
  const date = new Date(Date.now() - 24 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T10:30`;
}

// Both tests may pick the same demo case (the CLO's new plan can be on one of counsel's clients); run one after the
// other so one test's saves never make the other's form stale.
test.describe.configure({ mode: "serial" });

/**
 * Opens a detained Toronto case without a release plan whose assessment is not complete yet,
 * from the caseload (the demo data is seeded fresh for the e2e server).
 */
async function openCaseToAssess(page: Page, expectAccessible: () => Promise<void>): Promise<string> {
  await page.goto("/cases?status=DETAINED&plan=NONE");
  await expectAccessible();
  const links = page.getByRole("table").getByRole("link", { name: /^TOR-/ });
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    await expectAccessible();
    const section = page.getByRole("region", { name: "ATD assessment" });
    if (await section.getByText("Not completed").isVisible()) return href;
  }
  throw new Error("The demo data has no detained case without a plan and with its assessment still to complete");
}

test("a CLO assesses a detained person, builds a release plan with a vetted bondsperson, marks it ready and prints it", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(180_000);
  await signIn("clo.toronto@liaison.example");
  const caseHref = await openCaseToAssess(page, expectAccessible);

  // The assessment: an interview, needs, a mitigation for each ground, recommended measures and a private risk opinion.
  await openSection(page, "ATD assessment");
  await page.getByRole("region", { name: "ATD assessment" }).getByRole("link", { name: /Record the assessment|Edit the assessment/ }).click();
  await expect(page).toHaveURL(`${caseHref}/assessment`);
  await expectAccessible();
  await page.getByLabel("Yes, the person was interviewed").check();
  await page.getByLabel(/^Date and time of the interview/).fill(yesterdayLocalValue());
  await page.getByLabel("How the interview took place").selectOption("IN_PERSON");
  await page.getByLabel("Language of the interview").fill("Spanish");
  await page.getByLabel("An interpreter was used").check();
  await page.getByLabel("Housing", { exact: true }).check();
  await page.getByLabel("Notes on Housing").fill("Can stay with a sister in Mississauga.");
  const mitigations = page.getByLabel(/^Proposed mitigation: /);
  const groundCount = await mitigations.count();
  expect(groundCount).toBeGreaterThan(0);
  for (let index = 0; index < groundCount; index += 1) {
    await mitigations.nth(index).fill(`Sister as bondsperson, fixed residence and weekly reporting (${index + 1}).`);
  }
  await page.getByLabel("Bondsperson (guarantor)").check();
  await page.getByLabel("CLO's risk opinion (optional)").fill("E2E private opinion: low risk.");
  await page.getByRole("button", { name: "Save and complete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assessment saved and complete." })).toBeVisible();
  await expectAccessible();

  // The case shows it complete.
  await page.getByRole("link", { name: "Back to the case" }).click();
  await expect(page).toHaveURL(caseHref);
  await expectAccessible();
  await openSection(page, "ATD assessment");
  await expect(page.getByRole("region", { name: "ATD assessment" }).getByText(/^Completed /)).toBeVisible();

  // The plan starts from the assessment.
  await openSection(page, "Release plan");
  await page.getByRole("region", { name: "Release plan" }).getByRole("link", { name: "Start the release plan" }).click();
  await expect(page).toHaveURL(`${caseHref}/plan`);
  await expectAccessible();
  await page.getByRole("button", { name: "Start the release plan" }).click();
  await expect(page.getByText("Current status: Drafting")).toBeVisible();
  await expectAccessible();
  await expect(page.getByLabel("Bondsperson (guarantor)")).toBeChecked();
  await expect(page.getByText("Not complete yet.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as Ready" })).toHaveCount(0);

  // Residence and conditions: a substantive save makes a new version.
  await page.getByLabel("Residence address").fill("12 Example Street, Mississauga");
  await page.getByLabel("Proposed conditions").fill("Reside at the approved address; report weekly.");
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Plan saved as a new version." })).toBeVisible();
  await expect(page.getByRole("table", { name: /Who changed the plan/ }).getByRole("cell", { name: /residence address/ })).toBeVisible();

  // A confirmed bondsperson needs all three IRPR s.47 checks.
  const addForm = page.getByRole("group", { name: "Add a bondsperson" });
  await addForm.getByLabel("Name", { exact: true }).fill("Rosa Example");
  await addForm.getByLabel("Relationship to the person").fill("Sister");
  await addForm.getByLabel("Phone").fill("+1 555 0100");
  await addForm.getByLabel("E-mail address").fill("rosa@example.org");
  await addForm.getByLabel("Amount of the guarantee, in dollars").fill("5000");
  await addForm.getByLabel("Citizen or permanent resident").check();
  await addForm.getByLabel("Residing in Canada").check();
  await addForm.getByLabel("Confirmed by the CLO after vetting").check();
  await addForm.getByRole("button", { name: "Add bondsperson" }).click();
  await expect(addForm.getByRole("alert")).toContainText("confirmed only when all three checks are ticked");
  await expectAccessible();
  await addForm.getByLabel("No guarantee in default").check();
  await addForm.getByRole("button", { name: "Add bondsperson" }).click();
  await expect(page.getByRole("group", { name: "Rosa Example (Sister)" })).toBeVisible();

  // The checklist is complete: READY is offered and accepted.
  await expect(page.getByText("Complete: the plan can be marked ready.").first()).toBeVisible();
  await expectAccessible();
  await page.getByRole("button", { name: "Mark as Ready" }).click();
  await expect(page.getByText("Current status: Ready")).toBeVisible();
  await expect(page.getByRole("table", { name: /Who changed the plan/ }).getByRole("cell", { name: "status" }).first()).toBeVisible();

  // The printable plan: everything the hearing needs, and never the CLO's risk opinion.
  await page.getByRole("link", { name: "Printable plan" }).click();
  await expect(page).toHaveURL(`${caseHref}/plan/print`);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: /^Release plan: TOR-/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByText("Status: Ready")).toBeVisible();
  await expect(page.getByText("12 Example Street, Mississauga")).toBeVisible();
  await expect(page.getByText("Rosa Example (Sister)")).toBeVisible();
  await expect(page.getByText("Confirmed by the CLO")).toBeVisible();
  await expect(page.getByText(/Sister as bondsperson, fixed residence and weekly reporting/).first()).toBeVisible();
  await expect(page.getByText("Complete: the plan can be marked ready.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("E2E private opinion");
  await expect(page.locator("body")).not.toContainText("risk opinion");
});

test("counsel of record read the assessment without the CLO's risk opinion and propose a bondsperson they cannot confirm", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  await signIn("counsel.clinic@liaison.example");
  await expect(page).toHaveURL(/\/clients$/);
  await expectAccessible();
  const hrefs = await page.getByRole("table").getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  let found = false;
  for (const href of hrefs.filter((candidate) => /^\/cases\/[0-9a-f-]+$/.test(candidate))) {
    await page.goto(href);
    await expectAccessible();
    const plan = page.getByRole("region", { name: "Release plan" });
    const assessment = page.getByRole("region", { name: "ATD assessment" });
    if ((await plan.getByRole("link", { name: "Open the release plan" }).count()) === 0 || (await assessment.getByText("No assessment has been recorded yet.").count()) > 0) continue;
    found = true;
    await openSection(page, "ATD assessment");
    await openSection(page, "Release plan");
    await expect(assessment.getByText("The CLO's risk opinion is not shared with counsel.")).toBeVisible();
    // The demo's risk opinions never reach counsel's page.
    await expect(page.locator("body")).not.toContainText("Low flight risk");
    await expect(assessment.getByRole("link", { name: /Edit the assessment|Record the assessment/ })).toHaveCount(0);

    await plan.getByRole("link", { name: "Open the release plan" }).click();
    await expect(page).toHaveURL(`${href}/plan`);
    await expectAccessible();
    await expect(page.getByText("You can read this plan; only the case team edits it.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Mark as/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save the plan" })).toHaveCount(0);
    const propose = page.getByRole("group", { name: "Propose a bondsperson" });
    await expect(propose.getByLabel("Confirmed by the CLO after vetting")).toHaveCount(0);
    await propose.getByLabel("Name", { exact: true }).fill("Omar Proposal");
    await propose.getByLabel("Relationship to the person").fill("Friend from church");
    await propose.getByLabel("Amount of the guarantee, in dollars").fill("2 500,00");
    await propose.getByLabel("Citizen or permanent resident").check();
    await propose.getByRole("button", { name: "Propose bondsperson" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bondsperson proposed." })).toBeVisible();
    const proposal = page.getByRole("listitem").filter({ hasText: "Omar Proposal" });
    await expect(proposal).toContainText("$2,500.00");
    await expect(proposal).toContainText("Not confirmed · Proposed by Nadia Haddad");
    await expectAccessible();
    break;
  }
  expect(found, "a client of counsel with an assessment and a release plan in the demo data").toBe(true);
});
