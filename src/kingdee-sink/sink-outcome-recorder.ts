import type { MessageLog } from '../log/message-log.port';
import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { deadLetterForPoison, deadLetterForRecord } from './dead-letters';
import type { KingdeeSyncResultRecorder } from '../contracts/kingdee-sync-result-recorder.port';
import type { SavedRecord } from './outcomes';
import type { PoisonMessage } from './sink-messages';
import type { SinkFailure } from './sink-writer';

export interface SinkLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export const correlationOf = (m: GoldenRecordChangedV1): string => m.correlationId ?? m.eventId;

/**
 * Where a batch's results go: successes to the warehouses feature (FStockId into the
 * cross-reference), failures to the DLQ and then to the warehouses feature (which opens the
 * stewardship task). All of it happens before the batch commits, so a crash repeats it rather
 * than losing it; both sides tolerate the repeat (a repeated dead letter is at-least-once).
 */
export class SinkOutcomeRecorder {
  constructor(
    private readonly recorder: KingdeeSyncResultRecorder,
    private readonly log: Pick<MessageLog, 'publish'>,
    private readonly dlqTopic: string,
    private readonly logger: SinkLogger,
    private readonly now: () => Date,
  ) {}

  async saved(saved: readonly SavedRecord[], byId: ReadonlyMap<string, GoldenRecordChangedV1>): Promise<void> {
    const at = this.now();
    await this.recorder.recordSuccess(
      saved.map(({ entry, fStockId, operation }) => ({
        goldenId: entry.goldenId,
        version: entry.version,
        fStockId,
        fNumber: entry.fNumber,
        operation,
        at,
        correlationId: correlationOf(byId.get(entry.goldenId)!),
      })),
    );
  }

  /** DLQ first, then the failure is recorded (which opens the stewardship task). */
  async failed(poison: readonly PoisonMessage[], failed: readonly SinkFailure[]): Promise<void> {
    const at = this.now();
    const letters = [
      ...poison.map((p) => deadLetterForPoison(p, at)),
      ...failed.map((f) => deadLetterForRecord(f.sink.message, f.sink.source, { code: f.code, message: f.message }, at)),
    ];
    if (letters.length === 0) return;
    await this.log.publish(this.dlqTopic, letters);
    for (const p of poison) {
      this.logger.warn(
        { topic: p.source.topic, partition: p.source.partition, offset: p.source.offset, problems: p.problems.slice(0, 5) },
        'invalid golden-record message sent to the DLQ',
      );
    }
    for (const {
      sink: { message },
      code,
      message: reason,
    } of failed) {
      this.logger.warn(
        { goldenId: message.goldenId, version: message.version, code, reason, correlationId: correlationOf(message) },
        'Kingdee did not take a record: sent to the DLQ, stewardship task opened',
      );
    }
    if (failed.length === 0) return;
    await this.recorder.recordFailure(
      failed.map(({ sink: { message }, code, message: reason }) => ({
        goldenId: message.goldenId,
        version: message.version,
        code,
        message: reason,
        permanent: true,
        at,
        correlationId: correlationOf(message),
      })),
    );
  }
}
