import { Client } from 'pg';

/**
 * Who may run a WDT sync right now. A run is owned through a lease that dies with its owner, so a
 * hub killed mid-sync never blocks the next one: PostgreSQL drops a session advisory lock the moment
 * the connection holding it goes away (process killed, connection terminated), and the next start
 * finds the lock free, closes the dead run as abandoned and begins at once.
 */
export interface RunOwnership {
  /** The lease, or undefined while a live owner (this process or another) holds it. */
  tryAcquire(): Promise<RunLease | undefined>;
}

export interface RunLease {
  /** Aborted when the lease is lost while held (its connection died): the run must stop at once. */
  readonly lost: AbortSignal;
  /** Asks the lease's holder (round trip on a server); false once it is gone. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/** The advisory lock's name; `hashtext` turns it into the lock key, as the leader locks do. */
const LOCK_NAME = 'mdm-hub:wdt-sync-run';
export const LEASE_APPLICATION_NAME = 'mdm-hub-wdt-sync-lease';

/** PostgreSQL server: a session advisory lock on a connection opened for the run and closed after it. */
export class AdvisoryRunOwnership implements RunOwnership {
  constructor(private readonly databaseUrl: string) {}

  async tryAcquire(): Promise<RunLease | undefined> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: LEASE_APPLICATION_NAME,
      // A hub whose machine vanished sends no FIN; keepalives let the server notice and drop the lock.
      keepAlive: true,
    });
    const lost = new AbortController();
    const onLost = () => lost.abort(new Error('the connection holding the WDT sync lease was lost'));
    client.on('error', onLost);
    await client.connect();
    let released = false;
    client.on('end', () => released || onLost());
    try {
      const [row] = (await client.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [LOCK_NAME])).rows as { ok: boolean }[];
      if (row?.ok !== true) {
        released = true;
        await client.end();
        return undefined;
      }
    } catch (error) {
      released = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return {
      lost: lost.signal,
      stillHeld: async () =>
        !lost.signal.aborted &&
        (await client.query('SELECT 1').then(
          () => true,
          () => false,
        )),
      release: async () => {
        if (released) return;
        released = true;
        // Closing the session releases the lock; no unlock round trip is needed.
        await client.end().catch(() => undefined);
      },
    };
  }
}

let heldInProcess = false;

/**
 * Embedded PGlite belongs to one process (single connection, data directory opened exclusively),
 * so that process owning the run is ownership enough: a 'running' row found at start can only be
 * left by a process that has stopped. Shared by every runner in the process.
 */
export class InProcessRunOwnership implements RunOwnership {
  async tryAcquire(): Promise<RunLease | undefined> {
    if (heldInProcess) return undefined;
    heldInProcess = true;
    let released = false;
    return {
      lost: new AbortController().signal,
      stillHeld: async () => !released,
      release: async () => {
        if (released) return;
        released = true;
        heldInProcess = false;
      },
    };
  }
}
