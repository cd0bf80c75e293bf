import { describe, expect, it } from "vitest";
import { escapeLike, foldText, parseSearch, SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS, searchQuerySchema } from "@/lib/search/rules";

describe("searchQuerySchema", () => {
  it.each([
    [undefined, ""],
    ["", ""],
    ["   ", ""],
    ["  Ána Quispe ", "Ána Quispe"],
    ["x".repeat(SEARCH_MAX_LENGTH), "x".repeat(SEARCH_MAX_LENGTH)],
  ])("accepts %j as %j", (input, expected) => {
    expect(searchQuerySchema.parse(input)).toBe(expected);
  });

  it.each([
    ["x".repeat(SEARCH_MAX_LENGTH + 1), "tooLong"],
    ["ana\u0000", "controlCharacters"],
    ["ana\tquispe", "controlCharacters"],
    ["ana\u007f", "controlCharacters"],
  ])("refuses %j with %s", (input, message) => {
    const result = searchQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("foldText", () => {
  it.each([
    ["Ána", "ana"],
    ["VÉLEZ Ñahui", "velez nahui"],
    ["Søren Œuvray", "soren oeuvray"],
    ["Łukasz Straße", "lukasz strasse"],
    ["Nguyễn", "nguyen"],
  ])("%s → %s", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe("escapeLike", () => {
  it("escapes the wildcards and the escape character", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});

describe("parseSearch", () => {
  it("blank is no search", () => {
    expect(parseSearch("")).toBeNull();
    expect(parseSearch("  ")).toBeNull();
  });

  it("a name in either order becomes the same words, folded", () => {
    expect(parseSearch("Quispe, Ána")).toEqual({ text: "Quispe, Ána", nameWords: ["quispe", "ana"], referencePrefix: null });
    expect(parseSearch("ana QUISPE")?.nameWords).toEqual(["ana", "quispe"]);
  });

  it("one word is also a reference prefix, upper case", () => {
    expect(parseSearch("tor-26-00")).toEqual({ text: "tor-26-00", nameWords: ["tor-26-00"], referencePrefix: "TOR-26-00" });
  });

  it("repeated words count once, and at most SEARCH_MAX_WORDS are matched", () => {
    expect(parseSearch("ana ana Ána")?.nameWords).toEqual(["ana"]);
    expect(parseSearch("a b c d e f g")?.nameWords).toHaveLength(SEARCH_MAX_WORDS);
  });

  it("wildcards typed stay literal", () => {
    expect(parseSearch("%")?.nameWords).toEqual(["\\%"]);
    expect(parseSearch("TOR_")?.referencePrefix).toBe("TOR\\_");
  });

  it("a query of commas alone has no name words (it is still tried as a reference and a UCI)", () => {
    expect(parseSearch(",,")).toEqual({ text: ",,", nameWords: [], referencePrefix: ",,".toUpperCase() });
  });
});
