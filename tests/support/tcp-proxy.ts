import net from "node:net";

export type TcpProxy = { port: number; cut: () => void; restore: () => void; close: () => Promise<void> };

/**
 * A TCP proxy on loopback that a test can cut and restore: cutting drops every open connection and refuses new
 * ones, as a database outage or a network partition would; restoring lets connections through again.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let passing = true;
  const server = net.createServer((client) => {
    if (!passing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () => {
      passing = false;
      for (const socket of open) socket.destroy();
    },
    restore: () => {
      passing = true;
    },
    close: async () => {
      passing = false;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
