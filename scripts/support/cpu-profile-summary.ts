/**
 * Summary of a V8 CPU profile (the .cpuprofile JSON that `node --cpu-prof` writes), for `npm run bench -- --profile`:
 * the functions that spent the most time on the CPU themselves (self time), aggregated by function name and source
 * location, optionally restricted to a window of the profile's clock (one page's load).
 *
 * Self time comes from the samples: sample i hit node samples[i] and was taken timeDeltas[i] microseconds after the
 * previous one; that interval is the time attributed to it (the sampling interval, about 1 ms). A profile without
 * samples falls back to each node's hitCount times the mean interval. "(idle)" is time the process waited (the event
 * loop had nothing to do): it is reported apart and left out of the percentages, which are of the busy time.
 *
 * The profile's timestamps are microseconds of the monotonic clock, the one process.hrtime.bigint() reads in any
 * process of the same machine, so the bench can name a window from its own clock.
 */

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type ProfileRow = { functionName: string; location: string; selfMs: number; percent: number };
export type ProfileSummary = { rows: ProfileRow[]; busyMs: number; idleMs: number; samples: number };

/** A window of the profile's clock, in microseconds (process.hrtime.bigint() / 1000n). */
export type ProfileWindow = { fromUs: number; toUs: number };

/** The location of a script as printed: relative to the repository when under it; lines counted from 1. */
export function shortLocation(url: string, lineNumber: number, root = ""): string {
  if (!url) return "";
  let file = url.startsWith("file://") ? decodeURIComponent(url.slice("file://".length)) : url;
  if (root && file.startsWith(`${root}/`)) file = file.slice(root.length + 1);
  return lineNumber >= 0 ? `${file}:${lineNumber + 1}` : file;
}

const IGNORED = new Set(["(root)", "(idle)"]);

/** Self time per function and location, the top `top` by self time, over the whole profile or within `window`. */
export function summarizeProfile(profile: CpuProfile, options: { top?: number; window?: ProfileWindow; root?: string } = {}): ProfileSummary {
  const top = options.top ?? 25;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let sampleCount = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    let at = profile.startTime;
    for (let i = 0; i < samples.length; i += 1) {
      at += deltas[i]!;
      if (options.window && (at < options.window.fromUs || at > options.window.toUs)) continue;
      selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + Math.max(0, deltas[i]!));
      sampleCount += 1;
    }
  } else {
    // No samples (an older or trimmed profile): hit counts times the mean interval; a window cannot apply.
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const interval = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
    for (const node of profile.nodes) if (node.hitCount) selfUs.set(node.id, node.hitCount * interval);
    sampleCount = hits;
  }

  const aggregated = new Map<string, { functionName: string; location: string; us: number }>();
  let busyUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    if (IGNORED.has(frame.functionName)) continue;
    busyUs += us;
    const functionName = frame.functionName || "(anonymous)";
    const location = shortLocation(frame.url, frame.lineNumber, options.root);
    const key = `${functionName}\u0000${location}`;
    const entry = aggregated.get(key) ?? { functionName, location, us: 0 };
    entry.us += us;
    aggregated.set(key, entry);
  }
  const rows = [...aggregated.values()]
    .sort((a, b) => b.us - a.us || a.functionName.localeCompare(b.functionName))
    .slice(0, top)
    .map((entry) => ({ functionName: entry.functionName, location: entry.location, selfMs: entry.us / 1000, percent: busyUs > 0 ? (100 * entry.us) / busyUs : 0 }));
  return { rows, busyMs: busyUs / 1000, idleMs: idleUs / 1000, samples: sampleCount };
}

/** The summary as printed lines: self ms, share of busy time, function, location. */
export function formatProfileSummary(title: string, summary: ProfileSummary): string[] {
  const lines = [`${title}: ${summary.busyMs.toFixed(0)} ms busy, ${summary.idleMs.toFixed(0)} ms idle, ${summary.samples} samples`, "  self ms      %  function (location)"];
  for (const row of summary.rows) {
    const where = row.location ? ` (${row.location})` : "";
    lines.push(`  ${row.selfMs.toFixed(1).padStart(7)}  ${row.percent.toFixed(1).padStart(5)}  ${row.functionName}${where}`);
  }
  return lines;
}
