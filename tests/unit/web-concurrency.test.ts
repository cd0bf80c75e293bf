import { describe, expect, it } from "vitest";
import { webConcurrency } from "@/scripts/support/web-concurrency";
import { restartDelayMs } from "@/scripts/support/worker-restarts";

describe("how many worker processes serve (WEB_CONCURRENCY)", () => {
  it.each([
    { name: "unset: one per core", value: undefined, cores: 4, expected: 4 },
    { name: "empty: one per core", value: "", cores: 2, expected: 2 },
    { name: "a number: that many", value: "2", cores: 8, expected: 2 },
    { name: "more than the cores: as asked", value: "3", cores: 2, expected: 3 },
    { name: "spaces around the number are forgiven", value: " 2 ", cores: 8, expected: 2 },
    { name: "no core reported: still one", value: undefined, cores: 0, expected: 1 },
  ])("$name", ({ value, cores, expected }) => {
    expect(webConcurrency(value, cores)).toBe(expected);
  });

  it.each(["0", "-1", "1.5", "two", "2x", "1e2", "0x2"])("refuses %j, naming the variable", (value) => {
    expect(() => webConcurrency(value, 2)).toThrow(/^WEB_CONCURRENCY must be a positive whole number/);
  });
});

describe("the wait before a worker that died is restarted", () => {
  it.each([
    { crashes: 1, expected: 1_000 },
    { crashes: 2, expected: 2_000 },
    { crashes: 3, expected: 4_000 },
    { crashes: 5, expected: 16_000 },
    { crashes: 6, expected: 30_000 },
    { crashes: 1_000, expected: 30_000 },
  ])("after $crashes death(s) in a row: $expected ms", ({ crashes, expected }) => {
    expect(restartDelayMs(crashes)).toBe(expected);
  });
});
