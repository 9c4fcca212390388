// A TCP proxy that can make its target unreachable: `cut()` drops every open connection and
// refuses new ones (as a firewall reset or a node going away would), `restore()` lets them through
// again. The Campaign Manager's db_cra connection goes through it, so db_cra disappears for the
// Campaign Manager only while the simulator keeps using it.
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let reachable = true;
  const server = createServer((client) => {
    if (!reachable) return void client.destroy();
    const upstream = connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    cut: () => {
      reachable = false;
      for (const s of open) s.destroy();
    },
    restore: () => void (reachable = true),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
