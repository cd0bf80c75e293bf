import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/text";

/**
 * The shell's search (/search?q=): what a query means, kept pure so it is tested by tables. A query is matched three
 * ways at once: as words of a person's name (each word found somewhere in "given family", accent- and
 * case-insensitively, so "quispe ana" and "Ána Quis" both find Ana Quispe), as the start of a case reference
 * ("TOR-26-00"), and as a client identifier (UCI) typed in full.
 */

/** The longest query accepted: longer than any name, reference or UCI, short enough to bound the work. */
export const SEARCH_MAX_LENGTH = 100;
/** At most this many words of a name are matched (the rest are ignored): each word is one condition. */
export const SEARCH_MAX_WORDS = 5;
/** The results shown: a search narrows, it does not list a caseload. More than this says "refine the search". */
export const SEARCH_LIMIT = 50;

/**
 * The query string's `q`: trimmed, at most SEARCH_MAX_LENGTH characters, no control characters. Absent or blank is
 * "no search" (the page shows nothing); the errors are message keys of the catalogue (lib/action-result.ts).
 */
export const searchQuerySchema = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .refine((text) => !hasControlCharacters(text, { multiline: false }), { message: "controlCharacters", abort: true })
  .refine((text) => text.length <= SEARCH_MAX_LENGTH, { message: "tooLong" });

export type ParsedSearch = {
  /** The query as typed (trimmed): compared with a client identifier in full. */
  text: string;
  /** Words of a name, lower case and without accents, LIKE wildcards escaped: each must occur in the name. */
  nameWords: string[];
  /** The query as a reference prefix: upper case, LIKE wildcards escaped; null when it cannot be one (a space). */
  referencePrefix: string | null;
};

/** Letters that unaccent folds but Unicode decomposition does not (it has no accent to strip). */
const FOLDED: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ł: "l", ð: "d", þ: "th", ı: "i" };

/** Lower case without accents, as the database's f_unaccent(lower(…)) reads a name (migration search_index). */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øæœßđłðþı]/g, (letter) => FOLDED[letter] ?? letter);
}

/** A LIKE pattern's literal: the wildcards and the escape character itself are escaped (ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A validated query as the three matches; null when there is nothing to search (blank). */
export function parseSearch(text: string): ParsedSearch | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const nameWords = [
    ...new Set(
      foldText(trimmed)
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ]
    .slice(0, SEARCH_MAX_WORDS)
    .map(escapeLike);
  const referencePrefix = /\s/.test(trimmed) ? null : escapeLike(trimmed.toUpperCase());
  return { text: trimmed, nameWords, referencePrefix };
}
