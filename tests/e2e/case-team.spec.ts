import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD, expect, test, type Page } from "./fixtures";
import { openSection } from "./support/case-page";

/**
 * The case team's thread across three organisations: a CLO writes to counsel of record and one provider; counsel
 * reads it on the case, that provider on its referral, and another provider with a referral on the same case does
 * not. The case is a fresh copy (a new fictional person) with referrals of its own, so no other spec's changes matter.
 */

const HARBOUR = "Harbour House Women's Shelter";
const RAINBOW = "Rainbow Newcomer Network";
const OFFICE = "CBSA Greater Toronto Area Region";

type TeamCase = { detentionId: string; counselOrganization: string; referrals: Record<string, string> };

async function freshTeamCase(databaseUrl: string): Promise<TeamCase> {
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
    // A Toronto case of counsel.clinic, and a referral sent to Harbour with consent (the demo's), as templates.
    const template = (
      await client.query(`SELECT d.id, d."detaineeId", o.name AS "counselOrganization" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "User" c ON c.id = p."counselId"
                          JOIN "Organization" o ON o.id = c."organizationId" JOIN "Organization" office ON office.id = d."officeId"
                          WHERE c.email = 'counsel.clinic@liaison.example' AND office.name = $1 ORDER BY d.reference LIMIT 1`, [OFFICE])
    ).rows[0];
    const referral = (
      await client.query(`SELECT r.id, r."consentId" FROM "Referral" r JOIN "ServiceProvider" sp ON sp.id = r."providerId" JOIN "Organization" po ON po.id = sp."organizationId"
                          WHERE po.name = $1 AND r."consentId" IS NOT NULL AND r.status <> 'DRAFT' ORDER BY r."sentAt" LIMIT 1`, [HARBOUR])
    ).rows[0];
    const providers = (await client.query(`SELECT sp.id, sp."organizationId", o.name FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId" WHERE o.name = ANY($1)`, [[HARBOUR, RAINBOW]])).rows;
    if (!template || !referral || providers.length !== 2) throw new Error("The demo data has no template for the case team's case.");
    const suffix = randomUUID().slice(0, 6);
    const detaineeId = await copy("Detainee", template.detaineeId, { givenName: "Ana", familyName: `Team ${suffix}`, clientId: null, version: 1 });
    const detentionId = await copy("Detention", template.id, { detaineeId, reference: `TOR-TEAM-${suffix}`, status: "DETAINED", releasedAt: null, releaseType: null, version: 1 });
    const referrals: Record<string, string> = {};
    for (const provider of providers) {
      const consentId = await copy("Consent", referral.consentId, { detaineeId, recipientOrgId: provider.organizationId, withdrawnAt: null, withdrawnById: null });
      referrals[provider.name] = await copy("Referral", referral.id, { detentionId, providerId: provider.id, consentId, status: "SENT", respondedAt: null, declineReason: null, declineDetails: null, version: 1 });
    }
    return { detentionId, counselOrganization: template.counselOrganization, referrals };
  } finally {
    await client.end();
  }
}

/** Signs in straight to `path` (the sign-in page's return address), so no home page loads that this spec does not check. */
async function signInTo(page: Page, expectAccessible: () => Promise<void>, email: string, path: string) {
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await expectAccessible();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

test.describe("the case team's thread", () => {
  // Four people take turns in one browser, with axe on the case page (long) and the referral page.
  test.setTimeout(300_000);

  test("a CLO writes to counsel and one provider; counsel and that provider read it, another provider on the case does not", async ({ page, expectAccessible, app }) => {
    const team = await freshTeamCase(app.databaseUrl);
    const body = `Hearing moved to Friday; please bring the shelter's letter. ${randomUUID().slice(0, 4)}`;

    await signInTo(page, expectAccessible, "clo.toronto@liaison.example", `/cases/${team.detentionId}`);
    await openSection(page, "Case team");
    const section = page.getByRole("region", { name: "Case team" });
    await expect(section.getByText("No messages yet.")).toBeVisible();
    await section.getByText("Write to the case team").click();
    await section.getByLabel("Message").fill(body);
    const audience = section.getByRole("group", { name: "Who can read it" });
    await audience.getByRole("checkbox", { name: `Counsel of record (${team.counselOrganization})` }).check();
    await audience.getByRole("checkbox", { name: `${HARBOUR} (provider, consent in force)` }).check();
    await expect(audience.getByRole("checkbox", { name: `${RAINBOW} (provider, consent in force)` })).not.toBeChecked();
    await section.getByRole("button", { name: "Send message" }).click();
    await expect(section.getByRole("status")).toHaveText("Your message was sent to the case team.");
    const thread = section.getByRole("list", { name: "Case team messages, oldest first" });
    await expect(thread.getByText(body)).toBeVisible();
    await expect(thread.getByText(`Visible to: ${OFFICE}, ${team.counselOrganization}, and ${HARBOUR}.`)).toBeVisible();
    // The confirmation survives the thread re-rendering with the new message.
    await expect(section.getByRole("status")).toHaveText("Your message was sent to the case team.");
    await expectAccessible();

    await signInTo(page, expectAccessible, "counsel.clinic@liaison.example", `/cases/${team.detentionId}`);
    await openSection(page, "Case team");
    await expect(page.getByRole("region", { name: "Case team" }).getByText(body)).toBeVisible();
    await expectAccessible();

    await signInTo(page, expectAccessible, "caseworker.harbour@liaison.example", `/referrals/${team.referrals[HARBOUR]}`);
    const harbourThread = page.getByRole("region", { name: "Case team" });
    await expect(harbourThread.getByText(body)).toBeVisible();
    // A provider is told the office, counsel (as a role) and itself: never another provider.
    await expect(harbourThread.getByText(`Visible to: ${OFFICE}, counsel of record, and ${HARBOUR}.`)).toBeVisible();
    await expectAccessible();

    await signInTo(page, expectAccessible, "caseworker.rainbow@liaison.example", `/referrals/${team.referrals[RAINBOW]}`);
    const rainbowThread = page.getByRole("region", { name: "Case team" });
    await expect(rainbowThread.getByText("No messages yet.")).toBeVisible();
    await expect(page.getByText(body)).toHaveCount(0);
    await expectAccessible();
  });
});
