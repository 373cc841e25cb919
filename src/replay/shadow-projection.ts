import { PerStreamRebuild } from '../event-store/per-stream-rebuild';
import { Projection } from '../event-store/processor';
import { skippedPositions, withoutSkipped } from '../event-store/processor-skips';
import { SqlExecutor, StoredEvent } from '../event-store/stored-event';

/** The checkpoint name of a projection's shadow rebuild. */
export const shadowCheckpointName = (projection: string): string => `replay:${projection}`;

/**
 * Runs a projection's own code against its shadow tables: inside the batch transaction the search
 * path puts the shadow schema first, so the projection's unqualified table names land there while
 * `events`, `processor_checkpoints` and every other table still resolve to `public`.
 */
export class ShadowProjection implements Projection {
  readonly name: string;
  readonly rebuild?: PerStreamRebuild;

  constructor(
    readonly target: Projection,
    readonly schema: string,
  ) {
    this.name = shadowCheckpointName(target.name);
    const rebuild = target.rebuild;
    if (rebuild?.perStream)
      this.rebuild = {
        perStream: true,
        applyStreams: async (streams, tx) => {
          const skipped = await skippedPositions(tx, target.name);
          const kept = new Map([...streams].map(([id, events]) => [id, withoutSkipped(events, skipped)]));
          await this.inShadow(tx, () => rebuild.applyStreams(kept, tx));
        },
      };
  }

  /** A rebuild leaves out the events an admin told the live projection to skip, as the live one did. */
  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    const kept = withoutSkipped(events, await skippedPositions(tx, this.target.name));
    // Shadow batches always run in a transaction: what the target saves with its checkpoint is saved right here.
    if (kept.length > 0)
      await this.inShadow(tx, async () => {
        const withCheckpoint = await this.target.apply(kept, tx);
        if (withCheckpoint) await withCheckpoint(tx);
      });
  }

  private async inShadow(tx: SqlExecutor, work: () => Promise<void>): Promise<void> {
    const [{ path }] = await tx.query(`SELECT current_setting('search_path') AS path`);
    await tx.query(`SELECT set_config('search_path', $1, true)`, [`${this.schema}, ${path}`]);
    await work();
    // The checkpoint written next in this transaction must go to public.processor_checkpoints.
    await tx.query(`SELECT set_config('search_path', $1, true)`, [path]);
  }
}
