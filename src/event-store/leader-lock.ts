import { Client } from 'pg';

/** Ensures one hub instance runs a given worker at a time. */
export interface LeaderLock {
  /** Tries once; true while this instance holds the lock. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LeaderLocks {
  forName(name: string): LeaderLock;
}

/** Embedded PGlite is exclusive to one process, so there is nobody to compete with. */
export const alwaysLeader: LeaderLocks = {
  forName: () => ({ tryAcquire: async () => true, release: async () => undefined }),
};

/**
 * A session-level advisory lock on its own connection: held as long as that connection lives,
 * released by PostgreSQL itself if the process dies.
 */
export class AdvisoryLeaderLocks implements LeaderLocks {
  constructor(private readonly databaseUrl: string) {}

  forName(name: string): LeaderLock {
    let client: Client | undefined;
    let held = false;
    const url = this.databaseUrl;
    /**
     * Forgets a connection, closing it so no lock can outlive it in this process. Only the one in use:
     * a terminated connection reports its loss twice, the FATAL error first and its end later (much
     * later on a loaded machine), by when its successor may hold the lock; forgetting that one would
     * leave it holding the lock unseen, and every later attempt (on a new connection) would fail for good.
     */
    const forget = (lost: Client) => {
      if (client !== lost) return;
      client = undefined;
      held = false;
      void lost.end().catch(() => undefined);
    };
    return {
      async tryAcquire() {
        if (held && client) return true;
        client ??= await connect(url, forget);
        const current = client;
        try {
          const [row] = (await current.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [`mdm-hub:${name}`])).rows;
          held = client === current && row.ok === true;
          return held;
        } catch (error) {
          // A connection that cannot answer (lost before it was noticed) is not tried again: the next attempt opens a new one.
          forget(current);
          throw error;
        }
      },
      async release() {
        const c = client;
        client = undefined;
        held = false;
        await c?.end().catch(() => undefined);
      },
    };
  }
}

async function connect(url: string, onLost: (client: Client) => void): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'mdm-hub-leader-lock' });
  client.on('error', () => onLost(client));
  client.on('end', () => onLost(client));
  await client.connect();
  return client;
}
