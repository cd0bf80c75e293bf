/**
 * Whether an error means the database cannot be reached (down, restarting, network cut), as opposed to a
 * bug or bad input. Such errors get a plain "service unavailable" answer; nothing was written.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting up).
const SQLSTATE = /^(08\d{3}|57P0[1-3])$/;
// Prisma's own codes for an unreachable database or a closed connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const MESSAGES = /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|server closed the connection|Can't reach database server|DatabaseNotReachable|ConnectionClosed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) {
      if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
    }
    if (typeof candidate.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(candidate.kind)) return true;
    if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
