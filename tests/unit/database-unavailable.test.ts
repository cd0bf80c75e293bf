import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";

describe("recognising an unreachable database", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a connection cut mid-query", new Error("Connection terminated unexpectedly")],
    ["a server shutting down (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a connection failure (08006)", Object.assign(new Error("x"), { code: "08006" })],
    ["Prisma's unreachable-database code", Object.assign(new Error("x"), { code: "P1001" })],
    ["a driver adapter error wrapping the cause", Object.assign(new Error("adapter"), { cause: Object.assign(new Error("inner"), { code: "ECONNRESET" }) })],
    ["a driver adapter error of kind DatabaseNotReachable", Object.assign(new Error("adapter"), { cause: { kind: "DatabaseNotReachable" } })],
  ])("%s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a syntax error (42601)", Object.assign(new Error("syntax error"), { code: "42601" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
    ["a self-referencing cause", (() => { const e: Error & { cause?: unknown } = new Error("loop"); e.cause = e; return e; })()],
  ])("%s is not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
