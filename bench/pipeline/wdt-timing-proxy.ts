import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A pass-through HTTP proxy in front of the WDT simulator: counts the hub's WDT calls and the
 * wall time during which at least one was in flight, so a sync's hub-side time can be told apart
 * from the time it spent waiting for WDT.
 */
export interface WdtTimingProxy {
  readonly url: string;
  /** Calls and busy time since the last reset; `lastEnd` is when the latest answer was sent (performance.now()). */
  stats(): { calls: number; busyMs: number; lastEnd: number | undefined };
  reset(): void;
  stop(): Promise<void>;
}

export async function startWdtTimingProxy(target: string): Promise<WdtTimingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  let calls = 0;
  let busyMs = 0;
  let inFlight = 0;
  let busySince = 0;
  let lastEnd: number | undefined;
  const server = createServer((req, res) => {
    calls++;
    if (inFlight++ === 0) busySince = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      lastEnd = performance.now();
      if (--inFlight === 0) busyMs += lastEnd - busySince;
    };
    res.once('finish', finish);
    res.once('close', finish);
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.once('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ calls, busyMs: busyMs + (inFlight > 0 ? performance.now() - busySince : 0), lastEnd }),
    reset() {
      calls = 0;
      busyMs = 0;
      lastEnd = undefined;
      if (inFlight > 0) busySince = performance.now();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
