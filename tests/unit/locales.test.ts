import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("language negotiation", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["en-CA,en;q=0.9,fr;q=0.8", "en"],
    ["es-MX,fr;q=0.5", "fr"],
    ["de-DE", "en"],
    ["en;q=0.2,fr;q=0.7", "fr"],
    ["fr;q=0", "en"],
  ])("Accept-Language %s gives %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("accepts only the two official languages", () => {
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("es")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
