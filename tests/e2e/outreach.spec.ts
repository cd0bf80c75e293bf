import { expect, test } from "./fixtures";

/**
 * Issue 16, item 5: outreach contacts are followed up and corrected, and the reports count outreach per CLO. Each CLO
 * is the office's point of contact for the organisations they reach (the demo seeds some).
 */
test("a CLO plans a next step with an organization, corrects the contact, marks the follow-up done; the reports count it", async ({ page, signIn, expectAccessible }) => {
  await signIn("clo2.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/outreach");
  await expectAccessible();
  const followUps = page.getByRole("table", { name: "Follow-ups to do" });
  // The demo's follow-up past its date says so in words.
  await expect(followUps.getByRole("row").filter({ hasText: "Confirm the weekend intake contact" })).toContainText("Overdue");

  const organization = `Danforth Youth Shelter ${Date.now()}`;
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Record contact" }) });
  await form.getByLabel("Organization name").fill(organization);
  await form.getByLabel("Topic", { exact: true }).fill("Rooms for young adults");
  await form.getByLabel("Next step (optional)").fill("Send the intake form");
  await form.getByRole("button", { name: "Record contact" }).click();
  // A next step needs its date: the message names the field.
  await expect(form.getByRole("alert").getByRole("link", { name: "Enter the date of the next step, for example 2026-06-10, or clear the next step." })).toBeVisible();
  await expectAccessible();
  await form.getByLabel("Next step by").fill("2099-01-15");
  await form.getByRole("button", { name: "Record contact" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The contact was recorded." })).toBeVisible();
  const followUp = followUps.getByRole("row").filter({ hasText: organization });
  await expect(followUp).toContainText("Send the intake form");

  // Correct the contact from its row in the log.
  const logRow = page.getByRole("table", { name: /^Outreach contacts/ }).getByRole("row").filter({ hasText: organization });
  await logRow.getByText(/^Edit/).click();
  const edit = page.getByRole("form", { name: new RegExp(`^Edit the contact with ${organization}`) });
  await edit.getByLabel("Outcome").fill("Four rooms; referrals by phone");
  await edit.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The contact was saved." })).toBeVisible();
  await expect(logRow).toContainText("Four rooms; referrals by phone");
  await expectAccessible();

  await followUp.getByRole("button", { name: new RegExp(`^Done the follow-up with ${organization}`) }).click();
  await expect(page.getByRole("status").filter({ hasText: "The follow-up is marked done." })).toBeVisible();
  await expect(followUp).toHaveCount(0);
  await expect(logRow).toContainText("Done");

  // The supervisor's reports count the office's outreach per CLO.
  await page.context().clearCookies();
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/reports?groupBy=clo");
  await expectAccessible();
  const outreach = page.getByRole("table", { name: "Outreach with community organizations" });
  await expect(outreach.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ravi Menon" }) })).toBeVisible();
});
