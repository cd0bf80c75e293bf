import { describe, expect, it } from "vitest";
import { hasControlCharacters, lineText, optionalLineText, optionalParagraphText, paragraphText } from "@/lib/validation/text";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

const ALWAYS_REFUSED = ["\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u000E", "\u001B", "\u001F", "\u007F"];
const LINE_BREAKS = ["\t", "\n", "\r", "\r\n"];

describe("text fields refuse control characters", () => {
  it.each(ALWAYS_REFUSED.map((character) => [JSON.stringify(character), character]))("%s inside any text is refused", (_name, character) => {
    const text = `Note about the hearing${character}continued`;
    expect(hasControlCharacters(text, { multiline: true })).toBe(true);
    expect(firstMessage(paragraphText(100).safeParse(text))).toBe("controlCharacters");
    expect(firstMessage(lineText(100).safeParse(text))).toBe("controlCharacters");
    expect(firstMessage(optionalParagraphText(100).safeParse(text))).toBe("controlCharacters");
    expect(firstMessage(optionalLineText(100).safeParse(text))).toBe("controlCharacters");
  });

  it.each(LINE_BREAKS.map((character) => [JSON.stringify(character), character]))("%s is allowed in a field of several lines, refused in a one-line field", (_name, character) => {
    const text = `First line${character}second line`;
    expect(paragraphText(100).parse(text)).toBe(text);
    expect(firstMessage(lineText(100).safeParse(text))).toBe("controlCharacters");
  });

  it("NUL is refused even at the edges, before trimming could hide it", () => {
    expect(firstMessage(lineText(100).safeParse("\u0000"))).toBe("controlCharacters");
    expect(firstMessage(paragraphText(100).safeParse("text\u0000"))).toBe("controlCharacters");
  });

  it("ordinary text of every script passes, trimmed; limits still apply", () => {
    expect(lineText(100).parse("  Amélie N'Diaye-Ωmega 😀 ")).toBe("Amélie N'Diaye-Ωmega 😀");
    expect(paragraphText(100).parse("« Bonjour »\n— merci")).toBe("« Bonjour »\n— merci");
    expect(firstMessage(lineText(5).safeParse("abcdef"))).toBe("tooLong");
    expect(firstMessage(lineText(5).min(1, "required").safeParse("  "))).toBe("required");
    expect(optionalLineText(5).parse("")).toBeNull();
    expect(optionalParagraphText(5).parse(undefined)).toBeNull();
  });
});
