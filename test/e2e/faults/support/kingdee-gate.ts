import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the Kingdee simulator that can hold back one call of a service
 * before Kingdee sees it: one slow batch, where the simulator's own `slowResponses` slows every call. A
 * held call whose caller has hung up meanwhile (its timeout) is dropped, never carried out.
 */
export class KingdeeGate {
  private held: { service: RegExp; ms: number; reached: () => void } | undefined;
  private inFlight = 0;
  private readonly answered = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** `target` is the simulator's origin (http://host:port). */
  static async start(target: string): Promise<KingdeeGate> {
    const upstream = new URL(target);
    const server: Server = createServer((req, res) => {
      let gone = false;
      res.once('close', () => (gone = !res.writableFinished));
      void gate
        .forward(req, upstream, () => gone)
        .then(
          (answer) => {
            res.writeHead(answer.status, answer.headers);
            res.end(answer.body);
          },
          () => res.destroy(),
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const gate = new KingdeeGate(server, `http://127.0.0.1:${port}/k3cloud/`);
    return gate;
  }

  /** The next call whose path matches `service` waits `ms` before Kingdee gets it; resolves once that call has arrived. */
  holdNext(service: RegExp, ms: number): Promise<void> {
    return new Promise((reached) => (this.held = { service, ms, reached }));
  }

  /** Calls of `service` (e.g. BatchSave) answered through this gate: which hub writes, when each hub has its own gate. */
  count(service: string): number {
    return this.answered.get(service.toLowerCase()) ?? 0;
  }

  /** Calls waiting at the gate or on their way to Kingdee. */
  pending(): number {
    return this.inFlight;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async forward(
    req: IncomingMessage,
    upstream: URL,
    clientGone: () => boolean,
  ): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    this.inFlight++;
    try {
      const body = await readAll(req);
      const hold = this.held;
      if (hold && hold.service.test(req.url ?? '')) {
        this.held = undefined;
        hold.reached();
        await new Promise((r) => setTimeout(r, hold.ms));
        // The hub gave up (its Kingdee timeout) while the call was held: it never reaches Kingdee.
        if (clientGone()) throw new Error('the caller hung up while the call was held');
      }
      return await new Promise((resolve, reject) => {
        const out = request(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            void readAll(answer).then((data) => {
              const headers: Record<string, string | string[]> = {};
              for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && k !== 'transfer-encoding') headers[k] = v;
              const service = /\.([A-Za-z]+)\.common\.kdsvc/.exec(req.url ?? '')?.[1]?.toLowerCase() ?? '';
              this.answered.set(service, (this.answered.get(service) ?? 0) + 1);
              resolve({ status: answer.statusCode ?? 502, headers: { ...headers, 'content-length': String(data.length) }, body: data });
            }, reject);
          },
        );
        out.once('error', reject);
        out.end(body);
      });
    } finally {
      this.inFlight--;
    }
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}
