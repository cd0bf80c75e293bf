import "server-only";
import { hkdf } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

/**
 * The session cookie's token, read as next-auth 4's `decode` reads it (next-auth/jwt: an A256GCM JWE whose key is
 * derived from the secret by HKDF-SHA256, 15 s of clock tolerance), with the derived key kept per process: next-auth
 * derives it again on every call, which the profile showed on every signed-in request (hkdf, 1 to 2% of the CPU).
 * The key depends on the secret alone, so one per secret is what next-auth would derive each time; nothing about a
 * request or a user is kept. tests/unit/session-token.test.ts checks it against next-auth's own encode and decode.
 */
const keys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string): Promise<Uint8Array> {
  let key = keys.get(secret);
  if (!key) {
    // next-auth's getDerivedEncryptionKey with its default (empty) salt.
    key = new Promise<Uint8Array>((resolve, reject) =>
      hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32, (error, derived) => (error ? reject(error) : resolve(new Uint8Array(derived)))),
    );
    keys.set(secret, key);
  }
  return key;
}

/** The token's claims, or a rejection when it is not a valid, unexpired token sealed with this secret. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret), { clockTolerance: 15 });
  return payload;
}
