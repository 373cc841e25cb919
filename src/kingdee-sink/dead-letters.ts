import type { ConsumedMessage, LogMessage } from '../log/message-log.port';
import { cloudEventHeaders, DLQ_EVENT_SOURCE, DLQ_EVENT_TYPE } from '../publishing/cloud-events';
import { GOLDEN_SCHEMA_ID, type GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import type { PoisonMessage } from './sink-messages';

export const DLQ_SCHEMA_ID = 'mdm.warehouse.kingdee.dlq/1';
/** The reason code for a message that is not a valid golden-record v1 message. */
export const INVALID_MESSAGE = 'invalid_message';

export interface DeadLetterReason {
  readonly code: string;
  readonly message: string;
}

/**
 * A record version Kingdee would not take (or the scheme could not map). Key = golden id, like the
 * golden topic, so one record's dead letters stay in order. The value carries the whole golden
 * message, so a person or a script can see exactly what was sent and replay it.
 */
export function deadLetterForRecord(
  golden: GoldenRecordChangedV1,
  source: ConsumedMessage,
  reason: DeadLetterReason,
  at: Date,
): LogMessage {
  const value = {
    schema: DLQ_SCHEMA_ID,
    failedAt: at.toISOString(),
    reason,
    goldenId: golden.goldenId,
    version: golden.version,
    source: origin(source),
    message: golden,
  };
  return {
    key: golden.goldenId,
    value: JSON.stringify(value),
    headers: {
      ...headers(source, reason, golden.goldenId, at),
      'golden-id': golden.goldenId,
      version: String(golden.version),
      ...(golden.correlationId ? { 'correlation-id': golden.correlationId } : {}),
    },
  };
}

/** A message that is not JSON or not the v1 contract: kept byte for byte under `raw`. */
export function deadLetterForPoison(poison: PoisonMessage, at: Date): LogMessage {
  const reason = { code: INVALID_MESSAGE, message: `not a valid ${GOLDEN_SCHEMA_ID} message: ${poison.problems.slice(0, 10).join('; ')}` };
  const value = {
    schema: DLQ_SCHEMA_ID,
    failedAt: at.toISOString(),
    reason,
    goldenId: null,
    version: null,
    source: origin(poison.source),
    raw: poison.source.value,
  };
  return { key: poison.source.key, value: JSON.stringify(value), headers: headers(poison.source, reason, poison.source.key, at) };
}

/**
 * CloudEvents attributes (binary mode) plus the hub's own headers. The id is the failed message's
 * place in the golden topic, so dead-lettering the same message again (a redelivered batch) repeats the id.
 */
function headers(source: ConsumedMessage, reason: DeadLetterReason, subject: string, at: Date): Record<string, string> {
  return {
    ...cloudEventHeaders({
      id: `${source.topic}/${source.partition}/${source.offset}`,
      source: DLQ_EVENT_SOURCE,
      type: DLQ_EVENT_TYPE,
      subject,
      time: at.toISOString(),
    }),
    schema: DLQ_SCHEMA_ID,
    reason: reason.code,
    'reason-message': reason.message.slice(0, 500),
    'original-topic': source.topic,
    'original-partition': String(source.partition),
    'original-offset': source.offset,
  };
}

const origin = (source: ConsumedMessage) => ({ topic: source.topic, partition: source.partition, offset: source.offset });
