import { Command } from '@nestjs/cqrs';
import { ObservationContext, ObservationOutcome, WdtListingCheck } from '../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { CommandMetadata } from '../../shared/domain/decider';
import { AdoptKingdeeRecord, RecordKingdeeFindings, ResolveKingdeeFinding } from '../domain/commands';
import { BatchItem } from './batch-decision';
import { CommandResult } from './stream-command-runner';
import type { ResolveTaskRequest, ResolveTaskResult } from './resolve-stewardship-task/resolve-stewardship-task.handler';

/*
 * Every state change of the warehouses feature, as the command the CommandBus dispatches. Each has
 * one @CommandHandler beside its use case; they all run through the CommandPipeline.
 */

type Without<T> = Omit<T, 'type'>;

/** A page (or pull) of WDT rows: creates, updates or leaves golden records (ingestion's recorder port). */
export class RecordWdtObservationsCommand extends Command<ObservationOutcome[]> {
  constructor(
    readonly observations: readonly WdtWarehouse[],
    readonly context: ObservationContext,
  ) {
    super();
  }
}

/** After a complete pull: the WDT codes it did not see are flagged missing; answers the codes flagged now. */
export class FlagMissingInWdtCommand extends Command<string[]> {
  constructor(
    readonly seen: ReadonlySet<string>,
    readonly context: ObservationContext,
  ) {
    super();
  }
}

/** A sync's listing check, recorded on the listing-checks stream (opens/closes the truncation task). */
export class ReportWdtListingCheckCommand extends Command<void> {
  constructor(
    readonly check: WdtListingCheck,
    readonly context: ObservationContext,
  ) {
    super();
  }
}

/** A steward dismisses the open "WDT listing looks truncated" task; answers false when none is open. */
export class DismissWdtListingTruncationCommand extends Command<boolean> {
  constructor(
    readonly taskId: string,
    readonly reason: string | null,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class OverrideFieldCommand extends Command<CommandResult> {
  constructor(
    readonly request: { goldenId: string; field: string; value: unknown; reason: string; ifMatch?: number },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class RemoveOverrideCommand extends Command<CommandResult> {
  constructor(
    readonly request: { goldenId: string; field: string; reason?: string; ifMatch?: number },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class RetireGoldenRecordCommand extends Command<CommandResult> {
  constructor(
    readonly request: { goldenId: string; reason: string; ifMatch?: number },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class RestoreGoldenRecordCommand extends Command<CommandResult> {
  constructor(
    readonly request: { goldenId: string; reason: string; ifMatch?: number },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** A new version with no field changes, so the record is published and written to Kingdee again. */
export class RequestKingdeeResyncCommand extends Command<CommandResult> {
  constructor(
    readonly request: { goldenId: string; reason: string; taskId?: string },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Merge or dismiss a duplicate pair; answers the new version of each record. */
export class ResolveDuplicateCommand extends Command<Record<string, number>> {
  constructor(
    readonly request: {
      readonly taskId: string;
      readonly goldenId: string;
      readonly otherGoldenId: string;
      readonly action: 'merge' | 'dismiss';
      readonly survivorId?: string;
      readonly reason?: string;
    },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** The sink's outcomes (successes, failures, retirements), one RecordKingdeeSyncResult per item. */
export class RecordKingdeeSyncResultsCommand extends Command<void> {
  constructor(readonly items: readonly BatchItem[]) {
    super();
  }
}

/** Reconciliation's side of a golden record: record a run's findings, carry out a decision, adopt a Kingdee record. */
export class RecordKingdeeFindingsCommand extends Command<CommandResult> {
  constructor(
    readonly goldenId: string,
    readonly findings: Without<RecordKingdeeFindings>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class ResolveKingdeeFindingCommand extends Command<CommandResult> {
  constructor(
    readonly goldenId: string,
    readonly decision: Without<ResolveKingdeeFinding>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export class AdoptKingdeeRecordCommand extends Command<CommandResult> {
  constructor(
    readonly goldenId: string,
    readonly adoption: Without<AdoptKingdeeRecord>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** A steward resolves a stewardship task (merge/dismiss a duplicate, retry a sync failure, dismiss a truncated listing). */
export class ResolveStewardshipTaskCommand extends Command<ResolveTaskResult> {
  constructor(
    readonly request: ResolveTaskRequest,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
