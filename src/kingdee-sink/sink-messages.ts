import type { ConsumedMessage } from '../log/message-log.port';
import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { goldenMessageProblems } from '../publishing/golden-message-schema';

/** A golden-record message that passed the JSON Schema, with where it came from. */
export interface SinkMessage {
  readonly message: GoldenRecordChangedV1;
  readonly source: ConsumedMessage;
}

/** A message nobody can act on (not JSON, or not the v1 contract): it goes to the DLQ as it is. */
export interface PoisonMessage {
  readonly source: ConsumedMessage;
  readonly problems: readonly string[];
}

export interface ParsedBatch {
  readonly valid: readonly SinkMessage[];
  readonly poison: readonly PoisonMessage[];
}

/**
 * Validates each message against the committed JSON Schema. A message that fails is poison: it
 * is set aside (and dead-lettered by the caller) so it never blocks its partition. Tombstones (null
 * value, written after a retired record's final message for compaction) carry nothing to write: skipped.
 */
export function parseSinkMessages(batch: readonly ConsumedMessage[]): ParsedBatch {
  const valid: SinkMessage[] = [];
  const poison: PoisonMessage[] = [];
  for (const source of batch) {
    if (source.value === null) continue;
    const parsed = parseJson(source.value);
    if (!parsed.ok) {
      poison.push({ source, problems: [`value is not JSON: ${parsed.error}`] });
      continue;
    }
    const problems = goldenMessageProblems(parsed.value);
    if (problems.length > 0) poison.push({ source, problems });
    else valid.push({ message: parsed.value as GoldenRecordChangedV1, source });
  }
  return { valid, poison };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
