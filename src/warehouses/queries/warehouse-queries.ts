import { SqlExecutor } from '../../event-store/stored-event';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { WarehouseStreams } from '../application/warehouse-streams';
import { detailFromEvents } from './detail-from-events';
import { detailFromReadModels } from './detail-from-read-models';
import { HistoryEntry, historyOf } from './history.query';
import { Page, SearchWarehousesParams, WarehouseSearchPage, searchWarehouses } from './search-warehouses.query';
import { StewardshipTaskView, TaskParams, listTasks } from './stewardship-tasks.query';
import { WarehouseDetail } from './warehouse-detail';

/** The read side the API (and the console, and the CLI) uses. */
export class WarehouseQueries {
  constructor(
    private readonly db: SqlExecutor,
    private readonly streams: WarehouseStreams,
  ) {}

  search(params: SearchWarehousesParams): Promise<WarehouseSearchPage> {
    return searchWarehouses(this.db, params);
  }

  /** Now: from the read models. `asOf`: folded from the events recorded up to then. */
  async get(goldenId: string, asOf?: Date): Promise<WarehouseDetail> {
    const detail = asOf
      ? detailFromEvents(goldenId, (await this.streams.loadOne(goldenId, { asOf })).events, asOf)
      : await detailFromReadModels(this.db, goldenId);
    if (!detail)
      throw new DomainError(
        ErrorCode.notFound,
        asOf ? `golden record ${goldenId} did not exist at ${asOf.toISOString()}` : `no golden record ${goldenId}`,
      );
    return detail;
  }

  /** Exactly as the event store has it now (tests, and right after a steward's change). */
  async getFolded(goldenId: string): Promise<WarehouseDetail | null> {
    return detailFromEvents(goldenId, (await this.streams.loadOne(goldenId)).events, null);
  }

  async history(goldenId: string): Promise<HistoryEntry[]> {
    const { events } = await this.streams.loadOne(goldenId);
    if (events.length === 0) throw new DomainError(ErrorCode.notFound, `no golden record ${goldenId}`);
    return historyOf(events);
  }

  tasks(params: TaskParams): Promise<Page<StewardshipTaskView>> {
    return listTasks(this.db, params);
  }
}
