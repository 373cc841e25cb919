import type { LogMessage } from '../../log/message-log.port';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { SinkGoldenBatchHandler, SinkGoldenBatchOptions } from '../sink-golden-batch.handler';
import { FakeKingdee } from './fake-kingdee';
import { MemoryRecorder, silentLogger } from './sink-fixtures';

/** A sink handler on a fake Kingdee, an in-memory recorder and a DLQ that collects what it is given. */
export interface SinkUnderTest {
  readonly kingdee: FakeKingdee;
  readonly recorder: MemoryRecorder;
  readonly dlq: LogMessage[];
  readonly sink: SinkGoldenBatchHandler;
}

export function sinkUnderTest(scheme: IntegrationScheme, options: Partial<SinkGoldenBatchOptions> = {}): SinkUnderTest {
  const kingdee = (options.kingdee as FakeKingdee | undefined) ?? new FakeKingdee();
  const recorder = (options.recorder as MemoryRecorder | undefined) ?? new MemoryRecorder();
  const dlq: LogMessage[] = [];
  const log = { publish: async (_topic: string, messages: readonly LogMessage[]) => void dlq.push(...messages) };
  const sink = new SinkGoldenBatchHandler({
    log,
    scheme,
    dlqTopic: 'dlq',
    logger: silentLogger,
    retryDelayMs: 0,
    ...options,
    kingdee,
    recorder,
  });
  return { kingdee, recorder, dlq, sink };
}
