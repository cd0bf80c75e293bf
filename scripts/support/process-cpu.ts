import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parseProcStat, treeCpuTicks, type ProcStat } from "./bench-stats";

/**
 * CPU time of a server process and everything it spawned (cluster workers), from Linux's /proc, for `npm run bench`:
 * read before and after a load, the difference over the requests completed is the server's CPU per request.
 */

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (stat) stats.push(stat);
    } catch {
      // the process ended while the list was read
    }
  }
  return stats;
}

/** CPU milliseconds used so far by `pid` and its descendants, and how many processes that tree has; null off Linux. */
export function processTreeCpu(pid: number | undefined): { cpuMs: number; processes: number } | null {
  if (pid === undefined || process.platform !== "linux") return null;
  const { ticks, processes } = treeCpuTicks(allStats(), pid);
  if (processes === 0) return null;
  return { cpuMs: (ticks * 1000) / clockTicks(), processes };
}
