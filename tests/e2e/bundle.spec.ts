import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { findMatrixRecords } from "./support/actions-client";

/**
 * Issue 14: the hearing bundle downloads from the case page, and counsel of record work the plan with the CLO (the
 * referrals' status, proposing an option). The case is the registry's (a detained Toronto person whose counsel of
 * record is counsel.clinic, with a release plan and a referral in the demo data).
 */
async function caseWithReferral(databaseUrl: string) {
  const { case: caseId, caseReference } = await findMatrixRecords(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const referral = (
      await client.query(`SELECT r.status, o.name FROM "Referral" r JOIN "ServiceProvider" sp ON sp.id = r."providerId" JOIN "Organization" o ON o.id = sp."organizationId"
                          WHERE r."detentionId" = $1 AND r.status <> 'DRAFT' ORDER BY r."sentAt" DESC LIMIT 1`, [caseId])
    ).rows[0] as { status: string; name: string } | undefined;
    if (!referral) throw new Error("The registry's case has no referral sent in the demo data");
    return { caseId, caseReference, referral };
  } finally {
    await client.end();
  }
}

const STATUS_LABELS: Record<string, string> = { SENT: "Sent", UNDER_REVIEW: "Under review", ACCEPTED: "Accepted", WAITLISTED: "Waitlisted", DECLINED: "Declined", WITHDRAWN: "Withdrawn", INTAKE_COMPLETE: "Intake complete" };

test("the CLO downloads the hearing bundle in French from the case page, against the disclosure deadline", async ({ page, app, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const { caseId, caseReference } = await caseWithReferral(app.databaseUrl);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${caseId}`);
  await expectAccessible();

  await openSection(page, "Hearing bundle");
  const bundle = page.getByRole("region", { name: "Hearing bundle" });
  await expect(bundle.getByText(/^(Disclose by .+|No Minister's disclosure is due for the next review\.)$/)).toBeVisible();
  await bundle.getByRole("radio", { name: "Français" }).check();
  const downloading = page.waitForEvent("download");
  await bundle.getByRole("button", { name: "Download the hearing bundle (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^hearing-bundle-${caseReference}-v\\d+-fr\\.pdf$`));
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe("%PDF-");

  // What the route answers: a private PDF attachment named by the case reference, never cached or sniffed.
  const response = await page.request.get(`/cases/${caseId}/bundle?lang=en`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="hearing-bundle-${caseReference}-v\\d+-en\\.pdf"$`));
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("counsel of record see the referral's status and propose an option to the CLO", async ({ page, app, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const { caseId, referral } = await caseWithReferral(app.databaseUrl);
  await signIn("counsel.clinic@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${caseId}`);
  await expectAccessible();

  await openSection(page, "Referrals and options");
  const collaboration = page.getByRole("region", { name: "Referrals and options" });
  const row = collaboration.getByRole("row", { name: new RegExp(referral.name) });
  await expect(row.getByRole("cell", { name: STATUS_LABELS[referral.status] })).toBeVisible();

  await collaboration.getByText("Propose an option", { exact: true }).click();

  await collaboration.getByRole("radio", { name: "A program outside the directory" }).check();
  await collaboration.getByRole("textbox", { name: "Program", exact: true }).fill("Maison Fictive day program");
  await collaboration.getByLabel("Contact (person, telephone or e-mail)").fill("Intake desk, 555-0100");
  await collaboration.getByLabel("Why this option fits").fill("She attended it before detention and they hold a place.");
  await collaboration.getByRole("button", { name: "Propose to the CLO" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Option proposed: the CLO has a task to act on it." })).toBeVisible();
  await expectAccessible();
});
