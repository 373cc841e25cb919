import { randomBytes } from 'node:crypto';

export interface SimSession {
  readonly id: string;
  readonly aspNetId: string;
  readonly acctId: string;
  readonly username: string;
  lastUsed: number;
}

/** Kingdee's sliding session: 20 minutes idle by default (docs/kingdee-api.md), on an injectable clock. */
export class SessionStore {
  private readonly sessions = new Map<string, SimSession>();

  constructor(
    private readonly now: () => number,
    private readonly idleMs: number,
  ) {}

  open(acctId: string, username: string): SimSession {
    const session = { id: token(), aspNetId: token().slice(0, 24), acctId, username, lastUsed: this.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for any of the ids a client may present, touched; undefined when lost or expired. */
  use(ids: readonly (string | undefined)[]): SimSession | undefined {
    for (const id of ids) {
      if (!id) continue;
      const session = this.sessions.get(id) ?? [...this.sessions.values()].find((s) => s.aspNetId === id);
      if (!session) continue;
      if (this.now() - session.lastUsed > this.idleMs) {
        this.sessions.delete(session.id);
        continue;
      }
      session.lastUsed = this.now();
      return session;
    }
    return undefined;
  }

  close(id: string): boolean {
    return this.sessions.delete(id);
  }

  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }
}

const token = (): string => randomBytes(16).toString('hex');
