/** The header proxy.ts sets on every request it sees, replacing whatever a client sent. Pure: proxy, instrumentation and data layer share it. */
export const REQUEST_ID_HEADER = "x-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request id only if it has the shape proxy.ts gives: a client's header on a route the proxy skips is not trusted. */
export function validRequestId(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}
