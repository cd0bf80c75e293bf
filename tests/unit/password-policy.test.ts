import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it.each([
    ["a passphrase of twelve characters or more", "river-lantern-oak", null],
    ["eleven characters", "abcdefghijk", "TOO_SHORT"],
    ["twelve characters counted as characters, not bytes", "éééééééééééé", null],
    ["a very common password", "password1234", "TOO_COMMON"],
    ["a common word padded with digits and symbols", "!!Password2026!!", "TOO_COMMON"],
    ["a common word in capitals", "QWERTYUIOP12", "TOO_COMMON"],
    ["the service's own name padded", "Liaison202620", "TOO_COMMON"],
    ["the e-mail's local part", "dana.whitfield-2026", "CONTAINS_EMAIL"],
    ["over 1024 characters", "x".repeat(1025), "TOO_LONG"],
  ])("%s", (_name, password, expected) => {
    expect(passwordProblem(password, "dana.whitfield@liaison.example")).toBe(expected);
  });
});
