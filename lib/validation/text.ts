import { z } from "zod";

/**
 * Text fields refuse control characters. NUL cannot be stored in PostgreSQL text at all (SQLSTATE 22021, which
 * was a 500), and the other C0 controls (and DEL) are invisible: pasted into a name or a note they hide or garble
 * what the next reader sees, and in an export they can break the file. A field of several lines keeps tab, line
 * feed and carriage return; a one-line field (a name, a phone number) refuses those too, since its input cannot
 * have typed them. The message is the catalogue key `controlCharacters` (lib/action-result.ts).
 */
const SINGLE_LINE_CONTROLS = /[\u0000-\u001F\u007F]/;
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(text: string, options: { multiline: boolean }): boolean {
  return (options.multiline ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS).test(text);
}

/** A one-line text field, trimmed, at most `max` characters, without control characters. Blank passes: add `.min(1, "required")`. */
export function lineText(max: number) {
  return z
    .string({ message: "required" })
    .trim()
    .refine((text) => !hasControlCharacters(text, { multiline: false }), { message: "controlCharacters", abort: true })
    .max(max, "tooLong");
}

/** A field of several lines (a textarea): as lineText, but tab, line feed and carriage return are allowed. */
export function paragraphText(max: number) {
  return z
    .string({ message: "required" })
    .trim()
    .refine((text) => !hasControlCharacters(text, { multiline: true }), { message: "controlCharacters", abort: true })
    .max(max, "tooLong");
}

/** Optional text: absent or blank becomes null. */
export function optionalLineText(max: number) {
  return lineText(max)
    .optional()
    .transform((value) => (value ? value : null));
}

export function optionalParagraphText(max: number) {
  return paragraphText(max)
    .optional()
    .transform((value) => (value ? value : null));
}
