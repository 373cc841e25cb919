import { EventStore } from '../../event-store/event-store';
import { alwaysLeader } from '../../event-store/leader-lock';
import { CheckpointedProcessor } from '../../event-store/processor';
import { ObservationContext } from '../../ingestion/wdt-observation-recorder.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Warehouses, createWarehouses } from '../warehouses.factory';

/** A migrated test database with the warehouses feature wired to it, and its projections on demand. */
export interface WarehousesTestKit {
  readonly db: TestDatabase;
  readonly store: EventStore;
  readonly warehouses: Warehouses;
  /** Runs every warehouse projection until it has applied everything committed. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export async function createWarehousesTestKit(label: string): Promise<WarehousesTestKit> {
  const db = await createTestDatabase(label);
  const store = new EventStore(db.dataSource);
  const warehouses = createWarehouses(db.dataSource, store);
  const processors = warehouses.projections.map((p) => new CheckpointedProcessor(db.dataSource, store, p, alwaysLeader.forName(p.name)));
  return {
    db, store, warehouses,
    async catchUp() {
      for (const processor of processors) await processor.catchUp();
    },
    close: () => db.close(),
  };
}

export function syncContext(syncRunId = 'run-1', minute = 0): ObservationContext {
  return { syncRunId, observedAt: new Date(Date.UTC(2026, 10, 28, 9, minute)), correlationId: `corr-${syncRunId}`, actor: 'wdt-sync' };
}
