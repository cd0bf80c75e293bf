/**
 * Pure arithmetic of `npm run bench` (scripts/bench.ts), kept apart so it is unit-tested: percentiles, the open-loop
 * arrival schedule, and the CPU time of a process read from /proc/<pid>/stat.
 */

/** The p-th percentile (0 < p ≤ 100) of ascending values, by nearest rank: the smallest value with p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number };

export function latencySummary(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export type Arrival = { atMs: number; target: number };

/**
 * An open-loop schedule: `rate` requests per second for `seconds`, evenly spaced (the i-th at i / rate s), spread
 * round-robin over `targets` targets. Each request is due at its time whether or not earlier ones have returned, so
 * a slow server makes requests wait instead of making fewer of them (a closed loop hides exactly that wait).
 */
export function openLoopSchedule(rate: number, seconds: number, targets: number): Arrival[] {
  if (!(rate > 0) || !(seconds > 0) || targets < 1) return [];
  const total = Math.floor(rate * seconds);
  return Array.from({ length: total }, (_, i) => ({ atMs: (i * 1000) / rate, target: i % targets }));
}

export type ProcStat = { pid: number; ppid: number; cpuTicks: number };

/**
 * One /proc/<pid>/stat line: its pid, parent pid and CPU time in clock ticks (utime + stime of the process, plus
 * cutime + cstime of the children it has waited for, so a worker that exited still counts). The command name (field
 * 2) is in parentheses and may itself hold spaces or parentheses: fields are counted after the last ")".
 */
export function parseProcStat(line: string): ProcStat | null {
  const close = line.lastIndexOf(")");
  if (close < 0) return null;
  const pid = Number(line.slice(0, line.indexOf(" ")));
  // After ")": state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17); index 0 here is field 3.
  const fields = line.slice(close + 2).trim().split(/\s+/);
  const ppid = Number(fields[1]);
  const ticks = [11, 12, 13, 14].map((index) => Number(fields[index]));
  if (!Number.isFinite(pid) || !Number.isFinite(ppid) || ticks.some((tick) => !Number.isFinite(tick))) return null;
  return { pid, ppid, cpuTicks: ticks.reduce((sum, tick) => sum + tick, 0) };
}

/** The CPU ticks of `root` and every process descended from it, from all processes' stats. */
export function treeCpuTicks(stats: readonly ProcStat[], root: number): { ticks: number; processes: number } {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const self = stats.find((stat) => stat.pid === root);
  if (!self) return { ticks: 0, processes: 0 };
  let ticks = 0;
  let processes = 0;
  const queue = [self];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    ticks += stat.cpuTicks;
    processes += 1;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return { ticks, processes };
}
