import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SqlExecutor } from '../../event-store/stored-event';
import { MetricsHistoryStore, StatusHistory } from './metrics-history-store';

/** `GET /api/v1/status/history`: the sampled trends since an instant and the WDT sync runs since another. */
export class StatusHistoryQuery extends Query<StatusHistory> {
  constructor(
    readonly since: Date,
    readonly runsSince: Date,
  ) {
    super();
  }
}

@QueryHandler(StatusHistoryQuery)
export class StatusHistoryHandler implements IQueryHandler<StatusHistoryQuery> {
  private readonly store: MetricsHistoryStore;

  constructor(db: SqlExecutor) {
    this.store = new MetricsHistoryStore(db);
  }

  execute({ since, runsSince }: StatusHistoryQuery): Promise<StatusHistory> {
    return this.store.history(since, runsSince);
  }
}
