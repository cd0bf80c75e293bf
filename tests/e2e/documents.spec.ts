import pg from "pg";
import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";

/** A detained Toronto client of counsel.clinic whose plan has a bondsperson (demo data, seeded fresh for the worker). */
async function counselClientWithBondsperson(databaseUrl: string): Promise<{ id: string; bondsperson: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; bondsperson: string }>(
      `SELECT d.id, b.name AS bondsperson FROM "Detention" d
         JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "User" u ON u.id = p."counselId"
         JOIN "ReleasePlan" rp ON rp."detentionId" = d.id JOIN "Bondsperson" b ON b."planId" = rp.id
        WHERE u.email = 'counsel.clinic@liaison.example' AND d.status = 'DETAINED' AND d.reference LIKE 'TOR-%'
        ORDER BY d.reference, b."createdAt" LIMIT 1`,
    );
    if (!rows[0]) throw new Error("The demo data has no client of counsel.clinic with a bondsperson");
    return rows[0];
  } finally {
    await client.end();
  }
}

test("counsel shares a bondsperson's proof of status with the case team; the CLO downloads it; a provider never sees it", async ({ page, app, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const target = await counselClientWithBondsperson(app.databaseUrl);
  const fileName = `Proof of status ${Date.now().toString(36)}.pdf`;
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

  // Counsel of record adds the proof, about the bondsperson, shared with the case team.
  await signIn("counsel.clinic@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Documents");
  const documents = page.getByRole("region", { name: "Documents" });
  await documents.getByText("Add a document").click();
  await expectAccessible();
  await documents.getByLabel("File").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
  await documents.getByLabel("The case team (the CBSA office and counsel of record)").check();
  await documents.getByLabel("About").selectOption({ label: `Bondsperson: ${target.bondsperson}` });
  await documents.getByRole("button", { name: "Add the document" }).click();
  await expect(documents.getByRole("status")).toContainText("The document was added.");
  const row = documents.getByRole("row", { name: new RegExp(fileName) });
  await expect(row).toContainText(`Bondsperson: ${target.bondsperson}`);
  await expect(row).toContainText("The case team");
  await expectAccessible();

  // Through the upload route itself (the proxy's 1 MB action limit does not apply here, its own 20 MB does): a file over
  // 20 MB and a program renamed .pdf are refused, and nothing is written.
  const before = await documentCount(app.databaseUrl);
  const upload = (name: string, buffer: Buffer) =>
    page.request.post("/api/document-uploads", { multipart: { detentionId: target.id, sharing: "CASE_TEAM", planItem: "", file: { name, mimeType: "application/pdf", buffer } } });
  expect((await upload("large scan.pdf", Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]))).status()).toBe(413);
  expect((await upload("letter.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512)]))).status()).toBe(415);
  expect((await upload("letter.pdf", Buffer.from("<!DOCTYPE html><script>alert(1)</script>"))).status()).toBe(415);
  expect(await documentCount(app.databaseUrl)).toBe(before);

  // The CLO of the office sees it and downloads it, as an attachment with its name.
  await page.context().clearCookies();
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Documents");
  const cloRow = page.getByRole("region", { name: "Documents" }).getByRole("row", { name: new RegExp(fileName) });
  await expect(cloRow).toContainText("Nadia Haddad");
  const [download] = await Promise.all([page.waitForEvent("download"), cloRow.getByRole("link", { name: `Download ${fileName}` }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);

  // A provider's caseworker cannot open the case, and finds the document on none of their referrals.
  await page.context().clearCookies();
  await signIn("caseworker.harbour@liaison.example");
  await expectAccessible();
  const refused = await page.goto(`/cases/${target.id}`);
  expect(refused?.status()).toBe(404);
  await expectAccessible();
  await page.goto("/referrals");
  await expectAccessible();
  const referral = page.getByRole("table").first().getByRole("link").first();
  await referral.click();
  await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  await expectAccessible();
  const shared = page.getByRole("region", { name: "Documents" });
  await expect(shared).toBeVisible();
  await expect(shared).not.toContainText(fileName);
  const response = await page.request.get(`/api/documents/${await documentId(app.databaseUrl, fileName)}`);
  expect(response.status()).toBe(404);
});

async function documentId(databaseUrl: string, fileName: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Document" WHERE "fileName" = $1`, [fileName]);
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function documentCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Document"`);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}
