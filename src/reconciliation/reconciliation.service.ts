import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { EventStore } from '../event-store/event-store';
import type { KingdeeClient } from '../kingdee-sink/kingdee-client';
import { KINGDEE_CLIENT } from '../kingdee-sink/kingdee-sink.consumer';
import { KINGDEE_SCHEME } from '../kingdee-sink/kingdee-sink.module';
import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import { APP_CONFIG, DATA_SOURCE, EVENT_STORE } from '../platform/tokens';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { CommandMetadata } from '../shared/domain/decider';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import type { Warehouses } from '../warehouses/warehouses.factory';
import { WAREHOUSES } from '../warehouses/warehouses.tokens';
import { runReconciliation, type ReconcileResult } from './reconcile-kingdee';
import {
  ResolveReconciliationTask,
  type ResolveReconciliationRequest,
  type ResolveReconciliationResult,
} from './resolve-reconciliation-task';

export const RECONCILE_JOB_KIND = 'reconcile.kingdee';

/**
 * Reconciliation as the API, CLI and scheduler use it: a job per run (one at a time per hub),
 * the latest findings, and stewards' decisions. The Kingdee client, the sink's scheme and the
 * warehouses feature are optional, so the module loads without them (a run is then refused).
 */
@Injectable()
export class ReconciliationService {
  private busy = false;

  constructor(
    private readonly jobs: JobRegistry,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // null: Kingdee is not configured; undefined: the Kingdee sink module is not installed.
    @Optional() @Inject(KINGDEE_CLIENT) private readonly kingdee?: KingdeeClient | null,
    @Optional() @Inject(KINGDEE_SCHEME) private readonly kingdeeScheme?: IntegrationScheme,
    @Optional() @Inject(WAREHOUSES) private readonly installedWarehouses?: Warehouses,
  ) {}

  /** Starts a run as a job; `conflict` while one is running in this hub. */
  async start(actor: string, trigger = 'api'): Promise<JobView> {
    if (this.busy) throw new DomainError(ErrorCode.conflict, 'a reconciliation with Kingdee is already running');
    const deps = await this.deps();
    this.busy = true;
    try {
      return await this.jobs.start(
        { kind: RECONCILE_JOB_KIND, params: { trigger }, actor },
        async ({ progress, correlationId, signal }) => {
          try {
            return (await runReconciliation(deps, trigger, { progress, correlationId, signal })) satisfies ReconcileResult;
          } finally {
            this.busy = false;
          }
        },
      );
    } catch (error) {
      this.busy = false;
      throw error;
    }
  }

  async resolve(request: ResolveReconciliationRequest, meta: CommandMetadata): Promise<ResolveReconciliationResult> {
    const warehouses = this.warehouses();
    return new ResolveReconciliationTask(this.dataSource, warehouses.kingdeeFindings, () => this.scheme()).execute(request, meta);
  }

  private async deps() {
    const { kingdee } = this;
    if (!kingdee) throw new DomainError(ErrorCode.invalidState, 'Kingdee is not configured in this hub: nothing to reconcile with');
    return {
      db: this.dataSource,
      store: this.store,
      kingdee,
      scheme: await this.scheme(),
      findings: this.warehouses().kingdeeFindings,
      pageSize: this.config.reconcile.pageSize,
    };
  }

  private async scheme(): Promise<IntegrationScheme> {
    if (!this.kingdeeScheme)
      throw new DomainError(ErrorCode.invalidState, 'the Kingdee sink (and its scheme) is not installed in this hub');
    return this.kingdeeScheme;
  }

  private warehouses(): Warehouses {
    if (!this.installedWarehouses) throw new DomainError(ErrorCode.invalidState, 'the warehouses feature is not installed in this hub');
    return this.installedWarehouses;
  }
}
