import { expect, test } from "./fixtures";
import { openSection } from "./support/case-page";
import { recordTorontoDetention, torontoLocal } from "./support/intake";

const HOUR = 3_600_000;

test("a CLO records a transfer to another office's facility: access moves, the receiving supervisor finds the case unassigned", async ({ page, signIn, expectAccessible }) => {
  // Two people in turn, with an accessibility check on every page: longer than the default.
  test.setTimeout(300_000);
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/cases/new?name=Transfer-Test");
  await expectAccessible();
  await expect(page.getByText("No one matches. Record a new person below.")).toBeVisible();
  await recordTorontoDetention(page, { givenName: "Idris", familyName: "Transfer-Test", dateOfBirth: "1985-07-21", gender: "MALE", languages: "Somali, English", citizenship: "SOM" }, 5);
  await expectAccessible();
  const caseUrl = new URL(page.url()).pathname;

  // The facility section: where the person is, no transfer yet, the form folded away until asked for.
  await openSection(page, "Facility and transfers");
  const transfers = page.getByRole("region", { name: "Facility and transfers" });
  await expect(transfers).toContainText("Toronto Immigration Holding Centre (America/Toronto)");
  await expect(transfers).toContainText("No transfer recorded");
  await expect(transfers.getByLabel("Transfer to")).toBeHidden();
  await transfers.locator("summary", { hasText: "Record a transfer" }).click();
  await expect(transfers.getByLabel("Transfer to")).toBeVisible();
  await expectAccessible();

  // A transfer in the future is refused by name.
  const later = torontoLocal(new Date(Date.now() + 3 * HOUR));
  await transfers.getByLabel("Transfer to").selectOption({ label: "Surrey Immigration Holding Centre (America/Vancouver)" });
  await transfers.getByLabel("Date of transfer").fill(later.date);
  await transfers.getByLabel("Time of transfer").fill(later.time);
  await transfers.getByRole("button", { name: "Record the transfer" }).click();
  await expect(transfers.getByText("The date and time of transfer are still to come").first()).toBeVisible();
  await expectAccessible();

  // Moved to Surrey an hour ago: the case is handed over to the Pacific office.
  const moved = torontoLocal(new Date(Date.now() - HOUR));
  await transfers.getByLabel("Transfer to").selectOption({ label: "Surrey Immigration Holding Centre (America/Vancouver)" });
  await transfers.getByLabel("Date of transfer").fill(moved.date);
  await transfers.getByLabel("Time of transfer").fill(moved.time);
  await transfers.getByRole("button", { name: "Record the transfer" }).click();
  await page.waitForURL(/\/cases\?handedOver=1$/);
  await expectAccessible();
  await expect(page.getByRole("status").filter({ hasText: "handed over to the receiving office" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Transfer-Test/ })).toHaveCount(0);

  // The sending office no longer finds the case.
  await page.goto(caseUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Transfer-Test")).toHaveCount(0);
  await expectAccessible();

  // The receiving supervisor finds it in the caseload, unassigned, with the hand-off in its history.
  await page.context().clearCookies();
  await signIn("supervisor.vancouver@liaison.example");
  await expect(page).toHaveURL(/\/cases$/);
  await expectAccessible();
  const row = page.getByRole("row", { name: /Transfer-Test, Idris/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Unassigned");
  await row.getByRole("link", { name: /^TOR-/ }).click();
  await page.waitForURL(new RegExp(`${caseUrl}$`));
  await expectAccessible();
  await openSection(page, "Facility and transfers");
  const received = page.getByRole("region", { name: "Facility and transfers" });
  await expect(received).toContainText("Surrey Immigration Holding Centre (America/Vancouver)");
  const history = received.getByRole("table", { name: "Transfers between facilities, oldest first" });
  await expect(history.getByRole("row", { name: /Toronto Immigration Holding Centre/ })).toContainText("Handed over from CBSA Greater Toronto Area Region to CBSA Pacific Region");
  // The supervisor assigns it to a CLO of the office.
  await expect(page.getByLabel("Assign to")).toBeVisible();
});
