import http from "node:http";
import { latencySummary, openLoopSchedule, type LatencySummary } from "./bench-stats";

/**
 * The open-loop driver of `npm run bench`: requests sent at a fixed rate whatever the server's speed, each one's
 * latency measured from the time it was due (not from when it could be sent), so a server that falls behind shows
 * the wait its users would see. Keep-alive sockets, enough of them that the driver never queues a request itself.
 */

export type OpenLoopTarget = { name: string; url: string; cookie?: string };
export type OpenLoopRow = LatencySummary & { name: string; errors: number };

const TIMEOUT_MS = 30_000;

function requestOnce(agent: http.Agent, target: OpenLoopTarget): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(target.url, { agent, headers: target.cookie ? { cookie: target.cookie } : {} }, (response) => {
      response.resume();
      response.on("end", () => resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300));
      response.on("error", () => resolve(false));
    });
    request.setTimeout(TIMEOUT_MS, () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve(false));
  });
}

/** Sends `rate` requests per second for `seconds`, round-robin over the targets; per target p50, p95, p99 and errors. */
export async function runOpenLoop(targets: readonly OpenLoopTarget[], rate: number, seconds: number): Promise<OpenLoopRow[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const schedule = openLoopSchedule(rate, seconds, targets.length);
  const latencies = targets.map(() => [] as number[]);
  const errors = targets.map(() => 0);
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (const arrival of schedule) {
    const wait = start + arrival.atMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const due = start + arrival.atMs;
    inFlight.push(
      requestOnce(agent, targets[arrival.target]!).then((ok) => {
        if (ok) latencies[arrival.target]!.push(performance.now() - due);
        else errors[arrival.target]! += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return targets.map((target, index) => ({ name: target.name, errors: errors[index]!, ...latencySummary(latencies[index]!) }));
}
