import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APPENDED_CHANNEL, EventStore } from './event-store';

/** Something that can stop listening. */
export interface AppendListener {
  stop(): Promise<void>;
}

interface Notifying {
  on(event: 'notification', listener: (message: { channel: string }) => void): unknown;
  query(sql: string): Promise<unknown>;
}

/**
 * Feeds `store.notifications` from PostgreSQL: every append sends NOTIFY inside its transaction, so
 * each hub instance hears every instance's commits (and nothing uncommitted). A PostgreSQL server
 * gets a dedicated LISTEN connection, reopened after a failure; processors poll meanwhile.
 */
export function listenForAppends(url: string, store: EventStore, options: { reconnectMs?: number } = {}): AppendListener {
  let client: Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new Client({ connectionString: url });
    next.on('error', () => retry(next));
    next.on('end', () => retry(next));
    try {
      await next.connect();
      await subscribe(next, store);
      client = next;
      if (stopped) await next.end().catch(() => undefined);
      // Appends made while no one listened: one wake-up catches them (processors read from their checkpoints).
      else store.notifications.emit('appended');
    } catch {
      retry(next);
    }
  };
  const retry = (failed: Client) => {
    if (client === failed) client = undefined;
    void failed.end().catch(() => undefined);
    if (!stopped && !timer) timer = setTimeout(() => ((timer = undefined), void connect()), options.reconnectMs ?? 1000);
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * Embedded PGlite serves one session, so the pool's single connection listens too: the socket
 * server passes the notification back to that session on commit. Each (re)opened connection LISTENs.
 */
export async function listenOnPool(dataSource: DataSource, store: EventStore): Promise<AppendListener> {
  // TypeORM's postgres driver keeps its pg Pool as `master`; `_clients` are the pool's open connections.
  const pool = (dataSource.driver as unknown as { master: PoolLike }).master;
  pool.on('connect', (connection) => void subscribe(connection, store).catch(() => undefined));
  // The connection already open (the migrations ran on it) listens from now on.
  for (const connection of pool._clients ?? []) connection.on('notification', (message) => wake(message, store));
  await dataSource.query(`LISTEN ${APPENDED_CHANNEL}`);
  return { stop: async () => undefined };
}

interface PoolLike {
  on(event: 'connect', listener: (connection: Notifying) => void): void;
  readonly _clients?: readonly Notifying[];
}

const wake = (message: { channel: string }, store: EventStore) => {
  if (message.channel === APPENDED_CHANNEL) store.notifications.emit('appended');
};

async function subscribe(connection: Notifying, store: EventStore): Promise<void> {
  connection.on('notification', (message) => wake(message, store));
  await connection.query(`LISTEN ${APPENDED_CHANNEL}`);
}
