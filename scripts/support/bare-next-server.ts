/**
 * The server of the bench's floor (scripts/bench.ts): the bare Next.js app of bench/bare-next, production build,
 * served as Liaison is (scripts/support/app-server.ts): Next's request handler behind a plain Node HTTP server, one
 * process. Usage: tsx scripts/support/bare-next-server.ts --port 3411
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { stopOnSignals } from "./graceful-stop";

async function main() {
  const index = process.argv.indexOf("--port");
  const port = Number(index >= 0 ? process.argv[index + 1] : "3411");
  const hostname = "127.0.0.1";
  const app = next({ dev: false, dir: path.resolve(__dirname, "..", "..", "bench", "bare-next"), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.listen(port, hostname, () => console.log(`Bare Next.js page on http://${hostname}:${port}`));
  stopOnSignals(server, app);
}

main().catch(() => {
  console.error("bare-next-server: could not start");
  process.exit(1);
});
