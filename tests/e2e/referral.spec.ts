import { expect, test } from "./fixtures";

import { consentAndSend, RAINBOW, switchUser, torontoCaseIds } from "./support/referrals";

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
    // The next answers are offered with none chosen, and the message just sent is gone: one more click records nothing.
    await expect(page.getByRole("radio", { name: "Intake complete" })).not.toBeChecked();
    await expect(page.getByLabel("Message to the community liaison officer (optional)")).toHaveValue("");
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
    const question = page.getByRole("dialog", { name: `Withdraw the consent to share with ${RAINBOW}?` });
    // The question says what will happen, and cancelling it changes nothing.
    const inForce = await withdraw.count();
    await withdraw.first().click();
    await expect(question).toBeVisible();
    await expect(question).toContainText("loses at once the referral packet");
    await expectAccessible();
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(question).toBeHidden();
    await expect(withdraw.first()).toBeFocused();
    await page.reload();
    await expect(withdraw).toHaveCount(inForce);
    await expectAccessible();
    // Withdraw every Rainbow consent in force on this person, the one just recorded included.
    const withdrawn = page.getByRole("status").filter({ hasText: "The consent was withdrawn." });
    while ((await withdraw.count()) > 0) {
      const before = await withdraw.count();
      await withdraw.first().click();
      await question.getByRole("button", { name: "Withdraw the consent" }).click();
      await expect(withdraw).toHaveCount(before - 1);
      // The withdrawn consent's row, and the button with it, are gone: the confirmation stays, announced, and has focus.
      await expect(withdrawn).toBeVisible();
      await expect(withdrawn).toBeFocused();
    }
    await expectAccessible();
    // The confirmation lasts until the next page.
    await page.getByRole("link", { name: /Back to case/ }).first().click();
    await expect(withdrawn).toHaveCount(0);

    await switchUser(page, signIn, "caseworker.rainbow@liaison.example");
    await expectAccessible();
    await expect(page.locator(`a[href='${referralPath}']`)).toHaveCount(0);
    await page.goto(referralPath);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible();
  });

  test("a result message lasts until the next action: the consent recorded gives way to the consent withdrawn", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    const [caseId] = await torontoCaseIds(page, expectAccessible);
    await page.goto(`/cases/${caseId}/consent`);
    await expectAccessible();
    await page.getByLabel("Organization that may receive the information").selectOption({ label: RAINBOW });
    const purpose = `Housing search ${Date.now()}`;
    await page.getByLabel("Purpose").fill(purpose);
    await page.getByRole("checkbox", { name: /^Identity/ }).check();
    await page.getByRole("radio", { name: "Verbally, through an interpreter" }).check();
    await page.getByLabel("Interpreter's language").fill("Spanish");
    await page.getByRole("button", { name: "Record consent" }).click();
    const recorded = page.getByRole("status").filter({ hasText: "The consent was recorded." });
    await expect(recorded).toBeVisible();

    const row = page.getByRole("row").filter({ hasText: purpose });
    await row.getByRole("button", { name: `Withdraw consent for ${RAINBOW}` }).click();
    await page.getByRole("dialog", { name: `Withdraw the consent to share with ${RAINBOW}?` }).getByRole("button", { name: "Withdraw the consent" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The consent was withdrawn." })).toBeVisible();
    await expect(recorded).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Withdraw consent for ${RAINBOW}` })).toHaveCount(0);
    await expectAccessible();
  });
});
