import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/catalogues";
import { TraffickingIndicator } from "@/lib/generated/prisma/enums";
import { GROUP_INDICATORS, TRAFFICKING_GROUPS, TRAFFICKING_INDICATORS, TRAFFICKING_OUTCOMES, groupOf, outcomeProblem, outcomeSetsFlag } from "@/lib/trafficking/rules";
import { recordTraffickingScreenSchema } from "@/lib/trafficking/schema";
import { scoreProvider, type MatchProvider } from "@/lib/providers/rules";

const ID = "7d1f0c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const screen = (overrides: Record<string, unknown> = {}) => ({ detentionId: ID, disclosureConfirmed: "on", disclosureMethod: "IN_PERSON", indicators: ["DEBT_UNPAYABLE"], outcome: "INDICATORS_OF_TRAFFICKING", ...overrides });
const problems = (input: Record<string, unknown>) => {
  const parsed = recordTraffickingScreenSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the trafficking screen's indicators", () => {
  it("puts every indicator in exactly one group, three to five a group, in the order practitioners ask them", () => {
    expect([...TRAFFICKING_INDICATORS].sort()).toEqual(Object.values(TraffickingIndicator).sort());
    expect(new Set(TRAFFICKING_INDICATORS).size).toBe(TRAFFICKING_INDICATORS.length);
    expect(TRAFFICKING_GROUPS).toEqual(["RECRUITMENT", "CONTROL", "DEBT", "CONDITIONS", "THREATS", "MARRIAGE"]);
    for (const group of TRAFFICKING_GROUPS) {
      expect(GROUP_INDICATORS[group].length, group).toBeGreaterThanOrEqual(3);
      expect(GROUP_INDICATORS[group].length, group).toBeLessThanOrEqual(5);
      for (const indicator of GROUP_INDICATORS[group]) expect(groupOf(indicator)).toBe(group);
    }
  });

  it.each(["en", "fr"] as const)("names every group, indicator, outcome and method in %s", (locale) => {
    const screenText = messagesFor(locale).traffickingScreen as Record<string, Record<string, string>>;
    for (const group of TRAFFICKING_GROUPS) expect(screenText.groups![group]).toMatch(/\S/);
    for (const indicator of TRAFFICKING_INDICATORS) expect(screenText.indicators![indicator]).toMatch(/\S/);
    for (const outcome of TRAFFICKING_OUTCOMES) expect(screenText.outcomes![outcome]).toMatch(/\S/);
  });
});

describe("recording a trafficking screen", () => {
  it.each([
    ["no confirmation at all", { disclosureConfirmed: undefined }],
    ["an empty confirmation", { disclosureConfirmed: "" }],
    ["a confirmation that is not the checkbox's", { disclosureConfirmed: "yes" }],
  ])("refuses %s, naming the confirmation, whatever else was filled in", (_case, overrides) => {
    expect(problems(screen(overrides))).toEqual({ disclosureConfirmed: "disclosureRequired" });
  });

  it("records with the confirmation, its method and an interpreter's language, or none", () => {
    const parsed = recordTraffickingScreenSchema.parse(screen({ interpreterLanguage: " Tagalog ", indicators: ["DEBT_UNPAYABLE", "DEBT_UNPAYABLE", "THREATS_FAMILY"] }));
    expect(parsed).toMatchObject({ disclosureConfirmed: true, disclosureMethod: "IN_PERSON", interpreterLanguage: "Tagalog", indicators: ["DEBT_UNPAYABLE", "THREATS_FAMILY"] });
    expect(recordTraffickingScreenSchema.parse(screen({ interpreterLanguage: "" })).interpreterLanguage).toBeNull();
  });

  it.each([
    ["a method outside in person, phone or video", { disclosureMethod: "LETTER" }, "disclosureMethod"],
    ["an indicator that is not on the list", { indicators: ["RECRUITMENT_FEES", "NOT_AN_INDICATOR"] }, "indicators.1"],
  ])("refuses %s", (_case, overrides, field) => {
    expect(Object.keys(problems(screen(overrides)))).toEqual([field]);
  });

  it.each([
    ["INDICATORS_OF_TRAFFICKING", [], "outcomeNeedsIndicator"],
    ["INDICATORS_OF_TRAFFICKING", ["CONTROL_DOCUMENTS_HELD"], null],
    ["EXPLOITATION", [], "outcomeNeedsIndicator"],
    ["EXPLOITATION", ["DEBT_WAGES_WITHHELD", "CONDITIONS_EXCESSIVE_HOURS"], null],
    ["NO_INDICATORS_IDENTIFIED", [], null],
    ["NO_INDICATORS_IDENTIFIED", ["MARRIAGE_UNDER_18"], "outcomeContradictsIndicators"],
  ] as const)("an outcome of %s with indicators %j: %s", (outcome, indicators, problem) => {
    expect(outcomeProblem(outcome, indicators)).toBe(problem);
    expect(problems(screen({ outcome, indicators: [...indicators] }))).toEqual(problem ? { outcome: problem } : {});
  });

  it.each([
    ["INDICATORS_OF_TRAFFICKING", true],
    ["EXPLOITATION", true],
    ["NO_INDICATORS_IDENTIFIED", false],
  ] as const)("an outcome of %s sets the trafficking flag: %s", (outcome, sets) => {
    expect(outcomeSetsFlag(outcome)).toBe(sets);
  });
});

describe("matching for a person with indicators", () => {
  const provider = (services: MatchProvider["services"]): MatchProvider => ({
    id: "p",
    name: "Safe Passage",
    kind: "COMMUNITY",
    services,
    servesGenders: ["FEMALE"],
    sogieAffirming: false,
    familiesWithChildren: false,
    minors: false,
    mentalHealthSupport: false,
    substanceUseSupport: false,
    languages: ["English"],
    region: "Greater Toronto Area",
    spacesOpen: 1,
  });
  const person = { gender: "FEMALE" as const, languages: ["English"], interpreterLanguage: null, region: "Greater Toronto Area", needs: [] };

  it("suggests a specialised provider, and says why, only when the trafficking flag is among the flags given", () => {
    const seen = scoreProvider({ ...person, flags: ["TRAFFICKING_INDICATORS"] }, provider(["ANTI_TRAFFICKING"]));
    const unseen = scoreProvider({ ...person, flags: [] }, provider(["ANTI_TRAFFICKING"]));
    expect(seen.reasons).toContainEqual({ key: "support", support: "antiTrafficking", fits: true });
    expect(seen.score).toBeGreaterThan(unseen.score);
    expect(unseen.reasons.some((reason) => reason.key === "support")).toBe(false);
    expect(scoreProvider({ ...person, flags: ["TRAFFICKING_INDICATORS"] }, provider(["HOUSING"])).reasons.some((reason) => reason.key === "support")).toBe(false);
  });
});
