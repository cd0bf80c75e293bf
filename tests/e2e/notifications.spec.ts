import { expect, test, type Page } from "./fixtures";
import { consentAndSend, switchUser, torontoCaseIds } from "./support/referrals";

/** The bell's unread count, from the words a screen reader hears ("3 unread"; none when nothing is unread). */
async function unreadCount(page: Page): Promise<number> {
  const bell = page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  const spoken = bell.getByText(/^\d+ unread$/);
  if ((await spoken.count()) === 0) return 0;
  return Number(/^(\d+)/.exec((await spoken.textContent()) ?? "")![1]);
}

test.describe("notifications", () => {
  // Two people take turns in one browser, with an accessibility check on every page.
  test.setTimeout(180_000);

  test("a referral sent tells the provider's caseworker, who follows it to the referral; the answer tells the CLO", async ({ page, signIn, expectAccessible }) => {
    await signIn("caseworker.rainbow@liaison.example");
    await expectAccessible();
    const caseworkerBefore = await unreadCount(page);

    await switchUser(page, signIn, "clo.toronto@liaison.example");
    await expectAccessible();
    const cloBefore = await unreadCount(page);
    const caseIds = await torontoCaseIds(page, expectAccessible);
    const referralPath = await consentAndSend(page, expectAccessible, caseIds[0]!);

    await switchUser(page, signIn, "caseworker.rainbow@liaison.example");
    await expectAccessible();
    await expect.poll(() => unreadCount(page)).toBe(caseworkerBefore + 1);
    await page.getByRole("banner").getByRole("link", { name: /^Notifications/ }).click();
    await page.waitForURL(/\/notifications$/);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const newest = page.getByRole("list", { name: "Your notifications, newest first" }).getByRole("listitem").first();
    await expect(newest.getByText("Unread")).toBeVisible();
    // A provider is never given the case reference: the sentence says what happened, the link leads to the referral.
    await expect(newest).not.toContainText(/TOR-\d/);
    await newest.getByRole("link", { name: "A new referral was sent to your organisation." }).click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await expectAccessible();
    // Following it read it: the bell counts one fewer, without a reload.
    await expect.poll(() => unreadCount(page)).toBe(caseworkerBefore);

    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByText("Under review", { exact: true })).toBeVisible();
    await page.getByRole("radio", { name: "Accepted" }).check();
    // With a message: the CLO is told of the answer and of the message.
    await page.getByLabel("Message to the community liaison officer (optional)").fill("Intake call on Thursday.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByText("Your answer was recorded.")).toBeVisible();

    await switchUser(page, signIn, "clo.toronto@liaison.example");
    await expectAccessible();
    // At least those two: a deadline reminder may also have arrived meanwhile.
    await expect.poll(() => unreadCount(page)).toBeGreaterThanOrEqual(cloBefore + 2);
    await page.goto("/notifications");
    await expectAccessible();
    const told = page.getByRole("link", { name: /: the provider answered a referral \(Accepted\)\.$/ }).first();
    await expect(told).toContainText(/^TOR-\d{2}-\d{4}/);
    await told.click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await expectAccessible();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();

    // The message's notification is still unread; mark all as read empties the count.
    await page.goto("/notifications");
    await expectAccessible();
    await expect(page.getByRole("link", { name: /^New message on a referral for TOR-\d{2}-\d{4}\.$/ }).first()).toBeVisible();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByText("All notifications marked as read.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
    await page.goto("/cases");
    await expectAccessible();
    await expect.poll(() => unreadCount(page)).toBe(0);
  });
});
