import type { Server } from "node:http";

/**
 * On SIGTERM or SIGINT: stop accepting connections, let Next close, then exit (within 5 s at the latest: open keep-alive
 * connections must not hold the process). Exiting through process.exit also lets `node --cpu-prof` write its profile.
 */
export function stopOnSignals(server: Server, app: { close: () => Promise<void> }): void {
  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
