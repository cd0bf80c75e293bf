import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { recordTorontoDetention } from "./support/intake";

const CONFIRMATION = /^I told the person, in their language, who will see this screen and the risks of disclosing/;
const INDICATOR = "Someone else holds their passport or identity documents";
const NOTE = "Screen-Test: the employer keeps the passport in a drawer";

test("a CLO records the trafficking screen only after confirming the disclosure of risks; another CLO of the office never sees it", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(180_000);
  // Intake assigns the recording CLO: the case is clo.toronto's.
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/cases/new?name=Screen-Test");
  await expectAccessible();
  await recordTorontoDetention(page, { givenName: "Maricel", dateOfBirth: "1994-06-21", gender: "FEMALE", languages: "Tagalog", citizenship: "PHL" }, 3);
  const caseUrl = new URL(page.url()).pathname;

  // The screen sits folded inside the Screening section, opened on demand.
  await openSection(page, "Screening");
  const screening = page.getByRole("region", { name: "Screening" });
  await expect(screening.getByRole("checkbox", { name: CONFIRMATION })).toBeHidden();
  await screening.getByText("Trafficking screen", { exact: true }).click();
  await expect(screening.getByText("No trafficking screen recorded.")).toBeVisible();
  await expectAccessible();
  // The free-text flag no longer offers trafficking indicators: the screen records them.
  await expect(screening.getByLabel("Flag").locator("option", { hasText: "Trafficking indicators" })).toHaveCount(0);

  const control = screening.getByRole("group", { name: "Control of movement or documents" });
  await control.getByRole("checkbox", { name: INDICATOR }).check();
  await control.getByLabel("Notes on Control of movement or documents").fill(NOTE);
  await screening.getByRole("group", { name: "Outcome of the screen" }).getByRole("radio", { name: "Indicators of trafficking" }).check();

  // Without the confirmation the form refuses, naming it, and nothing is recorded.
  await screening.getByRole("button", { name: "Record the screen" }).click();
  const refusal = "Confirm that the person was told, in their language, who will see this screen and the risks of disclosing (including to enforcement), and that they agree: nothing is recorded without it.";
  await expect(page.getByRole("alert").getByRole("link", { name: refusal })).toBeVisible();
  await expect(screening.getByRole("checkbox", { name: CONFIRMATION })).toHaveAttribute("aria-invalid", "true");
  await expect(screening.getByText("No trafficking screen recorded.")).toBeVisible();
  await expectAccessible();

  // With it (told by phone, through an interpreter), the screen is recorded and shown to the CLO.
  const disclosure = screening.getByRole("group", { name: "Before you ask: disclosure of risks" });
  await disclosure.getByRole("checkbox", { name: CONFIRMATION }).check();
  await disclosure.getByRole("radio", { name: "by phone" }).check();
  await disclosure.getByLabel("Interpreter's language").fill("Tagalog");
  await screening.getByRole("button", { name: "Record the screen" }).click();
  await expect(page.getByText("Trafficking screen recorded.")).toBeVisible();
  const recorded = screening.getByRole("list", { name: "Trafficking screens, latest first" });
  await expect(recorded).toContainText("Outcome: Indicators of trafficking");
  await expect(recorded).toContainText(INDICATOR);
  await expect(recorded).toContainText(NOTE);
  await expect(recorded).toContainText("by phone, interpreter in Tagalog");
  // The outcome set the trafficking flag: the early assessment follows.
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance.locator("dt", { hasText: "Vulnerabilities" }).locator("xpath=following-sibling::dd")).toContainText("Trafficking indicators");
  await expectAccessible();

  // Another CLO of the office opens the case: no screen, no fold for it, nothing of what it says.
  await page.context().clearCookies();
  await signIn("clo2.toronto@liaison.example");
  await expectAccessible();
  await page.goto(caseUrl);
  await openSection(page, "Screening");
  const theirs = page.getByRole("region", { name: "Screening" });
  await expect(theirs.getByText("No vulnerability recorded.")).toBeVisible();
  await expect(theirs.getByText("Trafficking screen", { exact: true })).toHaveCount(0);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await expect(page.getByText(INDICATOR)).toHaveCount(0);
  await expectAccessible();
});
