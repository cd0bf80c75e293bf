import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-a-test-secret-a-test-secret";

// The session cookie is written by next-auth (encode, at sign-in) and read on every request by decodeSessionToken,
// which keeps the derived key per process instead of deriving it per call: it must read exactly what next-auth's
// decode reads, and refuse what it refuses.
describe("reading the session token with a key derived once per process", () => {
  it("reads a token next-auth wrote, as next-auth's decode does", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret: SECRET });
    const ours = await decodeSessionToken(token, SECRET);
    expect(ours).toEqual(await decode({ token, secret: SECRET }));
    expect(ours.sid).toBe("session-1");
    // Again, with the key now cached.
    expect((await decodeSessionToken(token, SECRET)).sid).toBe("session-1");
  });

  it("refuses a token sealed with another secret, altered, or expired", async () => {
    const token = await encode({ token: { sid: "session-2" }, secret: SECRET });
    await expect(decodeSessionToken(token, `${SECRET}-other`)).rejects.toThrow();
    const parts = token.split(".");
    const ciphertext = parts[3]!;
    const middle = Math.floor(ciphertext.length / 2);
    parts[3] = `${ciphertext.slice(0, middle)}${ciphertext[middle] === "A" ? "B" : "A"}${ciphertext.slice(middle + 1)}`;
    const altered = parts.join(".");
    await expect(decodeSessionToken(altered, SECRET)).rejects.toThrow();
    const expired = await encode({ token: { sid: "session-3" }, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken(expired, SECRET)).rejects.toThrow();
    await expect(decode({ token: expired, secret: SECRET })).rejects.toThrow();
  });

  it("keeps one key per secret: a second secret reads its own tokens", async () => {
    const other = `${SECRET}-rotated`;
    const token = await encode({ token: { sid: "session-4" }, secret: other });
    expect((await decodeSessionToken(token, other)).sid).toBe("session-4");
    await expect(decodeSessionToken(token, SECRET)).rejects.toThrow();
  });
});
