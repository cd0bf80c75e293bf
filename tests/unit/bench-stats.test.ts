import { describe, expect, it } from "vitest";
import { latencySummary, openLoopSchedule, parseProcStat, percentile, treeCpuTicks } from "@/scripts/support/bench-stats";

describe("percentile (nearest rank)", () => {
  it("is the smallest value with p% of the values at or below it", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it("works on few values and on none", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises unsorted latencies", () => {
    expect(latencySummary([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40 });
  });
});

describe("openLoopSchedule", () => {
  it("spaces rate × seconds arrivals evenly and deals them round-robin", () => {
    const schedule = openLoopSchedule(15, 2, 4);
    expect(schedule).toHaveLength(30);
    expect(schedule[0]).toEqual({ atMs: 0, target: 0 });
    expect(schedule[1]!.atMs).toBeCloseTo(1000 / 15);
    expect(schedule.slice(0, 6).map((arrival) => arrival.target)).toEqual([0, 1, 2, 3, 0, 1]);
    expect(schedule.at(-1)!.atMs).toBeLessThan(2000);
    // Each target gets its share within one.
    const counts = [0, 1, 2, 3].map((target) => schedule.filter((arrival) => arrival.target === target).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("is empty for no rate, no time or no targets", () => {
    expect(openLoopSchedule(0, 30, 3)).toEqual([]);
    expect(openLoopSchedule(15, 0, 3)).toEqual([]);
    expect(openLoopSchedule(15, 30, 0)).toEqual([]);
  });
});

describe("CPU time from /proc/<pid>/stat", () => {
  // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
  const line = (pid: number, name: string, ppid: number, utime: number, stime: number, cutime = 0, cstime = 0) =>
    `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 4000 1000 100`;

  it("reads the pid, parent and utime + stime + cutime + cstime, whatever the command name holds", () => {
    expect(parseProcStat(line(42, "node", 1, 150, 30, 5, 2))).toEqual({ pid: 42, ppid: 1, cpuTicks: 187 });
    expect(parseProcStat(line(43, "odd) name (x", 42, 10, 0))).toEqual({ pid: 43, ppid: 42, cpuTicks: 10 });
    expect(parseProcStat("garbage")).toBeNull();
  });

  it("sums a process and all its descendants, not its siblings", () => {
    const stats = [line(1, "init", 0, 999, 0), line(10, "node", 1, 100, 20), line(11, "worker", 10, 50, 5), line(12, "worker", 10, 40, 4), line(13, "child", 11, 1, 1), line(20, "other", 1, 500, 0)].map((text) => parseProcStat(text)!);
    expect(treeCpuTicks(stats, 10)).toEqual({ ticks: 100 + 20 + 55 + 44 + 2, processes: 4 });
    expect(treeCpuTicks(stats, 99)).toEqual({ ticks: 0, processes: 0 });
  });
});
