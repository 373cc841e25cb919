import { randomUUID } from 'node:crypto';
import { CommandPipeline } from '../event-store/command-pipeline';
import { EventStore } from '../event-store/event-store';
import { loadCheckpoint } from '../event-store/processor';
import { PROCESSOR_EVENT_SKIPPED, ProcessorEventSkippedData, processorStream, skippedPositions } from '../event-store/processor-skips';
import { ProcessorStall, loadStalls } from '../event-store/processor-stalls';
import { SqlExecutor } from '../event-store/stored-event';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';

export interface SkipRequest {
  readonly processor: string;
  readonly position: string;
  readonly reason: string;
}

export interface SkipResult extends ProcessorEventSkippedData {
  readonly actor: string;
  /** Where the audit event landed. */
  readonly recordedAt: string;
  readonly skipEventPosition: string;
}

/** What the decision needs to know about the processor and the event, read together. */
interface SkipFacts {
  readonly event: { tx: string; type: string; stream_id: string; ahead: boolean } | undefined;
  readonly stall: ProcessorStall | undefined;
  readonly skipped: ReadonlySet<string>;
  /** The audit stream's version (its expected version when appending). */
  readonly version: number;
}

/**
 * Records that one processor may pass one event: only the event it is stalled on, and only while it
 * has not passed it. The audit event (stream `processor-<name>`) is what the processor honours. Runs
 * through the command pipeline: two admins skipping at once cannot both record a skip.
 */
export async function skipProcessorEvent(
  db: SqlExecutor,
  store: EventStore,
  request: SkipRequest,
  actor: string,
  now: Date,
): Promise<SkipResult> {
  const { processor, position } = request;
  const reason = request.reason.trim();
  if (!/^\d+$/.test(position)) throw invalid(`position must be a global position (a whole number), got "${position}"`);
  if (reason === '') throw invalid('a reason is required: it is kept in the audit event');
  const streamId = processorStream(processor);
  const { result: data, appended } = await new CommandPipeline(store).runAppending<SkipFacts, ProcessorEventSkippedData>({
    keys: [streamId],
    load: async () => new Map([[streamId, await loadFacts(db, store, request)]]),
    decide: (loaded) => {
      const facts = loaded.get(streamId)!;
      const decided = decideSkip(request, reason, facts);
      return {
        appends: [
          {
            streamId,
            expectedVersion: facts.version,
            events: [{ type: PROCESSOR_EVENT_SKIPPED, data: decided }],
            metadata: { correlationId: randomUUID(), actor, occurredAt: now.toISOString() },
          },
        ],
        result: decided,
      };
    },
  });
  return { ...data, actor, recordedAt: now.toISOString(), skipEventPosition: appended[0]!.globalPositions[0]! };
}

async function loadFacts(db: SqlExecutor, store: EventStore, { processor, position }: SkipRequest): Promise<SkipFacts> {
  const checkpoint = await loadCheckpoint(db, processor);
  const [event] = await db.query(
    `SELECT transaction_id::text AS tx, type, stream_id, (transaction_id, global_position) > ($2::text::xid8, $3::bigint) AS ahead
       FROM events WHERE global_position = $1`,
    [position, checkpoint.transactionId, checkpoint.globalPosition],
  );
  const stall = (await loadStalls(db)).get(processor);
  const skipped = await skippedPositions(db, processor);
  const version = (await store.currentVersions([processorStream(processor)])).get(processorStream(processor)) ?? 0;
  return { event, stall, skipped, version };
}

/** Pure: the skip event, or why it is refused. */
function decideSkip({ processor, position }: SkipRequest, reason: string, facts: SkipFacts): ProcessorEventSkippedData {
  const { event, stall } = facts;
  if (!event) throw invalid(`there is no event at global position ${position}`);
  if (!event.ahead) throw conflict(`${processor} has already passed position ${position}: there is nothing to skip`);
  if (!stall) throw conflict(`${processor} is not stalled: only the event a stalled processor fails on can be skipped`);
  if (stall.failingPosition !== position) {
    throw conflict(
      `${processor} is stalled on position ${stall.failingPosition ?? '(unknown: it could not read events)'}, not ${position}`,
    );
  }
  if (facts.skipped.has(position)) throw conflict(`${processor} was already told to skip position ${position}`);
  return { processor, position, transactionId: event.tx, eventType: event.type, streamId: event.stream_id, reason };
}

const invalid = (message: string) => new DomainError(ErrorCode.validation, message);
const conflict = (message: string) => new DomainError(ErrorCode.conflict, message);
