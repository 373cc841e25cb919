import { DataSource } from 'typeorm';
import { ConcurrencyError, EventStore } from '../../../event-store/event-store';
import { ObservationContext } from '../../../contracts/wdt-observation-recorder.port';
import { codeOf } from '../../../shared/domain/warehouse-code';
import { WDT_SYSTEM } from '../../domain/source-keys';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { decideBatch } from '../batch-decision';
import { commandMetadata } from '../metadata';
import { SourceKeyReservations } from '../source-key-reservations';
import { MAX_ATTEMPTS } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

/**
 * After a complete pull: every reserved WDT key the pull did not see is flagged missing on its
 * golden record (never deleted; a steward decides). Returns the warehouse_nos flagged now.
 */
export class FlagMissingInWdtHandler {
  private readonly reservations: SourceKeyReservations;
  private readonly streams: WarehouseStreams;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {
    this.reservations = new SourceKeyReservations(dataSource);
    this.streams = new WarehouseStreams(dataSource);
  }

  async execute(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(seen, context);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * What `execute` would flag now, without flagging: the codes of active WDT sources not in `seen`
   * and not flagged already, and how many WDT codes the hub knows (the base of the truncation check).
   */
  async preview(seen: ReadonlySet<string>): Promise<{ codes: string[]; known: number }> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS known FROM warehouse_source_keys WHERE system = $1`, [
      WDT_SYSTEM,
    ])) as { known: number }[];
    const plan = await this.plan(seen, { syncRunId: 'preview', observedAt: new Date(0), correlationId: 'preview', actor: 'preview' });
    return { codes: plan?.flagged ?? [], known: row?.known ?? 0 };
  }

  private async attempt(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    const plan = await this.plan(seen, context);
    if (!plan || plan.batch.appends.length === 0) return [];
    await this.store.appendMany(plan.batch.appends);
    return plan.flagged;
  }

  private async plan(seen: ReadonlySet<string>, context: ObservationContext) {
    // Codes, however the caller spelled them: reservations hold codes (warehouse-code.ts).
    const seenCodes = [...seen].map(codeOf);
    const unseen = [...(await this.reservations.keysNotIn(WDT_SYSTEM, seenCodes))];
    if (unseen.length === 0) return undefined;
    const streams = await this.streams.load(unseen.map(([, goldenId]) => goldenId));
    const metadata = commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });
    const items = unseen.map(([warehouseNo, goldenId]) => ({
      goldenId,
      metadata,
      command: { type: 'FlagMissingInWdt' as const, warehouseNo, syncRunId: context.syncRunId },
    }));
    const batch = decideBatch(this.decider, streams, items, { syncRunId: context.syncRunId });
    return { batch, flagged: unseen.filter((_, i) => batch.decided[i]!.length > 0).map(([warehouseNo]) => warehouseNo) };
  }
}
