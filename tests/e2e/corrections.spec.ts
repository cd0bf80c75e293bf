import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { recordTorontoDetention } from "./support/intake";

test("a CLO corrects a birth date typed wrongly at intake, and sees it on the case page and in the correction history", async ({ page, signIn, expectAccessible }) => {
  // Intake, the case page (checked by axe four times) and two corrections: more than the default minute on a loaded machine.
  test.setTimeout(240_000);
  const familyName = `Haile-Correction-${Date.now().toString(36)}`;
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/new?name=${familyName}`);
  await expectAccessible();
  await recordTorontoDetention(page, { givenName: "Selam", familyName: familyName, dateOfBirth: "1991-03-08", gender: "FEMALE", languages: "Tigrinya, English", citizenship: "ERI" }, 3);
  await expectAccessible();

  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance).toContainText("Mar 8, 1991");
  await openSection(page, "Corrections");
  const corrections = page.getByRole("region", { name: "Corrections" });
  await expect(corrections).toContainText("No corrections have been made.");

  // The form is collapsed until asked for, and pre-filled with the details as stored.
  const birthDate = corrections.getByLabel("Date of birth");
  await expect(birthDate).toBeHidden();
  await corrections.getByText("Correct the person's details").click();
  await expect(birthDate).toHaveValue("1991-03-08");
  await expect(corrections.getByLabel("Family name")).toHaveValue(familyName);
  await expectAccessible();

  // A reason is required.
  await birthDate.fill("1991-08-03");
  await corrections.getByRole("button", { name: "Save the correction to the person" }).click();
  await expect(corrections.getByRole("alert")).toContainText("Give the reason for the correction.");
  await expectAccessible();

  await corrections.getByLabel("Reason for the correction").first().fill("Day and month swapped at intake; checked against the passport.");
  await corrections.getByRole("button", { name: "Save the correction to the person" }).click();
  await expect(corrections.getByText("The person's details were corrected.")).toBeVisible();
  await expect(glance).toContainText("Aug 3, 1991");
  await expect(glance).not.toContainText("Mar 8, 1991");

  const history = corrections.getByRole("table", { name: "Corrections to this person and this detention, newest first" });
  const row = history.getByRole("row").nth(1);
  await expect(row).toContainText("Dana Whitfield");
  await expect(row).toContainText("Person: Date of birth");
  await expect(row).toContainText("Date of birth: Mar 8, 1991 → Aug 3, 1991");
  await expect(row).toContainText("Day and month swapped at intake");
  await expectAccessible();

  // Sending the same details again changes nothing and is refused as such.
  await corrections.getByRole("button", { name: "Save the correction to the person" }).click();
  await expect(corrections.getByRole("alert")).toContainText("Nothing was changed");
});

test("a supervisor finds a person recorded twice within the office and must confirm before merging", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(240_000);
  await signIn("supervisor.toronto@liaison.example");
  await page.goto("/cases");
  await expectAccessible();
  // Any case of the office: open it, then its merge page.
  await page.getByRole("table").getByRole("link").filter({ hasText: /^TOR-/ }).first().click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expectAccessible();
  await openSection(page, "Corrections");
  await page.getByRole("region", { name: "Corrections" }).getByRole("link", { name: "Merge a person recorded twice" }).click();
  await page.waitForURL(/\/merge$/);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Merge a person recorded twice");

  // Search the office by a date of birth nobody has: no one else.
  await page.getByLabel("Date of birth").fill("1901-01-01");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No one else in your office matches.")).toBeVisible();
  await expectAccessible();

  // Search by a common letter: someone else of the office, chosen for the confirmation step.
  await page.getByLabel("Date of birth").fill("");
  await page.getByLabel("Name").fill("a");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible();
  await page.getByRole("table").getByRole("link", { name: /^Choose / }).first().click();
  await page.waitForURL(/duplicate=/);
  await expectAccessible();
  const confirm = page.getByRole("region", { name: "2. Confirm the merge" });
  await confirm.getByLabel("Reason for the merge").fill("Checking the confirmation step.");
  await confirm.getByRole("button", { name: "Merge the records" }).click();
  await expect(confirm.getByRole("alert")).toContainText("Confirm that you checked both records are the same person.");
  await expectAccessible();
});
