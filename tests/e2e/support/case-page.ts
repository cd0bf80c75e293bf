import { expect, type Page } from "@playwright/test";

/** The case page's sections are folded: open one as a reader would, from the section navigation (never closes it). */
export async function openSection(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Sections of this case" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("region", { name, exact: true }).locator("details[data-case-section]")).toHaveAttribute("open", "");
}

/** Opens every section of the case page, e.g. to run axe on all of it. */
export async function openAllSections(page: Page) {
  const links = page.getByRole("navigation", { name: "Sections of this case" }).getByRole("link");
  for (const name of await links.allInnerTexts()) await openSection(page, name.trim());
}
