import { randomUUID } from 'node:crypto';
import { EventStore } from '../event-store/event-store';
import { loadCheckpoint } from '../event-store/processor';
import { PROCESSOR_EVENT_SKIPPED, ProcessorEventSkippedData, processorStream, skippedPositions } from '../event-store/processor-skips';
import { loadStalls } from '../event-store/processor-stalls';
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

/**
 * Records that one processor may pass one event: only the event it is stalled on, and only while it
 * has not passed it. The audit event (stream `processor-<name>`) is what the processor honours.
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
  const checkpoint = await loadCheckpoint(db, processor);
  const [event] = await db.query(
    `SELECT transaction_id::text AS tx, type, stream_id, (transaction_id, global_position) > ($2::text::xid8, $3::bigint) AS ahead
       FROM events WHERE global_position = $1`,
    [position, checkpoint.transactionId, checkpoint.globalPosition],
  );
  if (!event) throw invalid(`there is no event at global position ${position}`);
  if (!event.ahead) throw conflict(`${processor} has already passed position ${position}: there is nothing to skip`);
  const stall = (await loadStalls(db)).get(processor);
  if (!stall) throw conflict(`${processor} is not stalled: only the event a stalled processor fails on can be skipped`);
  if (stall.failingPosition !== position) {
    throw conflict(
      `${processor} is stalled on position ${stall.failingPosition ?? '(unknown: it could not read events)'}, not ${position}`,
    );
  }
  if ((await skippedPositions(db, processor)).has(position)) throw conflict(`${processor} was already told to skip position ${position}`);
  const data: ProcessorEventSkippedData = {
    processor,
    position,
    transactionId: event.tx,
    eventType: event.type,
    streamId: event.stream_id,
    reason,
  };
  const appended = await store.append(processorStream(processor), 'any', [{ type: PROCESSOR_EVENT_SKIPPED, data }], {
    correlationId: randomUUID(),
    actor,
    occurredAt: now.toISOString(),
  });
  return { ...data, actor, recordedAt: now.toISOString(), skipEventPosition: appended.globalPositions[0]! };
}

const invalid = (message: string) => new DomainError(ErrorCode.validation, message);
const conflict = (message: string) => new DomainError(ErrorCode.conflict, message);
