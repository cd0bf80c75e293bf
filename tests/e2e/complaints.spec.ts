import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD, expect, test, type Page } from "./fixtures";

/**
 * A complaint end to end: counsel of record files one from their client's case page, the office's supervisor takes it
 * for review and responds, and counsel sees the response; the officer the complaint names is answered "not found".
 * The complaint is this spec's own (its text is unique), so no other spec's changes matter.
 */

async function counselCase(databaseUrl: string): Promise<{ id: string; assignedClo: string | null }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (
      await client.query(
        `SELECT d.id, clo.email AS "assignedClo" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "User" c ON c.id = p."counselId" JOIN "Organization" o ON o.id = d."officeId"
         LEFT JOIN "User" clo ON clo.id = d."assignedCloId"
         WHERE c.email = 'counsel.clinic@liaison.example' AND o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' ORDER BY d.reference LIMIT 1`,
      )
    ).rows[0];
    if (!row) throw new Error("The demo data has no Toronto case of counsel.clinic.");
    return row;
  } finally {
    await client.end();
  }
}

/** Signs in straight to `path` (the sign-in page's return address), so no page loads that this spec does not check. */
async function signInTo(page: Page, expectAccessible: () => Promise<void>, email: string, path: string) {
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await expectAccessible();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
  await expectAccessible();
}

test("counsel files a complaint, a supervisor responds, and counsel sees the response", async ({ page, app, expectAccessible }) => {
  test.setTimeout(180_000);
  const { id: detentionId, assignedClo } = await counselCase(app.databaseUrl);
  const what = `The shelter was not called back for nine days (${randomUUID().slice(0, 8)}).`;

  // Counsel, from the client's case page.
  await signInTo(page, expectAccessible, "counsel.clinic@liaison.example", `/cases/${detentionId}`);
  await page.getByRole("link", { name: "Make a complaint about this case" }).click();
  await page.waitForURL((url) => url.pathname === "/complaints/new");
  await expectAccessible();
  await page.getByLabel("What is the complaint about?").selectOption({ label: "Delay" });
  await page.getByLabel("What happened").fill(what);
  await page.getByLabel("What is asked for").fill("A call to the shelter before the next review.");
  await page.getByRole("button", { name: "Make the complaint" }).click();
  await page.waitForURL((url) => /^\/complaints\/[0-9a-f-]{36}$/.test(url.pathname));
  const acknowledgement = page.getByRole("status").filter({ hasText: "received" });
  await expect(acknowledgement).toContainText(/Complaint CMP-TOR-\d{4}-\d{4} received\. The office will respond by/);
  await expectAccessible();
  const complaintPath = new URL(page.url()).pathname;
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Complaint ", "").trim();
  await expect(page.getByText("No response yet.")).toBeVisible();

  // The office's supervisor: the complaint is in the queue, taken for review, then answered.
  await signInTo(page, expectAccessible, "supervisor.toronto@liaison.example", "/complaints");
  await page.getByRole("link", { name: reference }).first().click();
  await page.waitForURL((url) => url.pathname === complaintPath);
  await expectAccessible();
  await expect(page.getByText(what)).toBeVisible();
  await expect(page.getByLabel("Supervisor handling it")).toHaveValue(/.+/);
  await page.getByLabel("Notes of the investigation").fill("Checked the task list: the call was never assigned.");
  await page.getByRole("button", { name: "Save the review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review saved." })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Outcome").selectOption({ label: "Upheld" });
  await page.getByLabel("Response to the complainant").fill("You were right: the shelter has now been called and a CLO named to the plan.");
  await page.getByRole("button", { name: "Send the response" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Response sent to the complainant." })).toBeVisible();
  await expectAccessible();

  // Counsel sees the status and the response, never the investigation's notes.
  await signInTo(page, expectAccessible, "counsel.clinic@liaison.example", complaintPath);
  await expect(page.getByText("Responded (Upheld)")).toBeVisible();
  await expect(page.getByText("You were right: the shelter has now been called and a CLO named to the plan.")).toBeVisible();
  await expect(page.getByText("Checked the task list")).toHaveCount(0);

  // The officer the complaint names does not find it.
  if (assignedClo) {
    await signInTo(page, expectAccessible, assignedClo, "/complaints");
    await expect(page.getByRole("link", { name: reference })).toHaveCount(0);
    const response = await page.goto(complaintPath);
    expect(response?.status()).toBe(404);
    await expectAccessible();
  }
});
