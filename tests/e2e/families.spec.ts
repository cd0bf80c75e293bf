import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";

/**
 * Families and minors, by role and label: a case with "minor housed" shows the region's family resources (the office's
 * families-and-minors lists and the directory's family-capable providers), and a CLO links two family members' cases so
 * each shows the other. The cases are this spec's own (fresh copies of a demo Toronto case), so no other spec's changes
 * matter and this one changes no demo case.
 */

type FreshCase = { id: string; reference: string; familyName: string };

async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A copy of a demo Toronto detention with a person of its own, no counsel, no screening (or the flags given). */
async function freshTorontoCase(databaseUrl: string, flags: string[] = []): Promise<FreshCase> {
  return withDatabase(databaseUrl, async (client) => {
    const template = (
      await client.query(
        `SELECT d.id, d."detaineeId" FROM "Detention" d JOIN "Organization" o ON o.id = d."officeId" WHERE o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' ORDER BY d.reference LIMIT 1`,
      )
    ).rows[0] as { id: string; detaineeId: string };
    const suffix = randomBytes(3).toString("hex").toUpperCase();
    const familyName = `Okonkwo-${suffix}`;
    const detaineeId = randomUUID();
    await client.query(
      `INSERT INTO "Detainee" SELECT * FROM jsonb_populate_record(NULL::"Detainee", (SELECT to_jsonb(t) || $2::jsonb FROM "Detainee" t WHERE id = $1))`,
      [template.detaineeId, JSON.stringify({ id: detaineeId, givenName: "Ada", familyName, clientId: `E2E-FAM-${suffix}`, counselId: null, version: 1 })],
    );
    const id = randomUUID();
    const reference = `TOR-FAM-${suffix}`;
    await client.query(
      `INSERT INTO "Detention" SELECT * FROM jsonb_populate_record(NULL::"Detention", (SELECT to_jsonb(t) || $2::jsonb FROM "Detention" t WHERE id = $1))`,
      [template.id, JSON.stringify({ id, detaineeId, reference, version: 1 })],
    );
    if (flags.length > 0) {
      const screeningId = randomUUID();
      const recorder = (await client.query(`SELECT id FROM "User" WHERE email = 'clo.toronto@liaison.example'`)).rows[0] as { id: string };
      await client.query(`INSERT INTO "Screening" (id, "detentionId", "recordedById", "updatedAt") VALUES ($1, $2, $3, now())`, [screeningId, id, recorder.id]);
      for (const flag of flags) await client.query(`INSERT INTO "ScreeningFlag" (id, "screeningId", flag) VALUES ($1, $2, $3::"VulnerabilityFlag")`, [randomUUID(), screeningId, flag]);
    }
    return { id, reference, familyName };
  });
}

test("a case with “minor housed” shows the region's family resources", async ({ page, app, signIn, expectAccessible }) => {
  const minor = await freshTorontoCase(app.databaseUrl, ["MINOR_HOUSED"]);
  const plain = await freshTorontoCase(app.databaseUrl);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();

  await page.goto(`/cases/${minor.id}`);
  await expectAccessible();
  await openSection(page, "Families and minors");
  const section = page.getByRole("region", { name: "Families and minors", exact: true });
  await expect(section).toContainText("Minor housed with a parent");
  // The office's list for families and minors (the demo's, shared with all offices) and the region's providers.
  await expect(section.getByRole("heading", { name: "Families with children: alternatives to detention" })).toBeVisible();
  const providers = section.getByRole("region", { name: /Providers serving families or children in Greater Toronto Area/ });
  await expect(providers.getByRole("link", { name: "Family Welcome Centre" })).toBeVisible();
  await expect(providers.getByRole("link", { name: "Harbour House Women's Shelter" })).toBeVisible();
  // The best interests of the child, recorded from the same section.
  await section.getByText("Record considerations").click();
  await section.getByLabel("Child's age").selectOption({ label: "5 to 11" });
  await section.getByLabel("Where the child is").selectOption({ label: "Housed with the parent at the facility" });
  await section.getByLabel("Who cares for the child").selectOption({ label: "The detained parent" });
  await section.getByLabel("Considerations", { exact: true }).fill("The child has missed two weeks of school.");
  await section.getByRole("button", { name: "Save considerations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The best-interests considerations were saved." }).first()).toBeVisible();
  await expect(section.getByRole("definition").filter({ hasText: "The child has missed two weeks of school." })).toBeVisible();
  await expectAccessible();

  // No minor flag: no such section, nor a link to it.
  await page.goto(`/cases/${plain.id}`);
  await expectAccessible();
  await expect(page.getByRole("navigation", { name: "Sections of this case" }).getByRole("link", { name: "Families and minors", exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Families and minors", exact: true })).toHaveCount(0);
});

test("a CLO links two family members' cases and each shows the other", async ({ page, app, signIn, expectAccessible }) => {
  const parent = await freshTorontoCase(app.databaseUrl, ["SEPARATED_FROM_CHILD"]);
  const otherParent = await freshTorontoCase(app.databaseUrl);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();

  await page.goto(`/cases/${parent.id}`);
  await expectAccessible();
  await openSection(page, "Family members");
  const members = page.getByRole("region", { name: "Family members", exact: true });
  await expect(members).toContainText("No family member's case is linked to this one.");
  await members.getByLabel("Reference of the family member's case").fill(otherParent.reference);
  await members.getByRole("button", { name: "Link case" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The cases were linked as one family." }).first()).toBeVisible();
  const table = members.getByRole("table", { name: "Linked family members' cases" });
  await expect(table.getByRole("rowheader", { name: otherParent.reference })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(otherParent.reference) })).toContainText(`${otherParent.familyName}, Ada`);
  await expectAccessible();

  // The other case shows the first, and leads back to it.
  await table.getByRole("link", { name: otherParent.reference }).click();
  await page.waitForURL((url) => url.pathname === `/cases/${otherParent.id}`);
  await expectAccessible();
  await openSection(page, "Family members");
  const back = page.getByRole("region", { name: "Family members", exact: true }).getByRole("table", { name: "Linked family members' cases" });
  await expect(back.getByRole("rowheader", { name: parent.reference })).toBeVisible();
  await expect(back.getByRole("row", { name: new RegExp(parent.reference) })).toContainText("Detained");
});

test("a list shared with all offices is read by another office, in its office's order, which it cannot change, until its office retires it and once it is back in use", async ({ page, signIn, expectAccessible }) => {
  // Signs in afresh and opens the resource lists, both pages checked with axe.
  const listsAs = async (email: string) => {
    await page.context().clearCookies();
    await signIn(email);
    await expectAccessible();
    await page.goto("/resource-lists");
    await expectAccessible();
  };
  const name = `Families e2e ${randomBytes(3).toString("hex")}`;
  await signIn("supervisor.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/resource-lists");
  await expectAccessible();
  await page.getByText("Start a resource list").click();
  const newList = page.getByRole("form", { name: "Start a resource list" });
  await newList.getByLabel("List name").fill(name);
  await newList.getByLabel("Purpose").selectOption({ label: "Families and minors" });
  await newList.getByRole("radio", { name: "All offices" }).check();
  await newList.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByText("The resource list was created.")).toBeVisible();
  const own = page.getByRole("region", { name, exact: true });
  await expect(own).toContainText("Families and minors · Shared with all offices");
  await page.getByText(`Add an option to ${name}`, { exact: true }).click();
  const addOption = page.getByRole("form", { name: `Add an option to ${name}` });
  await addOption.getByLabel("Resource name").fill("Lakeshore Host Family Network");
  await addOption.getByRole("button", { name: "Add option" }).click();
  await expect(addOption.getByText("The option was added.")).toBeVisible();
  await addOption.getByLabel("Resource name").fill("Bayview Family Shelter");
  await addOption.getByRole("button", { name: "Add option" }).click();
  await expect(own.getByRole("listitem")).toHaveCount(2);
  // Options keep the order they were added in; the office moves one up, and every office reads that order.
  await expect(own.getByRole("listitem").first()).toContainText("Lakeshore Host Family Network");
  await expect(own.getByRole("button", { name: "Move up Lakeshore Host Family Network" })).toHaveCount(0);
  await own.getByRole("button", { name: "Move up Bayview Family Shelter" }).click();
  await expect(page.getByText("The option was moved up.")).toBeVisible();
  await expect(own.getByRole("listitem").first()).toContainText("Bayview Family Shelter");
  await expectAccessible();

  // Another office reads it, kept by Toronto, with no control to change it.
  await listsAs("clo.vancouver@liaison.example");
  const shared = page.getByRole("region", { name: "Shared with your office" }).getByRole("region", { name, exact: true });
  await expect(shared).toContainText("Kept by CBSA Greater Toronto Area Region (read only)");
  await expect(shared.getByRole("listitem")).toHaveText([/^Bayview Family Shelter/, /^Lakeshore Host Family Network/]);
  await expect(shared.getByRole("button")).toHaveCount(0);
  await expect(shared.getByRole("group")).toHaveCount(0);

  // Retired by its office: kept in its history, gone from the other office.
  await listsAs("supervisor.toronto@liaison.example");
  await page.getByText(`Edit the list ${name}`, { exact: true }).click();
  await page.getByRole("button", { name: `Retire list ${name}` }).click();
  await page.getByRole("dialog", { name: `Retire the list ${name}?` }).getByRole("button", { name: "Retire list" }).click();
  await expect(page.getByRole("region", { name: "Retired lists" }).getByRole("region", { name, exact: true })).toBeVisible();
  await expectAccessible();
  await listsAs("clo.vancouver@liaison.example");
  await expect(page.getByRole("region", { name, exact: true })).toHaveCount(0);

  // Put back in use by its office: offered to the other office again.
  await listsAs("clo.toronto@liaison.example");
  await page.getByRole("region", { name: "Retired lists" }).getByRole("button", { name: `Put back in use ${name}` }).click();
  await expect(page.getByText("The resource list is back in use.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your office's lists" }).getByRole("region", { name, exact: true })).toBeVisible();
  await expectAccessible();
  await listsAs("clo.vancouver@liaison.example");
  await expect(page.getByRole("region", { name: "Shared with your office" }).getByRole("region", { name, exact: true })).toBeVisible();
});
