import { readFileSync } from "node:fs";
import pg from "pg";
import ICAL from "ical.js";
import { expect, test, type Page } from "./fixtures";
import { openSection } from "./support/case-page";
import { DATABASE_URL_FILE } from "./server-log";

/**
 * Counsel of record, both ways, in a real browser: a CLO records a lawyer from the case page; a lawyer asks from their
 * clients page by reference and family name and the CLO confirms. Each time the case appears in the lawyer's clients
 * and in their calendar feed; ending it (the office, or counsel withdrawing) takes both away at once.
 */

type Target = { id: string; reference: string; familyName: string };

/** Toronto detentions with no counsel of record, no request and a review deadline (so the feed has an event). Read only. */
async function targets(): Promise<[Target, Target]> {
  const client = new pg.Client({ connectionString: readFileSync(DATABASE_URL_FILE, "utf8").trim() });
  await client.connect();
  try {
    const { rows } = await client.query<Target>(
      `SELECT d.id, d.reference, p."familyName" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "Organization" o ON o.id = d."officeId"
       WHERE o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' AND d."nextReviewDueBy" IS NOT NULL AND p."counselId" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "CounselOfRecord" c WHERE c."detaineeId" = p.id AND c.status IN ('ACTIVE', 'REQUESTED'))
       ORDER BY d.reference LIMIT 2`,
    );
    if (rows.length < 2) throw new Error("The demo data has no Toronto detention without counsel");
    return [rows[0]!, rows[1]!];
  } finally {
    await client.end();
  }
}

/** The signed-in user's calendar feed, as a calendar application fetches it: the UIDs of its events. */
async function feedUids(page: Page, expectAccessible: () => Promise<void>, labels: { create: RegExp; address: string }): Promise<string[]> {
  await page.goto("/calendar");
  await expectAccessible();
  await page.getByRole("button", { name: labels.create }).click();
  const address = page.getByLabel(labels.address);
  await expect(address).toBeVisible();
  const response = await page.request.get(await address.inputValue());
  expect(response.status()).toBe(200);
  return new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component).uid);
}

const ENGLISH_FEED = { create: /Create my calendar address|Create a new address/, address: "Your calendar address" };
const FRENCH_FEED = { create: /Créer mon adresse de calendrier|Créer une nouvelle adresse/, address: "Votre adresse de calendrier" };

test("a CLO records counsel of record; counsel sees the client and its reviews in their feed; ending it takes them away", async ({ page, signIn, expectAccessible }) => {
  // Four sign-ins, two calendar feeds and axe on every page: more than the default minute on a busy machine.
  test.setTimeout(420_000);
  const [target] = await targets();
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Counsel of record");
  const section = page.getByRole("region", { name: "Counsel of record" });
  await expect(section).toContainText("Counsel of record: none recorded");
  await section.getByText("Counsel of record: history and changes").click();
  await expectAccessible();
  await section.getByLabel("Lawyer on Liaison").selectOption({ label: "Julien Marchand" });
  await section.getByRole("button", { name: "Record this lawyer" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Counsel of record recorded." })).toBeVisible();
  await expect(section).toContainText("Counsel of record: Julien Marchand, Marchand Immigration Law (on Liaison)");
  await expectAccessible();

  // Counsel (who reads Liaison in French) has the client at once, and its review deadline in their feed.
  await page.context().clearCookies();
  await signIn("counsel.marchand@liaison.example");
  await expectAccessible();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole("link", { name: `Ouvrir le dossier ${target.reference}` })).toBeVisible();
  expect((await feedUids(page, expectAccessible, FRENCH_FEED)).some((uid) => uid.startsWith(`review-${target.id}-`))).toBe(true);
  await expectAccessible();

  // The office ends it, with a reason: the client leaves counsel's list and feed at once; the history keeps it.
  await page.context().clearCookies();
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Counsel of record");
  await section.getByText("Counsel of record: history and changes").click();
  await section.getByLabel("Reason", { exact: true }).fill("The person told us Maître Marchand no longer acts for them.");
  await section.getByRole("button", { name: "End counsel of record" }).click();
  // The form goes with the counsel it ended: the section now says none is recorded.
  await expect(section).toContainText("Counsel of record: none recorded");
  await expect(section.getByRole("table", { name: "Earlier counsel of record and requests" })).toContainText("Julien Marchand");
  await expectAccessible();

  await page.context().clearCookies();
  await signIn("counsel.marchand@liaison.example");
  await expectAccessible();
  await expect(page.getByRole("link", { name: `Ouvrir le dossier ${target.reference}` })).toHaveCount(0);
  expect((await feedUids(page, expectAccessible, FRENCH_FEED)).some((uid) => uid.startsWith(`review-${target.id}-`))).toBe(false);
  const refused = await page.goto(`/cases/${target.id}`);
  expect(refused?.status()).toBe(404);
  await expectAccessible();
});

test("counsel asks to be recorded; the answer is the same for a wrong name; the CLO confirms; counsel withdraws", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(420_000);
  const [, target] = await targets();
  await signIn("counsel.clinic@liaison.example");
  await expectAccessible();
  await expect(page).toHaveURL(/\/clients$/);
  const ask = page.getByRole("region", { name: "Ask to be recorded as counsel" });
  const sent = "Request sent to the office.";

  // A name that does not match gets the same answer as one that does.
  await ask.getByLabel("Case reference").fill(target.reference);
  await ask.getByLabel("Person's family name").fill(`${target.familyName}x`);
  await ask.getByRole("button", { name: "Send the request" }).click();
  await expect(ask.getByRole("status")).toContainText(sent);
  await expectAccessible();
  await ask.getByLabel("Case reference").fill(target.reference.toLowerCase());
  await ask.getByLabel("Person's family name").fill(target.familyName.toUpperCase());
  await ask.getByRole("button", { name: "Send the request" }).click();
  await expect(ask.getByRole("status")).toContainText(sent);
  await expect(page.getByRole("link", { name: `Open case ${target.reference}` })).toHaveCount(0);

  // The office sees the one request (the non-matching one wrote nothing) and confirms it.
  await page.context().clearCookies();
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Counsel of record");
  const section = page.getByRole("region", { name: "Counsel of record" });
  await expect(section).toContainText("1 request waiting");
  await section.getByText("Counsel of record: history and changes").click();
  const request = section.getByRole("listitem", { name: "Request from Nadia Haddad" });
  await expect(request).toHaveCount(1);
  await expectAccessible();
  await request.getByRole("button", { name: "Confirm Nadia Haddad as counsel of record" }).click();
  // The request leaves the list (with its form) and counsel is in force.
  await expect(section).toContainText("Counsel of record: Nadia Haddad, Downtown Refugee Law Clinic (on Liaison)");
  await expect(section.getByRole("listitem", { name: "Request from Nadia Haddad" })).toHaveCount(0);

  // Counsel has the client and its review in their feed.
  await page.context().clearCookies();
  await signIn("counsel.clinic@liaison.example");
  await expectAccessible();
  const link = page.getByRole("link", { name: `Open case ${target.reference}` });
  await expect(link).toBeVisible();
  expect((await feedUids(page, expectAccessible, ENGLISH_FEED)).some((uid) => uid.startsWith(`review-${target.id}-`))).toBe(true);

  // Counsel withdraws from the case page: back to their clients, without this one.
  await page.goto(`/cases/${target.id}`);
  await expectAccessible();
  await openSection(page, "Counsel of record");
  const own = page.getByRole("region", { name: "Counsel of record" });
  await own.getByText("Withdraw from this case").click();
  await own.getByLabel("Reason", { exact: true }).fill("The client instructed another lawyer.");
  await expectAccessible();
  await own.getByRole("button", { name: "Withdraw as counsel of record" }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expectAccessible();
  await expect(page.getByRole("link", { name: `Open case ${target.reference}` })).toHaveCount(0);
  expect((await feedUids(page, expectAccessible, ENGLISH_FEED)).some((uid) => uid.startsWith(`review-${target.id}-`))).toBe(false);
});
