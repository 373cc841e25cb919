import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../../../event-store/command-pipeline';
import { SqlExecutor } from '../../../event-store/stored-event';
import { ObservationContext } from '../../../contracts/wdt-observation-recorder.port';
import { codeOf } from '../../../shared/domain/warehouse-code';
import { WDT_SYSTEM } from '../../domain/source-keys';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { BatchItem, batchCommand, decideBatch } from '../batch-decision';
import { FlagMissingInWdtCommand } from '../commands';
import { commandMetadata } from '../metadata';
import { SourceKeyReservations } from '../source-key-reservations';
import { WarehouseStreams } from '../warehouse-streams';

/**
 * After a complete pull: every reserved WDT key the pull did not see is flagged missing on its
 * golden record (never deleted; a steward decides). Returns the warehouse_nos flagged now.
 */
@CommandHandler(FlagMissingInWdtCommand)
export class FlagMissingInWdtHandler implements ICommandHandler<FlagMissingInWdtCommand> {
  constructor(
    private readonly db: SqlExecutor,
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly reservations: SourceKeyReservations,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  async execute({ seen, context }: FlagMissingInWdtCommand): Promise<string[]> {
    const unseen = await this.unseen(seen);
    if (unseen.length === 0) return [];
    const batch = await this.pipeline.run(
      batchCommand(this.streams, this.decider, items(unseen, context), { syncRunId: context.syncRunId }),
    );
    return flagged(unseen, batch.decided);
  }

  /**
   * What `execute` would flag now, without flagging: the codes of active WDT sources not in `seen`
   * and not flagged already, and how many WDT codes the hub knows (the base of the truncation check).
   */
  async preview(seen: ReadonlySet<string>): Promise<{ codes: string[]; known: number }> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS known FROM warehouse_source_keys WHERE system = $1`, [WDT_SYSTEM])) as {
      known: number;
    }[];
    const unseen = await this.unseen(seen);
    if (unseen.length === 0) return { codes: [], known: row?.known ?? 0 };
    const context = { syncRunId: 'preview', observedAt: new Date(0), correlationId: 'preview', actor: 'preview' };
    const streams = await this.streams.load(unseen.map(([, goldenId]) => goldenId));
    const batch = decideBatch(this.decider, streams, items(unseen, context));
    return { codes: flagged(unseen, batch.decided), known: row?.known ?? 0 };
  }

  /** Reserved WDT codes (and their golden ids) the pull did not see; codes however the caller spelled them. */
  private async unseen(seen: ReadonlySet<string>): Promise<[string, string][]> {
    return [...(await this.reservations.keysNotIn(WDT_SYSTEM, [...seen].map(codeOf)))];
  }
}

function items(unseen: readonly [string, string][], context: ObservationContext): BatchItem[] {
  const metadata = commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });
  return unseen.map(([warehouseNo, goldenId]) => ({
    goldenId,
    metadata,
    command: { type: 'FlagMissingInWdt' as const, warehouseNo, syncRunId: context.syncRunId },
  }));
}

const flagged = (unseen: readonly [string, string][], decided: readonly (readonly unknown[])[]): string[] =>
  unseen.filter((_, i) => decided[i]!.length > 0).map(([warehouseNo]) => warehouseNo);
