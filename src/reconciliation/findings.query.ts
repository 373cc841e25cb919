import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SqlExecutor } from '../event-store/stored-event';
import { FindingsView, findingsView } from './findings-view';

/** `GET /api/v1/reconcile/kingdee`: the latest run's findings and the open reconciliation tasks. */
export class ReconciliationFindingsQuery extends Query<FindingsView> {}

@QueryHandler(ReconciliationFindingsQuery)
export class ReconciliationFindingsHandler implements IQueryHandler<ReconciliationFindingsQuery> {
  constructor(private readonly db: SqlExecutor) {}

  execute(): Promise<FindingsView> {
    return findingsView(this.db);
  }
}
