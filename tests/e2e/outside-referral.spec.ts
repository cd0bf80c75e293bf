import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD, expect, test, type Page } from "./fixtures";
import { openSection } from "./support/case-page";

/**
 * A referral to a program outside Liaison: the CLO records it (program, contact, sections sent, consent), adds the
 * program's acceptance letter about it, records the acceptance with its date and letter, and the plan's readiness
 * checklist turns complete. The case is a fresh copy (a new fictional person) whose plan relies on CCMS and lacks
 * only an accepted referral, so no other spec's changes matter.
 */

const OFFICE = "CBSA Greater Toronto Area Region";

async function freshCaseRelyingOnAProgram(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const copy = async (table: string, templateId: string, overrides: Record<string, unknown>) => {
    const id = randomUUID();
    const inserted = await client.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", (SELECT to_jsonb(t) || $2::jsonb FROM "${table}" t WHERE id = $1))`, [
      templateId,
      JSON.stringify({ ...overrides, id }),
    ]);
    if (inserted.rowCount !== 1) throw new Error(`Could not copy ${table}`);
    return id;
  };
  try {
    const template = (
      await client.query(`SELECT d.id, d."detaineeId" FROM "Detention" d JOIN "Organization" office ON office.id = d."officeId" WHERE office.name = $1 AND d.status = 'DETAINED' ORDER BY d.reference LIMIT 1`, [OFFICE])
    ).rows[0];
    const clo = (await client.query(`SELECT id FROM "User" WHERE email = 'clo.toronto@liaison.example'`)).rows[0];
    if (!template || !clo) throw new Error("The demo data has no Toronto case to copy.");
    const suffix = randomUUID().slice(0, 6);
    const detaineeId = await copy("Detainee", template.detaineeId, { givenName: "Ana", familyName: `Outside ${suffix}`, clientId: null, version: 1 });
    const detentionId = await copy("Detention", template.id, { detaineeId, reference: `TOR-OUT-${suffix}`, status: "DETAINED", releasedAt: null, releaseType: null, grounds: ["UNLIKELY_TO_APPEAR"], version: 1 });
    await client.query(`INSERT INTO "Assessment" (id, "detentionId", "authorId", "interviewAt", "interviewMode", "updatedAt") VALUES ($1, $2, $3, now() - interval '1 day', 'IN_PERSON', now())`, [randomUUID(), detentionId, clo.id]);
    const planId = randomUUID();
    await client.query(`INSERT INTO "ReleasePlan" (id, "detentionId", measures, "updatedAt") VALUES ($1, $2, ARRAY['CCMS']::"AtdMeasure"[], now())`, [planId, detentionId]);
    await client.query(`INSERT INTO "PlanMitigation" (id, "planId", ground, mitigation) VALUES ($1, $2, 'UNLIKELY_TO_APPEAR', 'Case management and weekly reporting')`, [randomUUID(), planId]);
    return detentionId;
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
}

const facilityToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test("the CLO records an outside program's acceptance with its letter, and the readiness checklist turns complete", async ({ page, app, expectAccessible }) => {
  test.setTimeout(180_000);
  const detentionId = await freshCaseRelyingOnAProgram(app.databaseUrl);
  const program = `Maple Street Recovery House ${randomUUID().slice(0, 6)}`;
  const letter = `Acceptance letter ${randomUUID().slice(0, 6)}.pdf`;

  await signInTo(page, expectAccessible, "clo.toronto@liaison.example", `/cases/${detentionId}/referrals/outside`);
  await expectAccessible();
  await page.getByLabel("Or the program's name").fill(program);
  await page.getByLabel("Contact's name").fill("Jordan Tremblay");
  await page.getByLabel("Contact's e-mail address").fill("intake@maple-street.example");
  const sent = page.getByRole("group", { name: "What you sent" });
  await sent.getByLabel("Identity").check();
  await sent.getByLabel("Needs").check();
  await sent.getByLabel("Release plan").check();
  // Without the person's consent nothing is recorded, and the message names the field.
  await page.getByRole("button", { name: "Record the referral" }).click();
  const consent = page.getByLabel("The person consented to these sections being sent to this program");
  await expect(consent).toHaveAccessibleDescription("Record the person's consent to send these sections to this program.");
  await consent.check();
  await page.getByRole("button", { name: "Record the referral" }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f-]+$/);
  await expect(page.getByRole("region", { name: /Outside program/ }).getByText("intake@maple-street.example")).toBeVisible();
  await expectAccessible();
  const referralUrl = new URL(page.url()).pathname;

  // The letter goes on the case, about the referral, through the ordinary upload.
  await page.goto(`/cases/${detentionId}`);
  await expectAccessible();
  await openSection(page, "Documents");
  const documents = page.getByRole("region", { name: "Documents" });
  await documents.getByText("Add a document").click();
  await documents.getByLabel("File").setInputFiles({ name: letter, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${letter}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1") });
  await documents.getByLabel("Only my organization").check();
  await documents.getByLabel("About").selectOption({ label: `Referral to ${program}` });
  await documents.getByRole("button", { name: "Add the document" }).click();
  await expect(documents.getByRole("status")).toContainText("The document was added.");
  await openSection(page, "Release plan");
  await expect(page.getByRole("group", { name: "Readiness checklist" }).first()).toContainText("Not complete yet.");

  await page.goto(referralUrl);
  await expectAccessible();
  const answer = page.getByRole("region", { name: /Outside program/ });
  await answer.getByLabel("Accepted").check();
  await answer.getByLabel("Date of the answer").fill(facilityToday());
  await answer.getByLabel("The program's letter").selectOption({ label: letter });
  await answer.getByRole("button", { name: "Record the answer" }).click();
  // Answered for good: the form gives way to the answer's date, and the status reads "Accepted".
  await expect(answer.getByText("Date of the answer")).toBeVisible();
  await expect(answer.getByRole("button", { name: "Record the answer" })).toHaveCount(0);
  await expect(page.getByRole("definition").filter({ hasText: /^Accepted$/ })).toBeVisible();
  await expectAccessible();

  await page.goto(`/cases/${detentionId}`);
  await expectAccessible();
  await openSection(page, "Release plan");
  await expect(page.getByRole("group", { name: "Readiness checklist" }).first()).toContainText("Complete: the plan can be marked ready.");
});
