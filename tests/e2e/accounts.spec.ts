import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
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
async function freshAccount(databaseUrl: string, label: string): Promise<{ email: string; name: string }> {
  const email = `${label}.${randomBytes(4).toString("hex")}@liaison.example`;
  const name = `Accounts Test ${randomBytes(2).toString("hex")}`;
  await withDatabase(databaseUrl, async (client) => {
    const inserted = await client.query(
      `INSERT INTO "User" SELECT * FROM jsonb_populate_record(NULL::"User", (SELECT to_jsonb(u) || $1::jsonb FROM "User" u WHERE email = 'caseworker.northgate@liaison.example'))`,
      [JSON.stringify({ id: randomUUID(), email, name, version: 1 })],
    );
    if (inserted.rowCount !== 1) throw new Error("Could not make the test account");
  });
  return { email, name };
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

test("a CLO account made by one administrator opens only when a second one approves it", async ({ page, signIn, expectAccessible, app }) => {
  test.setTimeout(120_000);
  const email = `new.officer.${randomBytes(4).toString("hex")}@liaison.example`;
  const name = `New Officer ${randomBytes(2).toString("hex")}`;
  const password = `Quay-Orchard-${randomBytes(3).toString("hex")}-Lantern`;

  await signIn("admin@liaison.example");
  await expect(page).toHaveURL(/\/admin\/users$/);
  // Their own row offers no change of role, organisation or status.
  const ownRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sam Ortiz" }) });
  await expect(ownRow.getByText("Your own account: another administrator changes it.")).toBeVisible();
  await expect(ownRow.getByRole("button")).toHaveCount(0);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail address", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("CLO");
  await page.getByLabel("Organization", { exact: true }).selectOption({ label: "CBSA Greater Toronto Area Region" });
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "stays inactive until another administrator approves" })).toBeVisible();
  await page.reload();
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
