/**
 * The HTTP server that serves Liaison (npm start, npm run dev, the e2e and bench servers): Next's own request
 * handler behind a plain Node server that sets one header of ours from the socket.
 *
 * Why not `next start`: it fills `x-forwarded-for` from the socket only when the client did not send one, so a
 * client-sent header cannot be told from the real address, and a throttle keyed on it can be escaped by sending a
 * new one each time. Here every request's CLIENT_ADDRESS_HEADER is removed and rewritten from the socket (or, behind
 * TRUSTED_PROXY_HOPS reverse proxies of our own, from the entry those proxies wrote), before Next sees it. Cost: one
 * header per request, in the same process.
 *
 * Usage: tsx scripts/support/app-server.ts --port 3000 --hostname 127.0.0.1 [--dev]
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { parseEnvironment } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress, SERVED_BY_APP_SERVER } from "@/lib/auth/client-address";

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(argument("port", process.env.PORT ?? "3000"));
  const hostname = argument("hostname", "127.0.0.1");
  const { TRUSTED_PROXY_HOPS } = parseEnvironment(process.env);
  // Tells lib/auth/config that CLIENT_ADDRESS_HEADER on a request was written here, not by the client.
  process.env[SERVED_BY_APP_SERVER] = "1";

  const app = next({ dev, dir: path.resolve(__dirname, "..", ".."), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    delete request.headers[CLIENT_ADDRESS_HEADER];
    const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], TRUSTED_PROXY_HOPS);
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
    handle(request, response).catch(() => {
      // Next renders its own errors; this only catches a failure to answer at all. No error text: it may hold data.
      console.error("app-server: REQUEST_FAILED");
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the process.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("Liaison could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
