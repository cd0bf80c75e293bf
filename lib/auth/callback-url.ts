/**
 * The one check for where a request may send the browser after sign-in (a `callbackUrl`, next-auth's redirect
 * target, the proxy's return path). Pure, for the server and the browser alike.
 *
 * Only a path on the app's own origin is returned, as path + query + fragment, or null. Why each rule:
 * - Control characters (U+0000-U+001F, U+007F) are refused in the raw value: URL parsers (and browsers) silently
 *   drop tab, LF and CR, so "/\t/evil.example/" passes a "starts with one slash" test yet is "//evil.example/",
 *   another host; and CR/LF in a Location header is a response-splitting attempt (Node refuses it with a 500).
 * - Backslashes are refused: browsers read "\" as "/" in http(s) URLs, so "/\evil.example" is "//evil.example".
 * - The value is resolved against the origin with the WHATWG URL parser (what the browser will do) and must keep
 *   that origin: "//evil", "https://evil.example" and "javascript:" all resolve elsewhere.
 * - A resolved path that starts with "//" is refused: dot segments normalise "/.//evil.example" to
 *   "//evil.example", which the browser would read as a host when sent as a relative Location.
 */
const CONTROL_OR_BACKSLASH = /[\u0000-\u001F\u007F\\]/;
// Longer than any real path of the app; a long value only serves to probe or to bloat headers.
const MAX_LENGTH = 2048;

export function safeCallbackPath(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) return null;
  if (CONTROL_OR_BACKSLASH.test(value)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  // Only a path the app serves: a relative value must be absolute-path ("/..."), not "cases" relative to wherever.
  if (!/^https?:\/\//i.test(value) && !value.startsWith("/")) return null;
  if (url.pathname.startsWith("//")) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return CONTROL_OR_BACKSLASH.test(path) ? null : path;
}
