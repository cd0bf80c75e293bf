import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { enCA, frCA } from "date-fns/locale";
import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime, listName, proseName } from "@/lib/format";

// The reference: what the pages showed before lib/format moved to cached Intl formatters (date-fns "PP" and "PP p",
// then the zone's short name). One difference is deliberate: July in French is "juill." as in Unicode CLDR (and the
// Office québécois de la langue française), where date-fns wrote "juil.".
const LOCALES = { en: enCA, fr: frCA } as const;
function reference(date: Date, timeZone: string, locale: "en" | "fr", withTime: boolean): string {
  const text = format(new TZDate(date, timeZone), withTime ? "PP p" : "PP", { locale: LOCALES[locale] }).replace(" juil. ", " juill. ");
  if (!withTime) return text;
  const zone = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { timeZone, timeZoneName: "short" }).formatToParts(date).find((part) => part.type === "timeZoneName")!.value;
  return `${text} ${zone}`;
}

const ZONES = ["America/Toronto", "America/St_Johns", "America/Vancouver", "America/Regina", "UTC"];
// Every 7 hours and 13 minutes through 2026 and 2028 (a leap year): every month, both DST changes, all hours.
const INSTANTS = [2026, 2028].flatMap((year) => Array.from({ length: 1220 }, (_, index) => new Date(Date.UTC(year, 0, 1) + index * (7 * 60 + 13) * 60_000)));

describe("dates and times as shown on the pages", () => {
  for (const locale of ["en", "fr"] as const) {
    for (const zone of ZONES) {
      it(`match date-fns's "PP" and "PP p" in ${locale} in ${zone}`, () => {
        for (const instant of INSTANTS) {
          expect(formatDate(instant, zone, locale)).toBe(reference(instant, zone, locale, false));
          expect(formatDateTime(instant, zone, locale)).toBe(reference(instant, zone, locale, true));
        }
      });
    }
  }

  it("read a stored calendar date in UTC, whatever the server's zone", () => {
    expect(formatCalendarDate(new Date("1990-02-28T00:00:00Z"), "en")).toBe("Feb 28, 1990");
    expect(formatCalendarDate(new Date("1990-02-28T00:00:00Z"), "fr")).toBe("28 févr. 1990");
  });

  it("name midnight and noon the way each language writes them", () => {
    const midnight = new Date("2026-07-01T04:00:00Z"); // 00:00 in Toronto (EDT)
    expect(formatDateTime(midnight, "America/Toronto", "en")).toBe("Jul 1, 2026 12:00 AM EDT");
    expect(formatDateTime(midnight, "America/Toronto", "fr")).toBe("1 juill. 2026 00:00 HAE");
    const noon = new Date("2026-12-01T17:00:00Z"); // 12:00 in Toronto (EST)
    expect(formatDateTime(noon, "America/Toronto", "en")).toBe("Dec 1, 2026 12:00 PM EST");
  });
});

describe("name order", () => {
  it("lists and tables read 'Family, Given'; headings and sentences 'Given Family'", () => {
    const person = { givenName: "Folake", familyName: "Oyelaran" };
    expect(listName(person)).toBe("Oyelaran, Folake");
    expect(proseName(person)).toBe("Folake Oyelaran");
  });

  it("a person with one name recorded shows that name alone, with no stray comma or space", () => {
    expect(listName({ givenName: "", familyName: "Amani" })).toBe("Amani");
    expect(proseName({ givenName: "", familyName: "Amani" })).toBe("Amani");
  });
});
