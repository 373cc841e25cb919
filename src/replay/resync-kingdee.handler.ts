import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import { DATA_SOURCE } from '../platform/tokens';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { RequestKingdeeResyncCommand } from '../warehouses/application/commands';
import { commandMetadata } from '../warehouses/application/metadata';
import { WAREHOUSES } from '../warehouses/warehouses.tokens';
import type { Warehouses } from '../warehouses/warehouses.factory';

export interface ResyncRequest {
  readonly all?: boolean;
  readonly ids?: readonly string[];
  readonly reason?: string;
}

export interface ResyncResult {
  readonly requested: number;
  readonly resynced: number;
  /** Records that were not resynced (unknown, retired or merged), at most 100 listed. */
  readonly skipped: readonly { readonly goldenId: string; readonly code: string; readonly message: string }[];
  readonly skippedCount: number;
}

/**
 * `POST /api/v1/resync/kingdee` and `mdm resync kingdee`: asks the warehouses domain for a new
 * version of each record (RequestKingdeeResync → KingdeeResyncRequested), which the publisher
 * emits and the sink writes again. Nothing is published from here.
 */
@Injectable()
export class ResyncKingdeeHandler {
  constructor(
    private readonly jobs: JobRegistry,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(WAREHOUSES) private readonly warehouses: Warehouses,
  ) {}

  async start(request: ResyncRequest, actor: string): Promise<JobView> {
    const ids = request.ids ?? [];
    if ((request.all === true) === ids.length > 0)
      throw new DomainError(ErrorCode.validation, 'give either all: true or ids (one or more golden ids)');
    const reason = request.reason ?? 'operator resync';
    return this.jobs.start(
      { kind: 'resync.kingdee', params: { all: request.all === true, ids, reason }, actor },
      async ({ progress, correlationId }) => {
        const targets = request.all ? await this.activeGoldenIds() : [...new Set(ids)];
        const skipped: { goldenId: string; code: string; message: string }[] = [];
        let resynced = 0;
        for (const [i, goldenId] of targets.entries()) {
          try {
            await this.warehouses.bus.execute(
              new RequestKingdeeResyncCommand({ goldenId, reason }, commandMetadata(actor, { correlationId })),
            );
            resynced++;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            skipped.push({ goldenId, code: error.code, message: error.message });
          }
          progress(i + 1, targets.length);
        }
        return { requested: targets.length, resynced, skipped: skipped.slice(0, 100), skippedCount: skipped.length } satisfies ResyncResult;
      },
    );
  }

  /** From the golden-records read model: retired and merged-away records have nothing to write. */
  private async activeGoldenIds(): Promise<string[]> {
    const rows: { golden_id: string }[] = await this.dataSource.query(
      `SELECT golden_id FROM golden_warehouses WHERE status <> 'retired' ORDER BY golden_id`,
    );
    return rows.map((r) => r.golden_id);
  }
}
