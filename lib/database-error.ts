import { isDatabaseUnavailable } from "@/lib/database-unavailable";

/**
 * What leaves the data layer when the database refuses a call. Prisma's errors carry the call's arguments in their
 * message ("Invalid `prisma.detainee.create()` invocation … givenName: …") and the driver's error text in `meta`;
 * Next.js prints an uncaught error's message to the server log, so one bad date put a person's name, languages and
 * UCI in the log. This error carries only codes and a request id, never text from the database or the call: the log
 * must hold no personal data (PIPEDA principle 4.7, safeguards; Privacy Act s.8 for CBSA's records).
 *
 * Kept: `code` (Prisma's P-code, the driver's SQLSTATE or network code, or PRISMA_VALIDATION …) so callers can
 * still tell a unique violation (P2002) apart; `meta` reduced to the model and the constraint's name (schema names,
 * no values) so they can tell which unique index; and `kind` DatabaseNotReachable for an outage, so
 * lib/database-unavailable.ts still answers "service unavailable".
 */
export class DatabaseError extends Error {
  readonly code: string;
  readonly sqlState: string | null;
  readonly requestId: string;
  readonly meta: { modelName?: string; constraint?: unknown };
  readonly kind: string | undefined;

  constructor(fields: { code: string; sqlState: string | null; requestId: string; meta: DatabaseError["meta"]; unavailable: boolean }) {
    super(`Database error ${fields.code}${fields.sqlState ? ` (SQLSTATE ${fields.sqlState})` : ""}, request ${fields.requestId}`);
    this.name = "DatabaseError";
    this.code = fields.code;
    this.sqlState = fields.sqlState;
    this.requestId = fields.requestId;
    this.meta = fields.meta;
    this.kind = fields.unavailable ? "DatabaseNotReachable" : undefined;
  }
}

type Loose = { name?: unknown; code?: unknown; errorCode?: unknown; meta?: unknown; cause?: unknown; constructor?: { name?: unknown } };

const CODE = /^[A-Z0-9_]{1,40}$/;

function safeCode(value: unknown): string | null {
  return typeof value === "string" && CODE.test(value) ? value : null;
}

/** The driver adapter's cause inside a Prisma error's meta (Prisma 7 with @prisma/adapter-pg). */
function adapterCause(error: Loose): Record<string, unknown> | null {
  const meta = error.meta as { driverAdapterError?: { cause?: unknown } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  return cause && typeof cause === "object" ? (cause as Record<string, unknown>) : null;
}

function errorName(error: Loose): string {
  const name = typeof error.name === "string" ? error.name : "";
  const constructorName = typeof error.constructor?.name === "string" ? error.constructor.name : "";
  return name.startsWith("Prisma") ? name : constructorName;
}

/** The code an error is known by: Prisma's, else the driver's, else the kind of Prisma error. */
export function databaseErrorCode(error: unknown): { code: string; sqlState: string | null } {
  if (!error || typeof error !== "object") return { code: "UNKNOWN", sqlState: null };
  const loose = error as Loose;
  const cause = adapterCause(loose);
  const sqlState = safeCode(cause?.originalCode) ?? safeCode(cause?.code) ?? (/^[0-9A-Z]{5}$/.test(String(loose.code ?? "")) ? String(loose.code) : null);
  const known = safeCode(loose.code) ?? safeCode(loose.errorCode);
  if (known) return { code: known, sqlState };
  const name = errorName(loose);
  if (name === "PrismaClientValidationError") return { code: "PRISMA_VALIDATION", sqlState };
  if (name === "PrismaClientInitializationError") return { code: "PRISMA_INITIALIZATION", sqlState };
  if (name === "PrismaClientRustPanicError") return { code: "PRISMA_PANIC", sqlState };
  if (name === "PrismaClientUnknownRequestError") return { code: sqlState ?? "PRISMA_UNKNOWN", sqlState };
  return { code: sqlState ?? "UNKNOWN", sqlState };
}

/** The error to throw instead of `error`; already normalised errors pass through unchanged. */
export function normalizeDatabaseError(error: unknown, requestId: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const { code, sqlState } = databaseErrorCode(error);
  const loose = (error && typeof error === "object" ? error : {}) as Loose;
  const meta = loose.meta as { modelName?: unknown } | undefined;
  const cause = adapterCause(loose);
  return new DatabaseError({
    code,
    sqlState,
    requestId,
    meta: {
      ...(typeof meta?.modelName === "string" ? { modelName: meta.modelName } : {}),
      ...(cause?.constraint !== undefined ? { constraint: cause.constraint } : {}),
    },
    unavailable: isDatabaseUnavailable(error),
  });
}

/** The one log line for a database error: codes and the request id, no message text. */
export function databaseErrorLogLine(error: DatabaseError): string {
  return `database error code=${error.code}${error.sqlState ? ` sqlstate=${error.sqlState}` : ""} request=${error.requestId}`;
}
