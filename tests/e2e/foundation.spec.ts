import { DEMO_PASSWORD, expect, test, type Page } from "./fixtures";

test.describe("each role signs in and lands on its home with seeded data", () => {
  test("a CLO sees the office caseload", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expect(page).toHaveURL(/\/cases$/);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Dana Whitfield");
    await expect(page.getByRole("banner")).toContainText("Community liaison officer");
    await expect(page.getByRole("banner")).toContainText("CBSA Greater Toronto Area Region");
    const table = page.getByRole("table");
    await expect(table.getByRole("cell", { name: /^TOR-/ }).first()).toBeVisible();
    await expect(table.getByRole("cell", { name: /^VAN-|^MTL-/ })).toHaveCount(0);
  });

  test("a CLO can sort the caseload and page through it by keyboard", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await page.getByLabel("Detention status").selectOption("ALL");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=ALL/);
    await expectAccessible();
    const personHeader = page.getByRole("columnheader", { name: /Person/ });
    await personHeader.getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=familyName&dir=asc/);
    await expectAccessible();
    await expect(page.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "ascending");
    const names = await page.getByRole("rowheader").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expectAccessible();
    await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  });

  test("a supervisor sees the office caseload", async ({ page, signIn, expectAccessible }) => {
    await signIn("supervisor.vancouver@liaison.example");
    await expect(page).toHaveURL(/\/cases$/);
    await expectAccessible();
    await expect(page.getByRole("table").getByRole("cell", { name: /^VAN-/ }).first()).toBeVisible();
  });

  test("an NGO caseworker sees their organisation's referrals", async ({ page, signIn, expectAccessible }) => {
    await signIn("caseworker.harbour@liaison.example");
    await expect(page).toHaveURL(/\/referrals$/);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "Referrals" })).toBeVisible();
    await expect(page.getByText("Referrals sent to Harbour House Women's Shelter")).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(1);
  });

  test("counsel see their clients", async ({ page, signIn, expectAccessible }) => {
    await signIn("counsel.clinic@liaison.example");
    await expect(page).toHaveURL(/\/clients$/);
    await expectAccessible();
    await expect(page.getByRole("heading", { level: 1, name: "My clients" })).toBeVisible();
    // Each client's case reference links to the case file.
    await expect(page.getByRole("table").getByRole("link", { name: /TOR-/ }).first()).toBeVisible();
  });

  test("an admin manages users and organisations", async ({ page, signIn, expectAccessible }) => {
    await signIn("admin@liaison.example");
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expectAccessible();
    await expect(page.getByRole("rowheader", { name: "Dana Whitfield" })).toBeVisible();
    await page.getByRole("link", { name: "New user" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/new$/);
    await expectAccessible();

    // A bad submission gets an error summary and field messages, and creates nothing.
    await page.getByLabel("Name", { exact: true }).fill("Test Caseworker");
    await page.getByLabel("E-mail address", { exact: true }).fill("not-an-address");
    await page.getByRole("button", { name: "Create user" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    // The field is named and an example shows how to fix it.
    await expect(summary).toContainText("Enter the e-mail address, for example name@example.org.");
    await expect(summary).toBeFocused();
    // What the admin typed is still there to correct.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Test Caseworker");
    await expectAccessible();

    const email = `caseworker.${Date.now()}@liaison.example`;
    await page.getByLabel("E-mail address", { exact: true }).fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("NGO_CASEWORKER");
    await page.getByLabel("Organization", { exact: true }).selectOption({ label: "Rainbow Newcomer Network" });
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The user was created." })).toBeVisible();
    await expect(page.getByLabel("Password link (shown only once)")).toHaveValue(/\/set-password#/);

    await page.getByRole("link", { name: "Organizations" }).click();
    await expect(page).toHaveURL(/\/admin\/organizations$/);
    await expectAccessible();
    await expect(page.getByRole("rowheader", { name: "Harbour House Women's Shelter" })).toBeVisible();
  });
});

test.describe("signing in and out", () => {
  test("a wrong password gets a plain error, and so does an unknown e-mail", async ({ page, signIn, expectAccessible }) => {
    await page.goto("/sign-in");
    await expectAccessible();
    for (const [email, password] of [
      ["clo.toronto@liaison.example", "wrong-password"],
      ["nobody@liaison.example", "Liaison-demo-2026"],
    ]) {
      await page.getByLabel("E-mail address").fill(email!);
      await page.getByLabel("Password").fill(password!);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The e-mail address or password is incorrect." })).toBeVisible();
      await expect(page).toHaveURL(/\/sign-in/);
    }
    await expectAccessible();
    await signIn("clo.toronto@liaison.example");
    await expect(page).toHaveURL(/\/cases$/);
    await expectAccessible();
  });

  test("signing out ends the session: the old pages send the visitor back to sign-in", async ({ page, signIn, expectAccessible }) => {
    await signIn("counsel.marchand@liaison.example");
    await expectAccessible();
    await page.getByRole("link", { name: /Sign out|Se déconnecter/ }).click();
    await expect(page).toHaveURL(/\/sign-out$/);
    await expectAccessible();
    await page.getByRole("button", { name: /Sign out|Se déconnecter/ }).click();
    await expect(page.getByText(/You are signed out|Vous êtes déconnecté/)).toBeVisible();
    await expectAccessible();
    await page.goto("/clients");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible();
  });

  for (const path of ["/", "/cases", "/referrals", "/clients", "/admin/users", "/admin/organizations", "/no-such-page"]) {
    test(`a signed-out visitor is sent to sign-in from ${path}`, async ({ page, expectAccessible }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expectAccessible();
    });
  }

  test("a role cannot open another role's home: it is not found", async ({ page, signIn, expectAccessible }) => {
    await signIn("caseworker.rainbow@liaison.example");
    await expectAccessible();
    await page.goto("/cases");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible();
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("English and French", () => {
  test("switching to French shows French on the page and is remembered", async ({ page, signIn, expectAccessible }) => {
    await signIn("clo.toronto@liaison.example");
    await expectAccessible();
    await page.getByRole("button", { name: "Change language to Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Charge de travail" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectAccessible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Charge de travail" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Prochain contrôle dû/ })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Changer la langue pour English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    await expectAccessible();
  });

  test("the sign-in page can be switched to French before signing in", async ({ page, expectAccessible }) => {
    await page.goto("/sign-in");
    await expectAccessible();
    await page.getByRole("button", { name: "Change language to Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
    await expect(page.getByLabel("Adresse courriel")).toBeVisible();
    await expectAccessible();
  });
});

test.describe("after signing in the browser stays on the app's origin, whatever callbackUrl says", () => {
  // As an attacker would write them in a link: %09, %0A and %0D are dropped by browsers' URL parsing ("/\t/evil" is "//evil").
  const HOSTILE = ["/%09/evil.example/", "/%0A/evil.example/", "/%0D/evil.example/", "//evil.example/", "/%5Cevil.example/", "https://evil.example/", "/.//evil.example/"];

  async function signInOnPage(page: Page, email: string) {
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
  }

  test("signed out: a correct sign-in lands on the home page, never on another host", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const offOrigin: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("data:") && new URL(request.url()).origin !== origin) offOrigin.push(request.url());
    });
    for (const value of HOSTILE) {
      await page.context().clearCookies();
      const response = await page.goto(`/sign-in?callbackUrl=${value}`);
      expect(response?.status(), value).toBe(200);
      await signInOnPage(page, "clo.toronto@liaison.example");
      expect(new URL(page.url()).origin, `${value}: stays on the origin`).toBe(origin);
      await expect(page, value).toHaveURL(/\/cases$/);
    }
    expect(offOrigin, "no request left the origin").toEqual([]);
  });

  test("signed out: a same-origin callbackUrl is still where signing in leads", async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/providers?open=1")}`);
    await signInOnPage(page, "clo.toronto@liaison.example");
    await expect(page).toHaveURL(/\/providers\?open=1$/);
  });

  test("signed in: the sign-in page sends the browser home, not to another host, with no server error (CR/LF too)", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    await page.goto("/sign-in");
    await signInOnPage(page, "clo.toronto@liaison.example");
    for (const value of [...HOSTILE, "/%0D%0ASet-Cookie:%20x=1", "/%0D%0A/evil.example/"]) {
      const direct = await page.request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
      expect(direct.status(), `${value}: no server error`).toBeLessThan(500);
      expect(new URL(direct.headers()["location"] ?? "/", origin).origin, `${value}: redirected on the origin`).toBe(origin);
      await page.goto(`/sign-in?callbackUrl=${value}`);
      expect(new URL(page.url()).origin, `${value}: the browser stays on the origin`).toBe(origin);
      await expect(page, value).toHaveURL(/\/cases$/);
    }
  });
});
