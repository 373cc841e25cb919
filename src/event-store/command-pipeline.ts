import { DataSource } from 'typeorm';
import { AppendResult, ConcurrencyError, EventStore, StreamAppend } from './event-store';
import { SqlExecutor } from './stored-event';

/** What a command decided: the appends, any writes that must commit with them, and the caller's answer. */
export interface Decision<R> {
  readonly appends: readonly StreamAppend[];
  /** Writes in the appending transaction (key reservations, a merge's re-pointing); may throw a conflict. */
  readonly writes?: (tx: SqlExecutor) => Promise<void>;
  readonly result: R;
}

/**
 * One command as the pipeline runs it. `keys` are what it loads (golden ids, source keys, a scheme
 * name); `decide` is pure over what was loaded; `conflicts` says which keys a failed commit touched
 * (undefined: the error is not a conflict, so it is not retried).
 */
export interface PipelineCommand<L, R> {
  readonly keys: readonly string[];
  load(keys: readonly string[]): Promise<ReadonlyMap<string, L>>;
  decide(loaded: ReadonlyMap<string, L>): Decision<R>;
  conflicts?(error: unknown): readonly string[] | undefined;
}

export interface PipelineOptions {
  /** Opens the transaction for decisions with extra writes (commands without them need none). */
  readonly dataSource?: Pick<DataSource, 'transaction'>;
  /** Commits tried in all (the first plus the retries). Default 6. */
  readonly maxAttempts?: number;
  /** The first backoff's ceiling; it doubles per retry up to `maxMs`. Defaults 20 ms, 1 s. */
  readonly baseMs?: number;
  readonly maxMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Stream ids of a ConcurrencyError as the command's keys (identity unless the command names streams otherwise). */
export function streamConflicts(error: unknown, keyOf: (streamId: string) => string | undefined = (s) => s): string[] | undefined {
  if (!(error instanceof ConcurrencyError)) return undefined;
  return error.streamIds.flatMap((s) => keyOf(s) ?? []);
}

/**
 * The one way state changes: load the streams → decide (pure) → append, plus the decision's other
 * writes, in one transaction. When another writer got there first, only the streams it moved are
 * read again, after a jittered exponential backoff (so writers racing for one record spread out),
 * and the command is decided again; after `maxAttempts` commits the conflict reaches the caller.
 */
export class CommandPipeline {
  constructor(
    private readonly store: EventStore,
    private readonly options: PipelineOptions = {},
  ) {}

  async run<L, R>(command: PipelineCommand<L, R>): Promise<R> {
    return (await this.runAppending(command)).result;
  }

  /** As `run`, also answering where the events landed (global positions per stream). */
  async runAppending<L, R>(command: PipelineCommand<L, R>): Promise<{ result: R; appended: AppendResult[] }> {
    const maxAttempts = this.options.maxAttempts ?? 6;
    const loaded = new Map(await command.load(command.keys));
    for (let attempt = 1; ; attempt++) {
      const decision = command.decide(loaded);
      try {
        return { result: decision.result, appended: await this.commit(decision) };
      } catch (error) {
        const moved = (command.conflicts ?? streamConflicts)(error);
        if (moved === undefined || attempt >= maxAttempts) throw error;
        await (this.options.sleep ?? sleep)(this.backoffMs(attempt));
        for (const [key, value] of await command.load([...new Set(moved)])) loaded.set(key, value);
      }
    }
  }

  /** Equal jitter: half the ceiling for sure, the other half at random. */
  backoffMs(attempt: number): number {
    const ceiling = Math.min(this.options.maxMs ?? 1000, (this.options.baseMs ?? 20) * 2 ** (attempt - 1));
    return ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2);
  }

  private async commit(decision: Decision<unknown>): Promise<AppendResult[]> {
    const appends = decision.appends.filter((a) => a.events.length > 0);
    if (!decision.writes) return appends.length > 0 ? this.store.appendMany(appends) : [];
    const writes = decision.writes;
    if (!this.options.dataSource) throw new Error('CommandPipeline: a decision with extra writes needs the dataSource option');
    return this.options.dataSource.transaction(async (tx) => {
      await writes(tx);
      return appends.length > 0 ? this.store.appendMany(appends, tx) : [];
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
