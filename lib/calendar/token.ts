import { createHash, randomBytes } from "node:crypto";

/**
 * Feed tokens are bearer secrets in a URL: only their SHA-256 hash is stored (CalendarFeed.tokenHash),
 * so a database leak does not hand out working calendar addresses. 32 random bytes make guessing futile,
 * and a fast hash is enough for a secret with that much entropy (unlike a password).
 */
export function newFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashFeedToken(token) };
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function feedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}
