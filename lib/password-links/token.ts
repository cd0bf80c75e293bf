import { createHash, randomBytes } from "node:crypto";

/**
 * Password-link tokens are bearer secrets: only their SHA-256 is stored (PasswordLink.tokenHash), so a copy of the
 * database does not hand out working links. 32 random bytes make guessing futile, and a fast hash is enough for a
 * secret with that much entropy (unlike a password).
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
