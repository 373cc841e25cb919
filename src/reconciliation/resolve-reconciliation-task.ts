import { SqlExecutor } from '../event-store/stored-event';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { CommandMetadata } from '../shared/domain/decider';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import type { KingdeeFindings } from '../warehouses/application/kingdee-findings/kingdee-findings';
import { acceptedValues, NotAcceptableError } from './domain/accept-values';
import { ReconciliationStore } from './reconciliation-store';

export const RECONCILIATION_ACTIONS = ['push', 'accept', 'recreate', 'retire', 'adopt', 'ignore'] as const;
export type ReconciliationAction = (typeof RECONCILIATION_ACTIONS)[number];

export interface ResolveReconciliationRequest {
  readonly taskId: string;
  readonly action: ReconciliationAction;
  /** adopt: the golden record to adopt the Kingdee record for (default: the proposed candidate). */
  readonly goldenId?: string;
  readonly reason?: string;
}

export interface ResolveReconciliationResult {
  readonly taskId: string;
  readonly action: ReconciliationAction;
  readonly goldenId: string | null;
  /** The golden record's record version (its ETag) after the decision (null for ignore). */
  readonly version: number | null;
}

const invalid = (message: string) => new DomainError(ErrorCode.validation, message, [{ field: 'action', message }]);

/**
 * A steward's decision on a reconciliation task. Drift: push (resync) or accept (overrides "accepted
 * from Kingdee"); missing: recreate or retire; unknown: adopt (cross-reference, then update in place)
 * or ignore (remembered). These are the only ways reconciliation leads to a write in Kingdee.
 */
export class ResolveReconciliationTask {
  private readonly store: ReconciliationStore;

  constructor(
    private readonly db: SqlExecutor,
    private readonly findings: KingdeeFindings,
    private readonly scheme: () => Promise<IntegrationScheme>,
  ) {
    this.store = new ReconciliationStore(db);
  }

  async execute(request: ResolveReconciliationRequest, meta: CommandMetadata): Promise<ResolveReconciliationResult> {
    const unknown = await this.store.unknownByTask(request.taskId);
    return unknown ? this.decideUnknown(request, unknown, meta) : this.decideFinding(request, meta);
  }

  private async decideUnknown(
    request: ResolveReconciliationRequest,
    unknown: NonNullable<Awaited<ReturnType<ReconciliationStore['unknownByTask']>>>,
    meta: CommandMetadata,
  ): Promise<ResolveReconciliationResult> {
    const { taskId, action } = request;
    if (unknown.status !== 'open') throw new DomainError(ErrorCode.invalidState, `task ${taskId} is already ${unknown.status}`);
    if (action === 'ignore') {
      await this.store.resolveUnknown(taskId, 'ignored', meta.actor, meta.now, null);
      return { taskId, action, goldenId: null, version: null };
    }
    if (action !== 'adopt') throw invalid('a Kingdee record the hub did not write is resolved with adopt or ignore');
    const goldenId = request.goldenId ?? unknown.candidateGoldenId;
    if (!goldenId)
      throw new DomainError(ErrorCode.validation, 'no golden record is proposed for it: give goldenId', [
        { field: 'goldenId', message: 'required' },
      ]);
    const reason = request.reason ?? `adopted Kingdee record ${unknown.fNumber} (FStockId ${unknown.fStockId})`;
    const result = await this.findings.adopt(goldenId, { fStockId: unknown.fStockId, fNumber: unknown.fNumber, reason }, meta);
    await this.store.resolveUnknown(taskId, 'adopted', meta.actor, meta.now, goldenId);
    return { taskId, action, goldenId, version: result.recordVersion };
  }

  private async decideFinding(request: ResolveReconciliationRequest, meta: CommandMetadata): Promise<ResolveReconciliationResult> {
    const { taskId, action } = request;
    const [row]: { golden_id: string; type: string }[] = await this.db.query(
      `SELECT golden_id, type FROM stewardship_tasks WHERE task_id = $1 AND type IN ('kingdee_drift', 'kingdee_missing')`,
      [taskId],
    );
    if (!row) throw new DomainError(ErrorCode.notFound, `no reconciliation task ${taskId}`);
    if (action === 'adopt' || action === 'ignore') throw invalid(`${action} is for Kingdee records the hub did not write`);
    let accepted: { field: string; value: unknown }[] | undefined;
    if (action === 'accept') {
      const task = await this.findings.task(row.golden_id, taskId);
      try {
        accepted = acceptedValues(await this.scheme(), task?.drift ?? []);
      } catch (error) {
        if (error instanceof NotAcceptableError) throw invalid(error.message);
        throw error;
      }
    }
    const result = await this.findings.resolve(row.golden_id, { taskId, action, accepted, reason: request.reason }, meta);
    return { taskId, action, goldenId: row.golden_id, version: result.recordVersion };
  }
}
