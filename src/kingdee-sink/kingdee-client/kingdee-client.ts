import { batchSaveWithRecovery, type BatchSaveOutcome, type BatchSaveRequest, type SendResult } from './batch-save';
import { billQueryBody, readBillQueryReply, type BillQuery } from './bill-query';
import { isPerRecordFailure, statusError } from './classify';
import {
  operationBody,
  readOperationOutcomes,
  type OperationRecordOutcome,
  type OperationTargets,
  type SwitchOperation,
} from './excute-operation';
import { findStocks, type ExistingKingdeeStock, type LookupStrategy } from './find-stocks';
import type { FetchFn } from './http-post';
import { SecretScrubber } from '../../shared/secrets/secret-scrubber';
import { KingdeeError, KingdeeErrorCode, scrubError } from './kingdee-error';
import { loginRequest, readLoginReply, SERVICE, sessionHeaders, type KingdeeCredentials } from './login';
import { findResponseStatus, isSessionLost } from './response-status';
import { KingdeeSession } from './session';
import { KingdeeTransport } from './transport';

const FORM = 'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService';

/** pino-compatible; the client logs services and counts, never bodies (they carry passwords and data). */
export interface KingdeeLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface KingdeeClientOptions {
  /** Up to and including `/k3cloud/`. */
  readonly baseUrl: string;
  readonly credentials: KingdeeCredentials;
  /** Per call; the official SDKs use 120 s (docs/kingdee-api.md). */
  readonly timeoutMs?: number;
  readonly fetch?: FetchFn;
  readonly logger?: KingdeeLogger;
  readonly lookup?: { readonly strategy?: LookupStrategy; readonly concurrency?: number; readonly chunkSize?: number };
}

const silent: KingdeeLogger = { info: () => undefined, warn: () => undefined };

/**
 * Kingdee K/3 Cloud WebAPI client: one shared session (logged in on first use), BatchSave with
 * per-record results and safe recovery from session loss, ExecuteBillQuery with automatic
 * re-login (reads are idempotent). Whole-call failures throw KingdeeError (`retryable` says whether
 * to try again later); record-level failures come back in the BatchSave outcome.
 */
export class KingdeeClient {
  private readonly transport: KingdeeTransport;
  private readonly session: KingdeeSession;
  private readonly logger: KingdeeLogger;
  private readonly lookup: { strategy: LookupStrategy; concurrency: number; chunkSize: number };
  private readonly clean: <T>(work: Promise<T>) => Promise<T>;
  private readonly redact: (text: string) => string;

  constructor(options: KingdeeClientOptions) {
    const { credentials } = options;
    const scrubber = new SecretScrubber([credentials.password, credentials.appSecret]);
    // Every error leaving the client is scrubbed: servers do echo request values back in messages.
    this.redact = (text) => scrubber.scrub(text);
    this.clean = (work) =>
      work.catch((error: unknown) => Promise.reject(error instanceof KingdeeError ? scrubError(error, scrubber) : error));
    this.transport = new KingdeeTransport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 120_000,
      fetch: options.fetch ?? fetch,
    });
    this.logger = options.logger ?? silent;
    this.lookup = { strategy: 'in-list', concurrency: 4, chunkSize: 50, ...options.lookup };
    // The credentials live only in this closure: nothing on the instance can print them.
    this.session = new KingdeeSession(async () => {
      const { service, body } = loginRequest(credentials);
      const reply = await this.transport.post(service, body, {}, false);
      const ticket = readLoginReply(reply.json, reply.setCookies, service);
      this.logger.info(
        { kingdeeService: service.slice(service.lastIndexOf('.') + 1), acctId: credentials.acctId, username: credentials.username },
        'logged in to Kingdee',
      );
      return ticket;
    });
  }

  /** Logs in now (otherwise the first call does); fails fast on bad credentials. */
  async login(): Promise<void> {
    await this.clean(this.session.renew(undefined));
  }

  /** Ends the session on the server (Kingdee keeps a context per login until it expires). */
  async logout(): Promise<void> {
    if (!this.session.active) return;
    const ticket = await this.session.current();
    this.session.forget();
    await this.transport.post(SERVICE.logout, {}, sessionHeaders(ticket), false).catch(() => undefined);
  }

  async batchSave(request: BatchSaveRequest): Promise<BatchSaveOutcome> {
    const outcome = await this.clean(
      batchSaveWithRecovery(
        {
          send: (body) => this.sendSave(body),
          renew: async (stale) => void (await this.session.renew(stale)),
          findStocks: (numbers, org) => findStocks((q) => this.query(q), numbers, org, this.lookup),
        },
        request,
      ),
    );
    if (outcome.sessionRenewed)
      this.logger.warn(
        { records: outcome.records.length },
        'Kingdee session was lost during BatchSave; re-logged in and checked existing records before re-sending',
      );
    const records = outcome.records.map((r) =>
      r.status === 'failed' ? { ...r, error: { ...r.error, message: this.redact(r.error.message) } } : r,
    );
    return { ...outcome, records };
  }

  /** Rows in FieldKeys order. Re-logs in once and repeats the query if the session was lost. */
  async executeBillQuery(query: BillQuery): Promise<unknown[][]> {
    return this.clean(this.query(query));
  }

  /** Existing BD_STOCK records by number within a use-org (docs/kingdee-api.md recommended flow). */
  async findStocks(numbers: readonly string[], useOrg: string | undefined): Promise<Map<string, ExistingKingdeeStock>> {
    return this.clean(findStocks((q) => this.query(q), numbers, useOrg, this.lookup));
  }

  /**
   * `ExcuteOperation` (Kingdee's spelling) with `Forbid` / `Enable` on base data, per target. Re-logs in
   * once and repeats after a session loss: switching a record to the state it is in is harmless
   * (it comes back `unchanged`). Whole-call failures throw, as for BatchSave.
   */
  async executeOperation(formId: string, opNumber: SwitchOperation, targets: OperationTargets): Promise<OperationRecordOutcome[]> {
    const list = 'ids' in targets ? targets.ids : targets.numbers;
    if (list.length === 0) return [];
    const service = `${FORM}.ExcuteOperation`;
    const body = operationBody(formId, opNumber, targets);
    const outcomes = await this.clean(
      (async () => {
        for (let attempt = 0; ; attempt++) {
          const ticket = await this.session.current();
          const { json } = await this.transport.post(service, body, sessionHeaders(ticket), true);
          const status = findResponseStatus(json);
          if (!status)
            throw new KingdeeError(KingdeeErrorCode.malformedResponse, 'Kingdee ExcuteOperation answered without Result.ResponseStatus', {
              service: 'ExcuteOperation',
            });
          if (!isSessionLost(status)) {
            if (!status.isSuccess && !isPerRecordFailure(status)) throw statusError(status, `ExcuteOperation ${opNumber}`);
            return readOperationOutcomes(status, list, opNumber);
          }
          if (attempt > 0) throw sessionLostAgain('ExcuteOperation');
          await this.session.renew(ticket);
        }
      })(),
    );
    return outcomes.map((o) => (o.status === 'failed' ? { ...o, error: { ...o.error, message: this.redact(o.error.message) } } : o));
  }

  private async query(query: BillQuery): Promise<unknown[][]> {
    const service = `${FORM}.ExecuteBillQuery`;
    for (let attempt = 0; ; attempt++) {
      const ticket = await this.session.current();
      const { json } = await this.transport.post(service, billQueryBody(query), sessionHeaders(ticket), false);
      const reply = readBillQueryReply(json, 'ExecuteBillQuery');
      if (reply.kind === 'rows') return reply.rows;
      if (!isSessionLost(reply.status)) throw statusError(reply.status, 'ExecuteBillQuery');
      if (attempt > 0) throw sessionLostAgain('ExecuteBillQuery');
      await this.session.renew(ticket);
    }
  }

  private async sendSave(request: BatchSaveRequest): Promise<SendResult> {
    const ticket = await this.session.current();
    const { json } = await this.transport.post(`${FORM}.BatchSave`, request, sessionHeaders(ticket), true);
    const status = findResponseStatus(json);
    if (!status)
      throw new KingdeeError(KingdeeErrorCode.malformedResponse, 'Kingdee BatchSave answered without Result.ResponseStatus', {
        service: 'BatchSave',
      });
    if (isSessionLost(status)) return { kind: 'session-lost', ticket };
    if (!status.isSuccess && !isPerRecordFailure(status)) throw statusError(status, 'BatchSave');
    return { kind: 'answered', status };
  }
}

const sessionLostAgain = (service: string): KingdeeError =>
  new KingdeeError(
    KingdeeErrorCode.sessionLost,
    `Kingdee ${service}: session lost again right after a successful login; check the user’s third-party login authorisation`,
    { service, msgCode: 1 },
  );
