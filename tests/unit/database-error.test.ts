import { describe, expect, it } from "vitest";
import { DatabaseError, databaseErrorLogLine, normalizeDatabaseError } from "@/lib/database-error";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";

const REQUEST = "0b8c3d2e-1111-4222-8333-444455556666";

function prismaError(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}

describe("normalising database errors", () => {
  it("keeps Prisma's code and the SQLSTATE, drops the message and the driver's text", () => {
    const original = prismaError("PrismaClientKnownRequestError", "Invalid `prisma.detainee.create()` invocation: givenName: \"Amina\"", {
      code: "P2039",
      meta: { modelName: "Detainee", driverAdapterError: { cause: { originalCode: "22021", originalMessage: "invalid byte sequence", message: "Amina" } } },
    });
    const safe = normalizeDatabaseError(original, REQUEST);
    expect(safe).toBeInstanceOf(DatabaseError);
    expect(safe).toMatchObject({ code: "P2039", sqlState: "22021", requestId: REQUEST, meta: { modelName: "Detainee" } });
    expect(`${safe.message} ${JSON.stringify(safe)}`).not.toMatch(/Amina|invocation|invalid byte/);
    expect(databaseErrorLogLine(safe)).toBe(`database error code=P2039 sqlstate=22021 request=${REQUEST}`);
  });

  it("names a validation error PRISMA_VALIDATION", () => {
    const safe = normalizeDatabaseError(prismaError("PrismaClientValidationError", "Invalid `prisma.x()` invocation: dateOfBirth: new Date(\"Invalid Date\")"), REQUEST);
    expect(safe.code).toBe("PRISMA_VALIDATION");
    expect(safe.message).not.toMatch(/invocation|dateOfBirth/);
  });

  it("keeps a unique violation's constraint name, never its values", () => {
    const safe = normalizeDatabaseError(
      prismaError("PrismaClientKnownRequestError", "Unique constraint failed", { code: "P2002", meta: { modelName: "Detainee", driverAdapterError: { cause: { originalCode: "23505", constraint: { fields: ["clientId"] }, originalMessage: "Key (clientId)=(UCI-1) exists" } } } }),
      REQUEST,
    );
    expect(safe).toMatchObject({ code: "P2002", sqlState: "23505", meta: { modelName: "Detainee", constraint: { fields: ["clientId"] } } });
    expect(JSON.stringify(safe)).not.toContain("UCI-1");
  });

  it("an outage stays an outage (lib/database-unavailable.ts), and a bug does not become one", () => {
    const down = prismaError("PrismaClientKnownRequestError", "Can't reach database server", { code: "P1001", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } });
    expect(isDatabaseUnavailable(normalizeDatabaseError(down, REQUEST))).toBe(true);
    const cut = new Error("Connection terminated unexpectedly");
    expect(isDatabaseUnavailable(normalizeDatabaseError(cut, REQUEST))).toBe(true);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(normalizeDatabaseError(refused, REQUEST)).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(normalizeDatabaseError(prismaError("PrismaClientValidationError", "bad"), REQUEST))).toBe(false);
  });

  it("a code that is not a code is not copied into the log", () => {
    const safe = normalizeDatabaseError(Object.assign(new Error("x"), { code: "Amina Diallo\nforged line" }), REQUEST);
    expect(safe.code).toBe("UNKNOWN");
    expect(normalizeDatabaseError(safe, "other")).toBe(safe);
  });
});
