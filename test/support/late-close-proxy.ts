import net from 'node:net';

export interface LateCloseProxy {
  /** The database URL through the proxy. */
  readonly url: string;
  /** Hands each close the server made so far on to its client; resolves, with how many, once those sockets are closed. */
  deliverCloses(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A TCP pass-through to PostgreSQL that forwards every byte at once but holds back the server's
 * close of a connection until the test says so: the client reads a FATAL error (a terminated
 * backend) and only later sees the socket end, the order a loaded machine can produce by chance.
 */
export async function startLateCloseProxy(databaseUrl: string): Promise<LateCloseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const held: net.Socket[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream);
    upstream.on('data', (chunk) => client.write(chunk));
    upstream.on('close', () => held.push(client));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    async deliverCloses() {
      const closing = held.splice(0);
      // A client may have closed its side meanwhile: nothing left to deliver to it.
      await Promise.all(closing.map((s) => (s.closed ? undefined : new Promise((resolve) => s.once('close', resolve).end()))));
      return closing.length;
    },
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
