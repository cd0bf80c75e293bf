import { expect, type Page } from "../fixtures";

/** Steps shared by the specs that send a referral (referral.spec.ts, notifications.spec.ts). */

export const RAINBOW = "Rainbow Newcomer Network";
const CASE_PATH = /^\/cases\/([0-9a-f-]{36})$/;

/**
 * Case ids without depending on the case page (another feature): links to /cases/<id> on the caseload if it
 * has them, otherwise the "Back to case" links of the CLO's own referrals.
 */
export async function torontoCaseIds(page: Page, expectAccessible: () => Promise<void>): Promise<string[]> {
  await page.goto("/cases");
  await expectAccessible();
  const fromCaseload = (await page.locator("main a[href^='/cases/']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")))
    .map((href) => CASE_PATH.exec(href)?.[1])
    .filter((id): id is string => !!id);
  if (fromCaseload.length >= 2) return [...new Set(fromCaseload)];
  await page.goto("/referrals");
  await expectAccessible();
  const referralLinks = await page.locator("main table a[href^='/referrals/']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const ids: string[] = [];
  for (const href of referralLinks.slice(0, 4)) {
    await page.goto(href);
    await expectAccessible();
    const back = await page.getByRole("link", { name: /^Back to case/ }).getAttribute("href");
    const id = CASE_PATH.exec(back ?? "")?.[1];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export async function switchUser(page: Page, signIn: (email: string) => Promise<void>, email: string) {
  await page.context().clearCookies();
  await signIn(email);
}

/** Records a consent for Rainbow on the case, then composes and sends a default packet; returns the referral's path. */
export async function consentAndSend(page: Page, expectAccessible: () => Promise<void>, caseId: string): Promise<string> {
  await page.goto(`/cases/${caseId}/consent`);
  await expectAccessible();
  await page.getByLabel("Organization that may receive the information").selectOption({ label: RAINBOW });
  // A purpose of its own, to tell this consent from any the demo data already holds for Rainbow.
  const purpose = `Peer support and housing on release ${Date.now()}`;
  await page.getByLabel("Purpose").fill(purpose);
  for (const field of [/^Identity/, /^Contact and language/, /^Needs/, /^CLO's risk opinion/]) {
    await page.getByRole("checkbox", { name: field }).check();
  }
  await page.getByRole("radio", { name: "Verbally, through an interpreter" }).check();
  await page.getByLabel("Interpreter's language").fill("Spanish");
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("The consent was recorded.")).toBeVisible();
  await expectAccessible();

  await page.goto(`/cases/${caseId}/referrals/new`);
  await expectAccessible();
  await page.getByLabel("Provider", { exact: true }).selectOption({ label: RAINBOW });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/provider=/);
  await expectAccessible();
  const consents = page.getByLabel("Consent", { exact: true });
  if (await consents.count()) {
    // Several consents for Rainbow (the demo data has some): choose the one just recorded, which covers the risk opinion.
    const value = await consents.locator("option", { hasText: purpose }).getAttribute("value");
    await consents.selectOption(value!);
    await page.getByRole("button", { name: "Update preview" }).click();
    await page.waitForURL(/consent=/);
    await expectAccessible();
  }
  // The risk opinion is covered by the consent but left out until the CLO ticks it; the page says so.
  await expect(page.getByRole("checkbox", { name: /^CLO's risk opinion/ })).not.toBeChecked();
  await expect(page.getByText(/your risk opinion is not included unless you tick it/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Identity/ })).toBeChecked();
  const preview = page.getByRole("region", { name: `Preview: what ${RAINBOW} will see` });
  await expect(preview.getByRole("heading", { name: "Identity" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Needs" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "CLO's risk opinion" })).toHaveCount(0);
  await expect(preview.getByRole("heading", { name: "Detention facts" })).toHaveCount(0);

  await page.getByLabel("Message to the provider (optional)").fill("The person prefers a call in Spanish.");
  await page.getByRole("button", { name: `Send referral to ${RAINBOW}` }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`to ${RAINBOW}$`) })).toBeVisible();
  await expect(page.getByText("Sent", { exact: true })).toBeVisible();
  return new URL(page.url()).pathname;
}
