import { isIP } from "node:net";

/**
 * The client's network address, as the app's own server (scripts/support/app-server.ts) finds it.
 *
 * `next start` cannot be trusted with this: it fills `x-forwarded-for` from the socket only when the header is
 * absent (`??=` in next/dist/server/base-server.js), so a header sent by the client is passed on as if it were
 * the socket's, and the sign-in throttle keyed on it could be escaped by changing it on every attempt. The app
 * server therefore removes any incoming CLIENT_ADDRESS_HEADER and writes its own from the socket (or from the
 * configured trusted proxy hops), and marks the process with SERVED_BY_APP_SERVER so that sign-in knows the
 * header is the server's and not the client's.
 */
export const CLIENT_ADDRESS_HEADER = "x-liaison-client-address";

/** Set in the process environment by the app server itself before Next starts; never by configuration. */
export const SERVED_BY_APP_SERVER = "LIAISON_APP_SERVER";

function normalise(address: string | undefined | null): string | null {
  if (!address) return null;
  let candidate = address.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:443" from some proxies: keep the address, not the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(":"));
  candidate = candidate.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(candidate);
  if (mapped) candidate = mapped[1]!;
  return isIP(candidate) ? candidate.toLowerCase() : null;
}

/**
 * With 0 trusted hops, the socket's address. With N hops (N reverse proxies of our own in front of the app, each
 * appending the address it received the request from), the Nth entry from the right of X-Forwarded-For: entries
 * further left were written by the client and prove nothing. When the header has fewer than N entries the request
 * did not come through the proxies, and only the socket's address is known for certain.
 */
export function clientAddress(socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined, trustedHops: number): string | null {
  const socket = normalise(socketAddress);
  if (trustedHops <= 0) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length < trustedHops) return socket;
  return normalise(entries[entries.length - trustedHops]) ?? socket;
}

/**
 * The part of an address that throttling counts by. IPv4: the address. IPv6: its /64, since one subscriber is
 * usually given a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function throttlingAddress(address: string): string {
  const normalised = normalise(address) ?? address;
  if (isIP(normalised) !== 6) return normalised;
  const [head = "", tail = ""] = normalised.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = normalised.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = normalised.includes("::") ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
