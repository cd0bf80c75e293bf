import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, test, type Page } from "./fixtures";
import { postCredentials, signInOverHttp } from "@/tests/support/http-session";

/**
 * Accounts against the production build over real HTTP: sign-in throttling that a client cannot escape by writing
 * its own X-Forwarded-For; a user changing their own password; an access grant that needs a second administrator.
 */
test.describe.configure({ mode: "serial" });

async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new account like a demo caseworker's (same organisation, the demo password): this spec's changes touch no one else. */
async function freshAccount(databaseUrl: string, label: string, name = `Accounts Test ${randomBytes(2).toString("hex")}`): Promise<{ email: string; name: string }> {
  const email = `${label}.${randomBytes(4).toString("hex")}@liaison.example`;
  await withDatabase(databaseUrl, async (client) => {
    const inserted = await client.query(
      `INSERT INTO "User" SELECT * FROM jsonb_populate_record(NULL::"User", (SELECT to_jsonb(u) || $1::jsonb FROM "User" u WHERE email = 'caseworker.northgate@liaison.example'))`,
      [JSON.stringify({ id: randomUUID(), email, name, version: 1 })],
    );
    if (inserted.rowCount !== 1) throw new Error("Could not make the test account");
  });
  return { email, name };
}

/** Axe on a page of a browser context of the test's own (the fixture checks only the test's own page). */
async function expectNoSevereAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const severe = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.help}`), `axe on ${page.url()}`).toEqual([]);
}

/** The link shown once on the administrator's screen: its read-only field's value. */
async function shownLink(page: Page): Promise<string> {
  const field = page.getByLabel("Password link (shown only once)");
  await expect(field).toHaveValue(/\/set-password#[A-Za-z0-9_-]{43}$/);
  await expect(field).toHaveAttribute("readonly", "");
  return field.inputValue();
}

/** Opens a password link in a fresh browser (no session, as the person would) and sets the password: what the page answers. */
async function setPasswordThroughLink(browser: Browser, link: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "en-CA" });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  // The script took the token out of the address bar (and so out of history) as soon as it read it.
  await expect(page).toHaveURL(/\/set-password$/);
  await expectNoSevereAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Set my password" }).click();
  return { page, close: () => context.close() };
}

/** One sign-in attempt through next-auth's credentials endpoint, with extra headers; the error code it answers, or null. */
async function attemptSignIn(base: string, email: string, password: string, headers: Record<string, string>): Promise<string | null> {
  const response = await postCredentials(base, email, password, headers);
  const signedIn = response.headers.getSetCookie().some((cookie) => cookie.startsWith("liaison.session="));
  const url = response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return signedIn ? null : (new URL(url, base).searchParams.get("error") ?? "UNKNOWN");
}

test("a new X-Forwarded-For on every attempt does not escape the sign-in throttle", async ({ app }) => {
  const base = app.baseURL;
  const email = `throttle.probe.${randomBytes(4).toString("hex")}@liaison.example`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const forwarded = `203.0.113.${attempt + 1}, 198.51.100.${attempt + 1}`;
    expect(await attemptSignIn(base, email, "wrong-password-guess", { "X-Forwarded-For": forwarded, "X-Liaison-Client-Address": `192.0.2.${attempt + 1}` })).toBe("CredentialsSignin");
  }
  // The server counts the connection's address, which the client cannot change: the sixth attempt waits.
  expect(await attemptSignIn(base, email, "wrong-password-guess", { "X-Forwarded-For": "203.0.113.99", "X-Liaison-Client-Address": "192.0.2.99" })).toBe("THROTTLED");
  // Only that account from that address waits: everyone else at the same address signs in as usual.
  expect(await attemptSignIn(base, "clo2.toronto@liaison.example", DEMO_PASSWORD, {})).toBeNull();
});

test("a user changes their own password: the old one stops working, and their other sessions end", async ({ page, browser, signIn, expectAccessible, app }) => {
  // Two browsers, three submissions and an axe check of each page: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const account = await freshAccount(app.databaseUrl, "password.change");
  const newPassword = `Heron-Willow-${randomBytes(3).toString("hex")}-Ferry`;

  // The same person signed in on another device.
  const elsewhere = await browser.newContext({ locale: "en-CA" });
  const other = await elsewhere.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("E-mail address").fill(account.email);
  await other.getByLabel("Password").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await other.waitForURL(/\/referrals$/);

  await signIn(account.email);
  await expectAccessible();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await expectAccessible();

  // A weak new password is refused with a reason, and nothing changes.
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("aaaaaaaaaaaa");
  await page.getByLabel("New password again").fill("aaaaaaaaaaaa");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("This password repeats the same characters.");
  await expectAccessible();

  // The wrong current password is refused.
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("This is not your current password.");

  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();
  await expectAccessible();

  // This session goes on; the other device is signed out.
  await page.getByRole("link", { name: "Referrals" }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expectAccessible();
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  // The old password no longer opens the account; the new one does.
  const base = app.baseURL;
  expect(await attemptSignIn(base, account.email, DEMO_PASSWORD, {})).toBe("CredentialsSignin");
  expect(await signInOverHttp(base, account.email, newPassword)).toMatch(/^liaison\.session=/);
});

test("a CLO account made by one administrator opens only when a second one approves it", async ({ page, signIn, expectAccessible, app, browser }) => {
  test.setTimeout(120_000);
  const email = `new.officer.${randomBytes(4).toString("hex")}@liaison.example`;
  const name = `New Officer ${randomBytes(2).toString("hex")}`;
  const password = `Quay-Orchard-${randomBytes(3).toString("hex")}-Lantern`;

  await signIn("admin@liaison.example");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectAccessible();
  // Their own page offers no change of role, organisation or status.
  await page.getByLabel("Name or e-mail address").fill("admin@liaison");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: "Sam Ortiz" }).click();
  await expect(page.getByText("Your own account: another administrator changes it.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expectAccessible();
  await page.getByRole("link", { name: "All users" }).click();
  await page.getByRole("link", { name: "New user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  await expectAccessible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail address", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("CLO");
  await page.getByLabel("Organization", { exact: true }).selectOption({ label: "CBSA Greater Toronto Area Region" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "stays inactive until another administrator approves" })).toBeVisible();
  // The person chooses their own password with the link, before the approval; it opens nothing until then.
  const chosen = await setPasswordThroughLink(browser, await shownLink(page), password);
  await expect(chosen.page.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await chosen.close();
  await page.goto("/admin/users");
  const pending = page.getByRole("region", { name: "Access awaiting a second administrator" });
  const row = pending.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
  // The administrator who asked cannot approve it.
  await expect(row.getByText("Awaiting another administrator")).toBeVisible();
  await expect(row.getByRole("button", { name: `Approve ${name}` })).toHaveCount(0);
  await expectAccessible();
  const base = app.baseURL;
  expect(await attemptSignIn(base, email, password, {})).toBe("CredentialsSignin");

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expectAccessible();
  await signIn("admin2@liaison.example");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await pending.getByRole("button", { name: `Approve ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved: the access now applies." })).toBeVisible();
  await expectAccessible();
  expect(await signInOverHttp(base, email, password)).toMatch(/^liaison\.session=/);

  // Each step is in the audit log under its own action.
  await page.goto("/audit?action=user.grant");
  await expectAccessible();
  await expect(page.getByRole("cell", { name: "user.grant_requested" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "user.grant_approved" }).first()).toBeVisible();
});

test("an administrator finds a user by part of the name, edits them and issues a reset link; a new user sets their own password through a link that works once", async ({ page, signIn, expectAccessible, app, browser }) => {
  test.setTimeout(180_000);
  const base = app.baseURL;
  const hex = randomBytes(2).toString("hex");
  const account = await freshAccount(app.databaseUrl, "findable", `Zoé Lévesque-Aubé ${hex}`);

  await signIn("admin@liaison.example");
  await expect(page).toHaveURL(/\/admin\/users$/);
  // Part of the name, without its accents or capitals.
  await page.getByLabel("Name or e-mail address").fill(`zoe levesque-aube ${hex}`);
  await page.getByLabel("Status", { exact: true }).selectOption("active");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=zoe\+levesque-aube/);
  await expect(page.getByRole("rowheader")).toHaveCount(1);
  await expectAccessible();
  await page.getByRole("link", { name: account.name }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
  await expectAccessible();

  const renamed = `Zoé Lévesque ${hex}`;
  await page.getByLabel("Name", { exact: true }).fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The user's details were saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expectAccessible();

  await page.getByRole("button", { name: "Issue a password reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A password reset link was issued." })).toBeVisible();
  const reset = await shownLink(page);
  await expectAccessible();
  const resetPassword = `Heron-Willow-${randomBytes(3).toString("hex")}-Ferry`;
  const used = await setPasswordThroughLink(browser, reset, resetPassword);
  await expect(used.page.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await used.close();
  expect(await attemptSignIn(base, account.email, DEMO_PASSWORD, {})).toBe("CredentialsSignin");
  expect(await signInOverHttp(base, account.email, resetPassword)).toMatch(/^liaison\.session=/);

  // A new account: no password is asked of the administrator; the link is shown once.
  await page.getByRole("link", { name: "All users" }).click();
  await page.getByRole("link", { name: "New user" }).click();
  await expectAccessible();
  const email = `new.caseworker.${randomBytes(4).toString("hex")}@liaison.example`;
  await page.getByLabel("Name", { exact: true }).fill(`New Caseworker ${hex}`);
  await page.getByLabel("E-mail address", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("NGO_CASEWORKER");
  await page.getByLabel("Organization", { exact: true }).selectOption({ label: "Rainbow Newcomer Network" });
  await expect(page.getByLabel(/password/i)).toHaveCount(0);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The user was created." })).toBeVisible();
  const link = await shownLink(page);
  await expectAccessible();
  // Until the person sets a password the account cannot sign in, and sign-in says nothing more than for a wrong one.
  expect(await attemptSignIn(base, email, "Heron-Willow-Ferry-4417", {})).toBe("CredentialsSignin");

  const password = `Otter-Lantern-${randomBytes(3).toString("hex")}-Quay`;
  const chosen = await setPasswordThroughLink(browser, link, password);
  await expect(chosen.page.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await chosen.page.getByRole("link", { name: "Go to sign-in" }).click();
  await chosen.page.getByLabel("E-mail address").fill(email);
  await chosen.page.getByLabel("Password").fill(password);
  await chosen.page.getByRole("button", { name: "Sign in" }).click();
  await chosen.page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(chosen.page.getByRole("link", { name: "Sign out" })).toBeVisible();
  await expectNoSevereAxeViolations(chosen.page);
  await chosen.close();

  // The same link a second time: refused, with the one plain message for every unusable link.
  const again = await setPasswordThroughLink(browser, link, `Second-${password}`);
  await expect(again.page.getByRole("alert").filter({ hasText: "This link cannot be used." })).toBeVisible();
  await expectNoSevereAxeViolations(again.page);
  await again.close();
  expect(await signInOverHttp(base, email, password)).toMatch(/^liaison\.session=/);
});
