import { describe, expect, it } from "vitest";
import { formatProfileSummary, shortLocation, summarizeProfile, type CpuProfile } from "@/scripts/support/cpu-profile-summary";

// A hand-written profile: render (two call sites of the same function), escape, GC and idle.
const frame = (functionName: string, url = "", lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: "1" });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), hitCount: 0, children: [2, 3, 4, 6] },
    { id: 2, callFrame: frame("(idle)"), hitCount: 3 },
    { id: 3, callFrame: frame("(garbage collector)"), hitCount: 1 },
    { id: 4, callFrame: frame("render", "file:///repo/app/page.js", 9), hitCount: 2, children: [5] },
    { id: 5, callFrame: frame("escape", "file:///repo/node_modules/react/x.js", 99), hitCount: 1 },
    { id: 6, callFrame: frame("", "file:///repo/app/layout.js", 0), hitCount: 1, children: [7] },
    { id: 7, callFrame: frame("render", "file:///repo/app/page.js", 9), hitCount: 1 },
  ],
  startTime: 1_000_000,
  endTime: 1_009_000,
  // Sample i is taken timeDeltas[i] µs after the previous one, at 1,001,000 … 1,009,000.
  samples: [2, 4, 4, 5, 7, 3, 6, 2, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("summarizeProfile", () => {
  it("ranks functions by self time, merging nodes of the same function and location, idle apart", () => {
    const summary = summarizeProfile(profile, { root: "/repo" });
    expect(summary.idleMs).toBe(3);
    expect(summary.busyMs).toBe(6);
    expect(summary.samples).toBe(9);
    expect(summary.rows).toEqual([
      { functionName: "render", location: "app/page.js:10", selfMs: 3, percent: 50 },
      { functionName: "(anonymous)", location: "app/layout.js:1", selfMs: 1, percent: (100 * 1) / 6 },
      { functionName: "(garbage collector)", location: "", selfMs: 1, percent: (100 * 1) / 6 },
      { functionName: "escape", location: "node_modules/react/x.js:100", selfMs: 1, percent: (100 * 1) / 6 },
    ]);
  });

  it("keeps only the top N", () => {
    expect(summarizeProfile(profile, { top: 1 }).rows.map((row) => row.functionName)).toEqual(["render"]);
  });

  it("restricts to a window of the profile's clock", () => {
    // Samples at 1,002,000 … 1,004,000: render, render, escape.
    const summary = summarizeProfile(profile, { root: "/repo", window: { fromUs: 1_002_000, toUs: 1_004_000 } });
    expect(summary.samples).toBe(3);
    expect(summary.rows.map((row) => [row.functionName, row.selfMs])).toEqual([
      ["render", 2],
      ["escape", 1],
    ]);
  });

  it("falls back to hit counts when the profile has no samples", () => {
    const { samples: _samples, timeDeltas: _deltas, ...withoutSamples } = profile;
    const summary = summarizeProfile(withoutSamples, { root: "/repo" });
    // 9 hits over 9 ms: 1 ms each.
    expect(summary.rows[0]).toEqual({ functionName: "render", location: "app/page.js:10", selfMs: 3, percent: 50 });
    expect(summary.idleMs).toBe(3);
  });

  it("prints one line per function", () => {
    const lines = formatProfileSummary("title", summarizeProfile(profile, { root: "/repo", top: 2 }));
    expect(lines[0]).toBe("title: 6 ms busy, 3 ms idle, 9 samples");
    expect(lines[2]).toContain("render (app/page.js:10)");
    expect(lines).toHaveLength(4);
  });
});

describe("shortLocation", () => {
  it("is relative to the root, lines from 1; built-ins and empty URLs as they are", () => {
    expect(shortLocation("file:///repo/.next/server/chunks/a%20b.js", 4, "/repo")).toBe(".next/server/chunks/a b.js:5");
    expect(shortLocation("node:internal/streams/readable", 247)).toBe("node:internal/streams/readable:248");
    expect(shortLocation("", -1)).toBe("");
  });
});
