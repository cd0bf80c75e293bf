import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

describe("password policy", () => {
  it.each([
    ["a passphrase of twelve characters or more", "river-lantern-oak", null],
    ["eleven characters", "abcdefghijk", "TOO_SHORT"],
    ["twelve characters counted as characters, not bytes", "éàçîôûëïüÿœæ", null],
    ["one character repeated", "aaaaaaaaaaaa", "REPETITIVE"],
    ["one accented character repeated", "éééééééééééé", "REPETITIVE"],
    ["a short unit repeated", "abcabcabcabc", "REPETITIVE"],
    ["a word repeated", "passpasspass", "REPETITIVE"],
    ["runs of repeats that leave too little", "aaaabbbbcccc1", "REPETITIVE"],
    ["letters in sequence", "abcdefghijkl", "SEQUENTIAL"],
    ["letters in reverse sequence", "zyxwvutsrqpo", "SEQUENTIAL"],
    ["digits in sequence, wrapping past 9 (and in the breached list)", "123456789012", "TOO_COMMON"],
    ["digits in sequence, not in the list", "345678901234", "SEQUENTIAL"],
    ["a sequence padded", "Abcdefgh2026!", "SEQUENTIAL"],
    ["a very common password", "password1234", "TOO_COMMON"],
    ["a common word padded with digits and symbols", "!!Password2026!!", "TOO_COMMON"],
    ["a common word in capitals", "QWERTYUIOP12", "TOO_COMMON"],
    ["the service's own name padded", "Liaison202620", "CONTAINS_CONTEXT"],
    ["the service's name with a short word", "Liaison-demo-2026", "CONTAINS_CONTEXT"],
    ["the e-mail's local part", "dana.whitfield-2026", "CONTAINS_CONTEXT"],
    ["a piece of the e-mail's local part", "Whitfield-2026-07", "CONTAINS_CONTEXT"],
    ["a long phrase that happens to contain a context word", "whitfield-lantern-quay-orchard", null],
    ["over 1024 characters", "x".repeat(1025), "TOO_LONG"],
  ])("%s", (_name, password, expected) => {
    expect(passwordProblem(password, "dana.whitfield@liaison.example")).toBe(expected);
  });

  it("uses the package's breached-password list, not a short hand-written one", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(40_000);
    for (const known of ["password", "123456", "qwerty", "iloveyou", "trustno1", "football"]) expect(COMMON_PASSWORDS.has(known)).toBe(true);
    // Entries of twelve characters or more from the list are refused as they are.
    const long = [...COMMON_PASSWORDS].filter((password) => [...password].length >= 12).slice(0, 50);
    expect(long.length).toBeGreaterThan(10);
    for (const password of long) expect(passwordProblem(password), password).not.toBeNull();
  });
});
