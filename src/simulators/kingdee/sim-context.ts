import type { Faults } from './faults';
import type { SessionStore } from './sessions';
import type { StockStore } from './stock-store';

/** A Kingdee user the simulator accepts (made-up values: they open nothing but the simulator). */
export interface SimUser {
  readonly acctId: string;
  readonly username: string;
  readonly password?: string;
  readonly appId?: string;
  readonly appSecret?: string;
}

/** One kdsvc call as the simulator saw it (bodies are not kept: they carry passwords). */
export interface SimCall {
  readonly at: string;
  /** Short service name, e.g. BatchSave, ExecuteBillQuery, ValidateUser. */
  readonly service: string;
  readonly httpStatus: number;
  /** ok | session-lost | failed | fault:<kind> */
  readonly outcome: string;
  readonly formId?: string;
  readonly records?: number;
}

export interface SimBehaviour {
  /** Refuse IsAutoSubmitAndAudit=true on update (one integrator's note, docs/kingdee-api.md). Default false. */
  rejectAutoAuditOnUpdate: boolean;
  /** Refuse to update audited records (单据已审核，不允许修改). Default false. */
  rejectAuditedUpdate: boolean;
}

export interface SimContext {
  readonly users: readonly SimUser[];
  readonly sessions: SessionStore;
  readonly stocks: StockStore;
  readonly faults: Faults;
  readonly calls: SimCall[];
  readonly behaviour: SimBehaviour;
  readonly orgs: Map<string, number>;
  now(): number;
}

/** The internal id ExecuteBillQuery shows for an org number (assigned on first sight, stable per run). */
export function orgId(ctx: SimContext, number: string): number {
  let id = ctx.orgs.get(number);
  if (id === undefined) {
    id = ctx.orgs.size + 1;
    ctx.orgs.set(number, id);
  }
  return id;
}
