import { expect, test } from "./fixtures";

test("the intake's empty submit names each missing field in the summary, its links move focus to the field, and what was typed is kept", async ({ page, signIn, expectAccessible }) => {
  await signIn("clo.toronto@liaison.example");
  await expectAccessible();
  await page.goto("/cases/new?name=Tesfaye-Errors");
  const person = page.getByRole("group", { name: "The person" });
  await person.getByLabel("Family name").fill("");
  await person.getByLabel("Given names").fill("Amara");
  await person.getByLabel("Gender").selectOption("FEMALE");
  await person.getByLabel("Languages").fill("Tigrinya, English");
  await page.getByRole("button", { name: "Record the detention" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  const expected = [
    "Enter the family name.",
    "Enter the date of birth, for example 1990-04-12.",
    "Enter the country of citizenship as a three-letter code, for example CAN (Canada) or XXA (stateless).",
    "Enter the date of detention, for example 2026-06-10.",
    "Enter the time of detention, for example 14:30.",
    "Choose at least one ground of detention.",
  ];
  await expect(summary.getByRole("link")).toHaveText(expected, { useInnerText: true });
  await expect(summary).not.toContainText(/expected format|Enter a value/);
  await expectAccessible();

  // Each field says it too, as its description.
  await expect(person.getByLabel("Family name")).toHaveAccessibleDescription("Enter the family name.");
  // The summary's links move focus to the field, a group of checkboxes included.
  await summary.getByRole("link", { name: "Enter the date of birth, for example 1990-04-12." }).click();
  await expect(person.getByLabel("Date of birth")).toBeFocused();
  await summary.getByRole("link", { name: "Choose at least one ground of detention." }).click();
  await expect(page.getByRole("group", { name: "Grounds of detention (IRPA s.58(1))" })).toBeFocused();

  // What was typed and chosen is still there.
  await expect(person.getByLabel("Given names")).toHaveValue("Amara");
  await expect(person.getByLabel("Gender")).toHaveValue("FEMALE");
  await expect(person.getByLabel("Languages")).toHaveValue("Tigrinya, English");
});
