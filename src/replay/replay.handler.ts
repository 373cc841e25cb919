import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Projection } from '../event-store/processor';
import { DATA_SOURCE } from '../platform/tokens';
import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import { ProcessorSupervisor } from '../processors/processor-supervisor';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { ProjectionReplayer, ReplayResult } from './projection-replayer';
import { refuseFromBeyondLive, replayableTables } from './replay-start';

export interface ReplayRequest {
  /** One projection by name; all replayable projections when absent. */
  readonly projection?: string;
  readonly from?: string;
}

export interface ReplayJobResult {
  readonly replayed: readonly ReplayResult[];
  readonly skipped: readonly { readonly projection: string; readonly reason: string }[];
}

/** `POST /api/v1/replay` and `mdm replay`: rebuilds read models in a job, one projection after another. */
@Injectable()
export class ReplayHandler {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly replayer: ProjectionReplayer,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    // Absent when the app runs no processors (ProcessorsModule not installed): nothing to replay.
    @Optional() private readonly supervisor?: ProcessorSupervisor,
  ) {}

  /** Checks the request up front (unknown name 404, publisher 400), then runs it as a job. */
  async start(request: ReplayRequest, actor: string): Promise<JobView> {
    const { targets, skipped } = this.targets(request.projection);
    if (request.from !== undefined)
      for (const projection of targets) await refuseFromBeyondLive(this.dataSource, projection.name, request.from);
    return this.jobs.start({ kind: 'replay', params: { ...request }, actor }, async ({ progress, signal }) => {
      const replayed: ReplayResult[] = [];
      for (const [i, projection] of targets.entries()) {
        const result = await this.replayer.replay(projection, {
          from: request.from,
          signal,
          onProgress: (position, head) => progress(i * head + position, targets.length * head),
        });
        replayed.push(result);
      }
      return { replayed, skipped } satisfies ReplayJobResult;
    });
  }

  private targets(name: string | undefined): { targets: Projection[]; skipped: ReplayJobResult['skipped'] } {
    const all = this.supervisor?.processors.map((p) => p.projection) ?? [];
    if (name !== undefined) {
      const projection = all.find((p) => p.name === name);
      if (!projection)
        throw new DomainError(ErrorCode.notFound, `no projection ${name}; known: ${all.map((p) => p.name).join(', ') || '(none)'}`);
      replayableTables(projection);
      return { targets: [projection], skipped: [] };
    }
    const targets: Projection[] = [];
    const skipped: { projection: string; reason: string }[] = [];
    for (const projection of all) {
      try {
        replayableTables(projection);
        targets.push(projection);
      } catch (error) {
        skipped.push({ projection: projection.name, reason: (error as Error).message });
      }
    }
    return { targets, skipped };
  }
}
