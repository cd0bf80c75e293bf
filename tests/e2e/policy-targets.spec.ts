import { expect, test } from "./fixtures";

/**
 * Issue 16, item 1: an administrator schedules a policy change (never retroactive, and can be withdrawn) and sets an
 * office's target; a supervisor reads the policy and sees target, actual and gap for the quarter, and the CSV.
 */
test.describe("the release-first policy and targets", () => {
  test("an admin schedules and withdraws a policy change and sets a target; the supervisor sees target, actual and gap", async ({ page, signIn, expectAccessible }) => {
    await signIn("admin@liaison.example");
    await expectAccessible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
    await page.waitForURL(/\/policy$/);
    await expect(page.getByRole("heading", { level: 1, name: "Release-first policy" })).toBeVisible();
    await expectAccessible();

    const dueSoon = page.getByRole("region", { name: "“Due soon” horizon" });
    await expect(dueSoon).toContainText("In force now: 48 hours ahead");
    // A day in the past is refused with a message that names the field; nothing is scheduled.
    await dueSoon.getByLabel("Hours ahead (12 to 168)").fill("96");
    await dueSoon.getByLabel("Takes effect on").fill("2020-01-01");
    // A reason of its own, to find this change's row among the demo's.
    const reason = `Saturday sittings at the Division ${Date.now()}`;
    await dueSoon.getByLabel("Why the rule changes").fill(reason);
    await dueSoon.getByRole("button", { name: /^Schedule the change/ }).click();
    await expect(dueSoon.getByRole("alert").getByRole("link", { name: "The change cannot take effect in the past: choose today or a later day." })).toBeVisible();
    await expectAccessible();
    await dueSoon.getByLabel("Takes effect on").fill("2099-01-01");
    await dueSoon.getByRole("button", { name: /^Schedule the change/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "The change was scheduled." })).toBeVisible();

    const history = page.getByRole("table", { name: "History of changes" });
    const row = history.getByRole("row").filter({ hasText: reason });
    await expect(row).toContainText("Scheduled");
    await expect(row).toContainText("96 hours ahead");
    // Withdrawing asks first; cancelling changes nothing.
    const withdraw = row.getByRole("button", { name: /^Withdraw/ });
    await withdraw.click();
    const question = page.getByRole("dialog", { name: /^Withdraw the change to “Due soon” horizon/ });
    await expect(question).toBeVisible();
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(row).toContainText("Scheduled");
    await withdraw.click();
    await question.getByRole("button", { name: "Withdraw the change" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The scheduled change was withdrawn." })).toBeVisible();
    await expect(row).toContainText("Withdrawn");
    await expect(dueSoon).toContainText("In force now: 48 hours ahead");
    await expectAccessible();

    // Targets: Toronto's, for this quarter.
    await page.getByRole("link", { name: "Targets and results by office" }).click();
    await page.waitForURL(/\/reports\/targets/);
    await expect(page.getByRole("heading", { level: 1, name: "Targets and results" })).toBeVisible();
    await expectAccessible();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save the targets" }) });
    await expect(form.getByRole("heading", { name: /^Set the targets of CBSA Greater Toronto Area Region for \d{4}-Q[1-4]$/ })).toBeVisible();
    await form.getByLabel(/^Assessments with an interview/).fill("101");
    await form.getByRole("button", { name: "Save the targets" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: /^Enter the target for “assessments with an interview” as a number from 0 to 100/ })).toBeVisible();
    await form.getByLabel(/^Assessments with an interview/).fill("92.5");
    await form.getByRole("button", { name: "Save the targets" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The targets were saved." })).toBeVisible();
    await expectAccessible();

    await page.context().clearCookies();
    await signIn("supervisor.toronto@liaison.example");
    await expectAccessible();
    await page.goto("/reports");
    await expectAccessible();
    await page.getByRole("link", { name: "Targets and results against them, by office and CLO" }).click();
    await page.waitForURL(/\/reports\/targets/);
    await expectAccessible();
    const office = page.getByRole("table", { name: /^CBSA Greater Toronto Area Region, \d{4}-Q[1-4]$/ });
    const interview = office.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Assessments with an interview/ }) });
    await expect(interview.getByRole("cell").nth(0)).toHaveText("92.5 %");
    // The actual, the gap and the verdict are worked out from the office's cases: present, in words.
    await expect(interview.getByRole("cell").nth(1)).toHaveText(/^(\d+(\.\d)? %|—)$/);
    await expect(interview.getByRole("cell").nth(2)).toHaveText(/^([+−±][\d.]+ pts|—)$/);
    await expect(interview.getByRole("cell").nth(3)).toHaveText(/^(Met|Missed|—)$/);
    await expect(page.getByRole("table", { name: "What each CLO recorded" })).toBeVisible();
    // A supervisor reads the targets; setting them is an administrator's.
    await expect(page.getByRole("button", { name: "Save the targets" })).toHaveCount(0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the targets and activity (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^liaison-targets-\d{4}-Q[1-4]\.csv$/);

    // The policy page is the supervisor's to read, not to change.
    await page.goto("/policy");
    await expectAccessible();
    await expect(page.getByRole("button", { name: /^Schedule the change/ })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "History of changes" })).toContainText("Confirmed at the annual review of the complaints process");
  });
});
