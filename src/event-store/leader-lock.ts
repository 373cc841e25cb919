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
    return {
      async tryAcquire() {
        if (held && client) return true;
        client ??= await connect(url, () => {
          held = false;
          client = undefined;
        });
        const [row] = (await client.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [`mdm-hub:${name}`])).rows;
        held = row.ok === true;
        return held;
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

async function connect(url: string, onLost: () => void): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'mdm-hub-leader-lock' });
  client.on('error', onLost);
  client.on('end', onLost);
  await client.connect();
  return client;
}
