import ICAL from "ical.js";
import { expect, test } from "./fixtures";

test("counsel of record sees a client's next review and subscribes to it; another counsel does not see it", async ({ page, signIn, expectAccessible }) => {
  await signIn("counsel.clinic@liaison.example");
  await expect(page).toHaveURL(/\/clients$/);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: "My clients" })).toBeVisible();

  // The first client is a current detention with the earliest review deadline.
  const row = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("link", { name: /^Open case / }) }).first();
  await expect(row).toContainText(/review/);
  const link = row.getByRole("link", { name: /^Open case / });
  const reference = (await link.textContent())!.trim();
  const detentionId = (await link.getAttribute("href"))!.split("/").pop()!;
  const person = (await row.getByRole("rowheader").textContent())!.trim();
  await expect(row).toContainText(/48-hour review|7-day review|30-day review|14-day review|6-month review/);
  const familyName = person.split(",")[0]!.trim();

  // A privileged note: kept within counsel's organisation.
  const privileged = `Privileged instructions ${Date.now()}: client prefers release to her aunt's home.`;
  await row.getByText(/^Notes \(\d+\)/).click();
  await row.getByLabel(`New note on ${reference}`).fill(privileged);
  await row.getByRole("button", { name: "Save the note" }).click();
  await expect(row.getByRole("status")).toContainText("Only your organization can read it.");
  await expect(row.getByRole("list", { name: `Notes on ${reference}` })).toContainText(privileged);
  await expectAccessible();

  await page.goto("/calendar");
  await expectAccessible();
  await page.getByRole("button", { name: /Create my calendar address|Create a new address/ }).click();
  const address = page.getByLabel("Your calendar address");
  await expect(address).toBeVisible();
  await expectAccessible();
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  const deadline = events.find((event) => event.uid.startsWith(`review-${detentionId}-`));
  expect(deadline, "the client's review is in the feed").toBeDefined();
  expect(deadline!.summary).toContain(reference);
  expect(deadline!.summary).not.toContain(familyName);
  const again = await page.request.get(url);
  const uidsAgain = new ICAL.Component(ICAL.parse(await again.text())).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component).uid);
  expect(uidsAgain.sort()).toEqual(events.map((event) => event.uid).sort());

  // Another counsel (French-speaking) sees neither the client nor the review.
  await page.context().clearCookies();
  await signIn("counsel.marchand@liaison.example");
  await expect(page).toHaveURL(/\/clients$/);
  await expectAccessible();
  await expect(page.getByRole("link", { name: new RegExp(reference) })).toHaveCount(0);
  await page.goto("/reviews");
  await expectAccessible();
  await expect(page.getByRole("link", { name: reference })).toHaveCount(0);
  await page.goto("/calendar");
  await expectAccessible();
  await page.getByRole("button", { name: /Créer mon adresse de calendrier|Créer une nouvelle adresse/ }).click();
  const theirAddress = page.getByLabel("Votre adresse de calendrier");
  await expect(theirAddress).toBeVisible();
  await expectAccessible();
  const theirs = await page.request.get(await theirAddress.inputValue());
  expect(theirs.status()).toBe(200);
  const text = await theirs.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).not.toContain(detentionId);
  expect(text).not.toContain(reference);

  // The first counsel's address is unaffected by the second's.
  expect((await page.request.get(url)).status()).toBe(200);

  // No CBSA user reads the privileged note, on the case page or anywhere they can reach it.
  await page.context().clearCookies();
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto(`/cases/${detentionId}`);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 2, name: "Detention reviews" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(privileged);
  // Nor the demo's own privileged note on this client.
  await expect(page.locator("body")).not.toContainText("client wants to pursue release");
});
