import { EventStore } from '../../event-store/event-store';
import { alwaysLeader } from '../../event-store/leader-lock';
import { CheckpointedProcessor, loadCheckpoint } from '../../event-store/processor';
import { UpcasterRegistry } from '../../event-store/upcasters';
import { waitFor } from '../../../test/support/wait-for';
import { ObservationContext } from '../../contracts/wdt-observation-recorder.port';
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

/** `upcasters`: the one registry, as the database module provides it (every read goes through `store`). */
export async function createWarehousesTestKit(label: string, upcasters = new UpcasterRegistry()): Promise<WarehousesTestKit> {
  const db = await createTestDatabase(label);
  const store = new EventStore(db.dataSource, upcasters);
  const warehouses = createWarehouses(db.dataSource, store);
  const processors = warehouses.projections.map((p) => new CheckpointedProcessor(db.dataSource, store, p, alwaysLeader.forName(p.name)));
  return {
    db,
    store,
    warehouses,
    async catchUp() {
      // Qualified: ORDER BY an output alias would sort the ::text casts ('9' after '10').
      const [head] = await db.dataSource.query(`SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
        FROM events e ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`);
      if (!head) return;
      // Readers only take transactions older than every running one (cluster-wide: other test
      // databases on the server count too), so "caught up" can lag for a moment: wait for the head.
      for (const processor of processors) {
        await waitFor(async () => {
          await processor.catchUp();
          const at = await loadCheckpoint(db.dataSource, processor.name);
          return at.transactionId === head.transaction_id && at.globalPosition === head.global_position;
        }, `${processor.name} to reach the head of the event store`);
      }
    },
    close: () => db.close(),
  };
}

export function syncContext(syncRunId = 'run-1', minute = 0): ObservationContext {
  return { syncRunId, observedAt: new Date(Date.UTC(2026, 10, 28, 9, minute)), correlationId: `corr-${syncRunId}`, actor: 'wdt-sync' };
}
