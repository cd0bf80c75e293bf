import { describe, expect, it } from "vitest";
import compile from "icu-minify/compile";
import { messagesFor } from "@/lib/i18n/catalogues";
import { plainTemplate, plainTemplates } from "@/lib/i18n/plain";
import { bundleLabels } from "@/lib/bundle/layout";
import { LOCALES } from "@/lib/i18n/locales";

// Inside Next's build the catalogues are precompiled (next.config.js); vitest reads the JSON as written. The hearing
// bundle fills its templates itself, so it must read the same template from either form.
describe("plain templates from a catalogue in either form", () => {
  it("reads every label the hearing bundle uses the same from the JSON and from the precompiled form", () => {
    for (const locale of LOCALES) {
      const raw = bundleLabels(locale);
      for (const [set, labels] of Object.entries(raw)) {
        for (const [key, text] of Object.entries(labels)) {
          expect({ locale, set, key, text: plainTemplate(compile(text), key) }).toEqual({ locale, set, key, text });
        }
      }
      const types = (messagesFor(locale) as { documents: { types: Record<string, string> } }).documents.types;
      const compiled = Object.fromEntries(Object.entries(types).map(([key, text]) => [key, compile(text)]));
      expect(plainTemplates(compiled, "documents.types")).toEqual(types);
    }
  });

  it("refuses a message that is more than text and simple arguments", () => {
    expect(() => plainTemplate(compile("{count, plural, one {# case} other {# cases}}"), "x")).toThrow(/not a plain template/);
    expect(() => plainTemplate(compile("a <b>bold</b> word"), "x")).toThrow(/not a plain template/);
    expect(() => plainTemplate(3, "x")).toThrow(/not a plain template/);
    expect(plainTemplate(compile("Plan version {version}, last changed {at}"), "x")).toBe("Plan version {version}, last changed {at}");
  });
});
