import type { SessionTicket } from './login';

/**
 * Holds the one Kingdee session this client shares across calls. Kingdee asks clients to log in
 * once and reuse the session (logins pile up server contexts, docs/kingdee-api.md); concurrent
 * callers that find it lost share a single re-login.
 */
export class KingdeeSession {
  private ticket: SessionTicket | undefined;
  private pending: Promise<SessionTicket> | undefined;

  constructor(private readonly login: () => Promise<SessionTicket>) {}

  /** The live session, logging in first if there is none. */
  async current(): Promise<SessionTicket> {
    return this.ticket ?? this.renew(undefined);
  }

  /** Logs in again, unless another caller already replaced `stale` with a newer session. */
  async renew(stale: SessionTicket | undefined): Promise<SessionTicket> {
    if (this.ticket !== undefined && this.ticket !== stale) return this.ticket;
    this.pending ??= this.login()
      .then((ticket) => (this.ticket = ticket))
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  forget(): void {
    this.ticket = undefined;
  }

  get active(): boolean {
    return this.ticket !== undefined;
  }
}
