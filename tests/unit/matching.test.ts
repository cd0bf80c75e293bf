import { describe, expect, it } from "vitest";
import { rankProviders, scoreProvider, type MatchCase, type MatchProvider } from "@/lib/providers/rules";

const person: MatchCase = {
  gender: "FEMALE",
  languages: ["French", "Lingala"],
  interpreterLanguage: null,
  region: "Greater Toronto Area",
  needs: ["HOUSING"],
  flags: ["SOGIE"],
};

function provider(overrides: Partial<MatchProvider> & { name: string }): MatchProvider {
  return {
    id: overrides.name,
    kind: "COMMUNITY",
    services: ["HOUSING"],
    servesGenders: ["FEMALE", "MALE", "NON_BINARY", "OTHER", "UNDISCLOSED"],
    sogieAffirming: false,
    familiesWithChildren: false,
    minors: false,
    mentalHealthSupport: false,
    substanceUseSupport: false,
    languages: ["English"],
    region: "Greater Toronto Area",
    spacesOpen: 3,
    ...overrides,
  };
}

const names = (ranked: ReturnType<typeof rankProviders>) => ranked.map((match) => match.provider.name);

describe("matching providers to a case", () => {
  it("gives a contracted CCMS program no bonus: identical providers of each kind rank equal, by name", () => {
    const contracted = provider({ name: "Bravo Supervision", kind: "CCMS_CONTRACTED" });
    const community = provider({ name: "Alpha Community", kind: "COMMUNITY" });
    const ranked = rankProviders(person, [contracted, community]);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
    expect(names(ranked)).toEqual(["Alpha Community", "Bravo Supervision"]);
    expect(names(rankProviders(person, [community, contracted]))).toEqual(["Alpha Community", "Bravo Supervision"]);
  });

  it("ranks a provider that speaks the person's language above one that does not", () => {
    const ranked = rankProviders(person, [provider({ name: "A English only" }), provider({ name: "B Francophone", languages: ["French"] })]);
    expect(names(ranked)).toEqual(["B Francophone", "A English only"]);
  });

  it("prefers the person's most comfortable language to a second one", () => {
    const ranked = rankProviders(person, [provider({ name: "A Lingala", languages: ["Lingala"] }), provider({ name: "B French", languages: ["French"] })]);
    expect(names(ranked)).toEqual(["B French", "A Lingala"]);
  });

  it("counts an interpreter language as a language the person speaks", () => {
    const withInterpreter = { ...person, languages: [], interpreterLanguage: "Tigrinya" };
    const ranked = rankProviders(withInterpreter, [provider({ name: "A" }), provider({ name: "B Tigrinya", languages: ["tigrinya"] })]);
    expect(names(ranked)).toEqual(["B Tigrinya", "A"]);
  });

  it("ranks a provider in the office's region above one elsewhere", () => {
    const ranked = rankProviders(person, [provider({ name: "A Pacific", region: "Pacific" }), provider({ name: "B Toronto" })]);
    expect(names(ranked)).toEqual(["B Toronto", "A Pacific"]);
  });

  it("ranks a provider with no open spaces lower but still lists it", () => {
    const ranked = rankProviders(person, [provider({ name: "A Full", spacesOpen: 0 }), provider({ name: "B Room", spacesOpen: 1 })]);
    expect(names(ranked)).toEqual(["B Room", "A Full"]);
    expect(ranked[1]!.reasons).toContainEqual({ key: "noSpaces", fits: false });
  });

  it("puts a SOGIE-affirming provider first for an LGBTQ+ person", () => {
    const ranked = rankProviders(person, [provider({ name: "A General" }), provider({ name: "B Rainbow", sogieAffirming: true })]);
    expect(names(ranked)).toEqual(["B Rainbow", "A General"]);
  });

  it("puts a provider that does not serve the person's gender last, even with more room", () => {
    const ranked = rankProviders(person, [provider({ name: "A Men only", servesGenders: ["MALE"], spacesOpen: 30 }), provider({ name: "B", spacesOpen: 0, region: "Pacific" })]);
    expect(names(ranked)).toEqual(["B", "A Men only"]);
  });

  it("ranks a provider that meets an assessed need above one that does not", () => {
    const ranked = rankProviders({ ...person, needs: ["MENTAL_HEALTH"] }, [provider({ name: "A Housing" }), provider({ name: "B Counselling", services: ["MENTAL_HEALTH"] })]);
    expect(names(ranked)).toEqual(["B Counselling", "A Housing"]);
  });

  it("explains a suggestion in the words the page shows", () => {
    const match = scoreProvider(person, provider({ name: "Harbour", servesGenders: ["FEMALE"], languages: ["French"], spacesOpen: 2, sogieAffirming: true }));
    expect(match.reasons).toEqual([
      { key: "servesGender", gender: "FEMALE", fits: true },
      { key: "meetsNeed", need: "HOUSING", fits: true },
      { key: "support", support: "sogieAffirming", fits: true },
      { key: "language", language: "French", fits: true },
      { key: "sameRegion", region: "Greater Toronto Area", fits: true },
      { key: "spacesOpen", count: 2, fits: true },
    ]);
  });
});
