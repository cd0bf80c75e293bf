import { describe, expect, it } from "vitest";
import { CATALOGUE_FILES, messagesFor } from "@/lib/i18n/catalogues";

type Catalogue = { [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

// ICU arguments such as {name} or {total, plural, ...}: both languages must use the same ones.
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)(?:,|\})/g)].map((match) => match[1]!).sort();
}

const en = new Map(leaves(messagesFor("en") as Catalogue));
const fr = new Map(leaves(messagesFor("fr") as Catalogue));

describe("English and French catalogues", () => {
  it("have exactly the same keys (Official Languages: full parity)", () => {
    expect([...fr.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !fr.has(key))).toEqual([]);
  });

  it("use the same placeholders in each message", () => {
    for (const [key, message] of en) expect(placeholders(fr.get(key) ?? ""), key).toEqual(placeholders(message));
  });

  it("have no empty messages", () => {
    for (const [key, message] of [...en, ...fr]) expect(message.trim(), key).not.toBe("");
  });

  it("give each top-level namespace to exactly one file, the same in both languages", () => {
    for (const locale of ["en", "fr"] as const) {
      const owners = new Map<string, string>();
      for (const [file, catalogue] of Object.entries(CATALOGUE_FILES[locale])) {
        for (const namespace of Object.keys(catalogue)) {
          expect(owners.get(namespace), `${locale}: namespace "${namespace}" is in both ${owners.get(namespace)} and ${file}`).toBeUndefined();
          owners.set(namespace, file);
        }
      }
    }
    const namespacesOf = (locale: "en" | "fr") => Object.fromEntries(Object.entries(CATALOGUE_FILES[locale]).map(([file, catalogue]) => [file, Object.keys(catalogue).sort()]));
    expect(namespacesOf("fr")).toEqual(namespacesOf("en"));
  });
});
