import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_HOURS, linkExpiresAt, passwordLinkPath, passwordLinkState, TOKEN_PATTERN } from "@/lib/password-links/rules";
import { hashLinkToken, newLinkToken } from "@/lib/password-links/token";

const issued = new Date("2026-11-30T15:00:00Z");
const hours = (n: number) => new Date(issued.getTime() + n * 3_600_000);

describe("how long a password link works", () => {
  it.each([
    ["NEW_ACCOUNT", 72, "2026-12-03T15:00:00.000Z"],
    ["RESET", 24, "2026-12-01T15:00:00.000Z"],
  ] as const)("a %s link lasts %i hours", (purpose, lifetime, expiry) => {
    expect(LINK_LIFETIME_HOURS[purpose]).toBe(lifetime);
    expect(linkExpiresAt(purpose, issued).toISOString()).toBe(expiry);
  });
});

describe("whether a password link can still set a password", () => {
  const expiresAt = hours(24);
  it.each([
    ["fresh", { usedAt: null, revokedAt: null }, hours(1), "USABLE"],
    ["a millisecond before expiry", { usedAt: null, revokedAt: null }, new Date(expiresAt.getTime() - 1), "USABLE"],
    ["at the instant of expiry", { usedAt: null, revokedAt: null }, expiresAt, "EXPIRED"],
    ["after expiry", { usedAt: null, revokedAt: null }, hours(30), "EXPIRED"],
    ["used once already", { usedAt: hours(1), revokedAt: null }, hours(2), "USED"],
    ["used, and since expired (used says it)", { usedAt: hours(1), revokedAt: null }, hours(30), "USED"],
    ["replaced by a newer link", { usedAt: null, revokedAt: hours(1) }, hours(2), "REVOKED"],
  ] as const)("%s", (_label, link, now, state) => {
    expect(passwordLinkState({ expiresAt, ...link }, now)).toBe(state);
  });
});

describe("password link tokens", () => {
  it("are 32 random bytes in base64url, stored only as their SHA-256", () => {
    const first = newLinkToken();
    const second = newLinkToken();
    expect(first.token).toMatch(TOKEN_PATTERN);
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toBe(hashLinkToken(first.token));
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).not.toContain(first.token);
  });

  it.each(["", "short", `${"a".repeat(43)}=`, `${"a".repeat(42)}/`, "a".repeat(44)])("refuses the malformed token %j before any lookup", (token) => {
    expect(TOKEN_PATTERN.test(token)).toBe(false);
  });

  it("puts the token in the fragment, which browsers never send to a server", () => {
    expect(passwordLinkPath("abc")).toBe("/set-password#abc");
  });
});
