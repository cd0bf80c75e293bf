import { afterAll, describe, expect, inject, it, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
const { db } = await import("@/lib/db");
const { DatabaseError } = await import("@/lib/database-error");
const { isDatabaseUnavailable } = await import("@/lib/database-unavailable");

const PERSON = { givenName: "Zéphyrine", familyName: "Okonkwo-Lindqvist", clientId: "UCI-8675309" };

afterAll(async () => {
  await db().$disconnect();
});

/** Runs `work`, which must fail, and returns the error and every line the data layer logged meanwhile. */
async function failure(work: () => Promise<unknown>): Promise<{ error: unknown; logged: string }> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await work();
    throw new Error("expected the call to fail");
  } catch (error) {
    return { error, logged: spy.mock.calls.map((call) => call.map(String).join(" ")).join("\n") };
  } finally {
    spy.mockRestore();
  }
}

function expectNoData(error: unknown, logged: string) {
  expect(error).toBeInstanceOf(DatabaseError);
  const text = `${String(error)}\n${(error as Error).stack}\n${JSON.stringify(error)}\n${logged}`;
  for (const value of Object.values(PERSON)) expect(text).not.toContain(value);
  expect(text).not.toMatch(/invocation|Invalid `|givenName|Message: `/);
  expect((error as { cause?: unknown }).cause).toBeUndefined();
  expect(logged).toMatch(/^database error code=[A-Z0-9_]+( sqlstate=\w+)? request=[0-9a-f-]{36}$/);
}

describe("database errors leave the data layer as codes, never with the call's arguments", () => {
  it("an invalid date (Prisma's validation error quotes the whole call)", async () => {
    const { error, logged } = await failure(() =>
      db().detainee.create({ data: { ...PERSON, dateOfBirth: new Date("1990-13-01"), gender: "FEMALE", languages: ["Lingala"], citizenship: "COD" } }),
    );
    expectNoData(error, logged);
    expect((error as InstanceType<typeof DatabaseError>).code).toBe("PRISMA_VALIDATION");
  });

  it("NUL in a text (PostgreSQL 22021), inside an interactive transaction too", async () => {
    const { error, logged } = await failure(() =>
      db().$transaction(async (tx) => {
        await tx.detainee.create({ data: { ...PERSON, givenName: `${PERSON.givenName}\u0000`, dateOfBirth: new Date("1990-01-01"), gender: "FEMALE", languages: ["Lingala"], citizenship: "COD" } });
      }),
    );
    expectNoData(error, logged);
    expect((error as InstanceType<typeof DatabaseError>).sqlState).toBe("22021");
  });

  it("a raw query's error", async () => {
    const { error, logged } = await failure(() => db().$queryRawUnsafe("SELECT $1::text AS name", `${PERSON.familyName}\u0000`));
    expectNoData(error, logged);
  });

  it("a unique violation keeps its code and the constraint's name, so callers still tell it apart", async () => {
    const organization = { kind: "CBSA_OFFICE" as const, name: `Errors test office ${Date.now()}`, region: "Test" };
    await db().organization.create({ data: organization });
    const { error, logged } = await failure(() => db().organization.create({ data: organization }));
    expectNoData(error, logged);
    expect(error).toMatchObject({ code: "P2002", meta: { modelName: "Organization" } });
    expect(JSON.stringify((error as { meta: unknown }).meta)).toContain("name");
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
