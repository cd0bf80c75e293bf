import type { Page } from "../fixtures";

/** The date and time in Toronto (the facility's zone) of an instant, as the forms take them. */
export function torontoLocal(instant: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

export type IntakePerson = {
  givenName: string;
  /** Typed in; absent, the family name the search put in the form stays. */
  familyName?: string;
  dateOfBirth: string;
  gender: "FEMALE" | "MALE";
  languages: string;
  citizenship: string;
};

/**
 * Fills the intake form already open at /cases/new for a fictional person held at the Toronto Immigration Holding
 * Centre since `hoursAgo` hours, on ground (b), records it and waits for the new case's page.
 */
export async function recordTorontoDetention(page: Page, person: IntakePerson, hoursAgo: number): Promise<void> {
  const detained = torontoLocal(new Date(Date.now() - hoursAgo * 3_600_000));
  const group = page.getByRole("group", { name: "The person" });
  await group.getByLabel("Given names").fill(person.givenName);
  if (person.familyName !== undefined) await group.getByLabel("Family name").fill(person.familyName);
  await group.getByLabel("Date of birth").fill(person.dateOfBirth);
  await group.getByLabel("Gender").selectOption(person.gender);
  await group.getByLabel("Languages").fill(person.languages);
  await group.getByLabel("Country of citizenship").fill(person.citizenship);
  await page.getByLabel("Facility").selectOption({ label: "Toronto Immigration Holding Centre (America/Toronto)" });
  await page.getByLabel("Date of detention").fill(detained.date);
  await page.getByLabel("Time of detention").fill(detained.time);
  await page.getByRole("group", { name: "Grounds of detention (IRPA s.58(1))" }).getByLabel("(b) Unlikely to appear").check();
  await page.getByRole("button", { name: "Record the detention" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
}
