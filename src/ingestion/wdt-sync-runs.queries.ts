import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { SyncRunSummary } from './poll-wdt-warehouses/sync-run';
import { WdtSyncRunner } from './poll-wdt-warehouses/wdt-sync-runner';

/** `GET /api/v1/sync/wdt/runs`: the newest WDT sync runs. */
export class ListWdtSyncRunsQuery extends Query<SyncRunSummary[]> {
  constructor(readonly limit: number) {
    super();
  }
}

/** `GET /api/v1/sync/wdt/runs/{id}`: one run; `not_found` for an unknown or malformed id. */
export class GetWdtSyncRunQuery extends Query<SyncRunSummary> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(ListWdtSyncRunsQuery)
export class ListWdtSyncRunsHandler implements IQueryHandler<ListWdtSyncRunsQuery> {
  constructor(private readonly runner: WdtSyncRunner) {}
  execute({ limit }: ListWdtSyncRunsQuery): Promise<SyncRunSummary[]> {
    return this.runner.latestRuns(Math.min(Math.max(limit, 1), 100));
  }
}

@QueryHandler(GetWdtSyncRunQuery)
export class GetWdtSyncRunHandler implements IQueryHandler<GetWdtSyncRunQuery> {
  constructor(private readonly runner: WdtSyncRunner) {}
  async execute({ id }: GetWdtSyncRunQuery): Promise<SyncRunSummary> {
    // Run ids are UUIDs (the column's type): anything else cannot name a run.
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runner.findRun(id) : undefined;
    if (!run) throw new DomainError(ErrorCode.notFound, `no WDT sync run ${id}`);
    return run;
  }
}
