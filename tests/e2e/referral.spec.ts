import { expect, test, type Page } from "./fixtures";

const RAINBOW = "Rainbow Newcomer Network";
const CASE_PATH = /^\/cases\/([0-9a-f-]{36})$/;

/**
 * Case ids without depending on the case page (another feature): links to /cases/<id> on the caseload if it
 * has them, otherwise the "Back to case" links of the CLO's own referrals.
 */
async function torontoCaseIds(page: Page, expectAccessible: () => Promise<void>): Promise<string[]> {
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

async function switchUser(page: Page, signIn: (email: string) => Promise<void>, email: string) {
  await page.context().clearCookies();
  await signIn(email);
}

/** Records a consent for Rainbow on the case, then composes and sends a default packet; returns the referral's path. */
async function consentAndSend(page: Page, expectAccessible: () => Promise<void>, caseId: string): Promise<string> {
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

test.describe("referring a person to a community provider with consent", () => {
  // Three people take turns in one browser, with an accessibility check on every page: longer than the default.
  test.setTimeout(180_000);

  test("a CLO records consent and sends a packet without the risk opinion; the caseworker sees only the packet and accepts; the CLO sees the acceptance", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    const caseIds = await torontoCaseIds(page, expectAccessible);
    expect(caseIds.length).toBeGreaterThan(0);
    const referralPath = await consentAndSend(page, expectAccessible, caseIds[0]!);

    await switchUser(page, signIn, "caseworker.rainbow@liaison.example");
    await expect(page).toHaveURL(/\/referrals$/);
    await expectAccessible();
    await expect(page.getByText(`Referrals sent to ${RAINBOW}`)).toBeVisible();
    await page.locator(`a[href='${referralPath}']`).click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await expectAccessible();
    const packet = page.getByRole("region", { name: "Referral packet" });
    await expect(packet.getByRole("heading", { name: "Identity" })).toBeVisible();
    await expect(packet.getByRole("heading", { name: "Contact and language" })).toBeVisible();
    await expect(packet.getByRole("heading", { name: "Needs" })).toBeVisible();
    for (const hidden of ["CLO's risk opinion", "Detention facts", "Detention review dates", "Vulnerabilities", "Release plan", "Health details"]) {
      await expect(packet.getByRole("heading", { name: hidden })).toHaveCount(0);
    }
    // Nothing of the case file: no case reference, no link to the case.
    await expect(page.getByRole("link", { name: /Back to case/ })).toHaveCount(0);
    await expect(page.getByText(/TOR-\d/)).toHaveCount(0);
    // Opening the packet changes nothing (a read never writes): the referral stays Sent until the caseworker starts the review.
    await expect(page.getByText("Sent", { exact: true })).toBeVisible();
    await expect(page.getByText("The person prefers a call in Spanish.")).toBeVisible();
    await page.reload();
    await expectAccessible();
    await expect(page.getByText("Sent", { exact: true })).toBeVisible();
    // Starting the review is the caseworker's explicit step; the button goes once the referral is under review.
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByText("Under review", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Start review" })).toHaveCount(0);
    await expectAccessible();

    await page.getByRole("radio", { name: "Accepted" }).check();
    await page.getByLabel("Message to the community liaison officer (optional)").fill("We can take this person; intake call on Thursday.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByText("Your answer was recorded.")).toBeVisible();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
    await expectAccessible();

    await switchUser(page, signIn, "clo.toronto@liaison.example");
    await expectAccessible();
    await page.goto("/referrals");
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "My referrals" })).toBeVisible();
    const row = page.getByRole("row").filter({ has: page.locator(`a[href='${referralPath}']`) });
    await expect(row.getByRole("cell", { name: "Accepted" })).toBeVisible();
    await expect(row.getByText("1 unread message")).toBeVisible();
    await row.locator(`a[href='${referralPath}']`).click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await expectAccessible();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
    await expect(page.getByText("We can take this person; intake call on Thursday.")).toBeVisible();
  });

  test("once the person withdraws consent, the caseworker's next request for the packet is refused as not found", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    const caseIds = await torontoCaseIds(page, expectAccessible);
    const caseId = caseIds[1] ?? caseIds[0]!;
    const referralPath = await consentAndSend(page, expectAccessible, caseId);

    await switchUser(page, signIn, "caseworker.rainbow@liaison.example");
    await expectAccessible();
    await page.goto(referralPath);
    await expectAccessible();
    await expect(page.getByRole("region", { name: "Referral packet" })).toBeVisible();

    await switchUser(page, signIn, "clo.toronto@liaison.example");
    await expectAccessible();
    await page.goto(`/cases/${caseId}/consent`);
    await expectAccessible();
    const withdraw = page.getByRole("button", { name: `Withdraw consent for ${RAINBOW}` });
    // Withdraw every Rainbow consent in force on this person, the one just recorded included.
    while ((await withdraw.count()) > 0) {
      const before = await withdraw.count();
      await withdraw.first().click();
      await expect(withdraw).toHaveCount(before - 1);
    }
    await expectAccessible();

    await switchUser(page, signIn, "caseworker.rainbow@liaison.example");
    await expectAccessible();
    await expect(page.locator(`a[href='${referralPath}']`)).toHaveCount(0);
    await page.goto(referralPath);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible();
  });
});
