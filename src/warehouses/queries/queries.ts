import { Query, QueryHandler, IQueryHandler } from '@nestjs/cqrs';
import { HistoryEntry } from './history.query';
import { Page, SearchWarehousesParams, WarehouseSummary } from './search-warehouses.query';
import { StewardshipTaskView, TaskParams } from './stewardship-tasks.query';
import { WarehouseDetail } from './warehouse-detail';
import { WarehouseQueries } from './warehouse-queries';

/*
 * The warehouses read endpoints as queries on the QueryBus; each handler answers from WarehouseQueries
 * (read models, or the events for `asOf` and history).
 */

export class SearchWarehousesQuery extends Query<Page<WarehouseSummary>> {
  constructor(readonly params: SearchWarehousesParams) {
    super();
  }
}

export class GetWarehouseQuery extends Query<WarehouseDetail> {
  constructor(
    readonly goldenId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export class WarehouseHistoryQuery extends Query<HistoryEntry[]> {
  constructor(readonly goldenId: string) {
    super();
  }
}

export class ListStewardshipTasksQuery extends Query<Page<StewardshipTaskView>> {
  constructor(readonly params: TaskParams) {
    super();
  }
}

@QueryHandler(SearchWarehousesQuery)
export class SearchWarehousesHandler implements IQueryHandler<SearchWarehousesQuery> {
  constructor(private readonly queries: WarehouseQueries) {}
  execute({ params }: SearchWarehousesQuery): Promise<Page<WarehouseSummary>> {
    return this.queries.search(params);
  }
}

@QueryHandler(GetWarehouseQuery)
export class GetWarehouseHandler implements IQueryHandler<GetWarehouseQuery> {
  constructor(private readonly queries: WarehouseQueries) {}
  execute({ goldenId, asOf }: GetWarehouseQuery): Promise<WarehouseDetail> {
    return this.queries.get(goldenId, asOf);
  }
}

@QueryHandler(WarehouseHistoryQuery)
export class WarehouseHistoryHandler implements IQueryHandler<WarehouseHistoryQuery> {
  constructor(private readonly queries: WarehouseQueries) {}
  execute({ goldenId }: WarehouseHistoryQuery): Promise<HistoryEntry[]> {
    return this.queries.history(goldenId);
  }
}

@QueryHandler(ListStewardshipTasksQuery)
export class ListStewardshipTasksHandler implements IQueryHandler<ListStewardshipTasksQuery> {
  constructor(private readonly queries: WarehouseQueries) {}
  execute({ params }: ListStewardshipTasksQuery): Promise<Page<StewardshipTaskView>> {
    return this.queries.tasks(params);
  }
}

/** Every warehouses query handler (the Nest module provides each under its class). */
export const WAREHOUSE_QUERY_HANDLERS = [
  SearchWarehousesHandler,
  GetWarehouseHandler,
  WarehouseHistoryHandler,
  ListStewardshipTasksHandler,
];
