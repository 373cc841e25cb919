import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { MessageLog } from '../log/message-log.port';
import { HubMetrics } from '../operations/metrics/hub-metrics';
import { kingdeeFetch } from '../operations/metrics/instrumented-fetch';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { APP_CONFIG, MESSAGE_LOG } from '../platform/tokens';
import { loadSchemeFile } from '../schemes/scheme-loader';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { SchemeState } from '../schemes/runtime/scheme-state';
import { createKingdeeClient, KingdeeClient } from './kingdee-client';
import { KINGDEE_SYNC_RESULT_RECORDER, KingdeeSyncResultRecorder } from '../contracts/kingdee-sync-result-recorder.port';
import { KINGDEE_CLIENT, KINGDEE_SINK_WORKERS, KingdeeSinkConsumer } from './kingdee-sink.consumer';
import { SinkGoldenBatchHandler } from './sink-golden-batch.handler';
import { KingdeeWriteSlots } from './write-slots';

/** The integration scheme the sink writes with (MDM_SCHEME, default the shipped market template). */
export const KINGDEE_SCHEME = Symbol('KingdeeScheme');

export interface KingdeeSinkOptions {
  /** Modules that provide KINGDEE_SYNC_RESULT_RECORDER (the warehouses module). */
  readonly imports?: ModuleMetadata['imports'];
  /** Consume the golden topic (default true; false for one-shot CLI commands and tests). */
  readonly runWorkers?: boolean;
}

/** In demo mode startHub has filled config.kingdee with the in-process simulator's URL and user. */
function clientFor(config: AppConfig, logger: Logger, metrics: HubMetrics | undefined): KingdeeClient | null {
  if (config.kingdee.baseUrl === undefined) return null;
  // 'in-list' (default) asks for a whole chunk (≤ KINGDEE_BATCH_SIZE numbers) in one query; 'per-number'
  // (KINGDEE_LOOKUP) sends one `FNumber='X'` query per record for a server that only takes `=` and `and`.
  const lookup = { strategy: config.kingdee.lookup, chunkSize: config.kingdee.batchSize };
  // Timed per service for /metrics when the operations module is installed.
  const fetch = metrics ? kingdeeFetch(metrics) : undefined;
  return createKingdeeClient(config.kingdee, {
    lookup,
    logger: logger.child({ component: 'kingdee-client' }),
    ...(fetch ? { fetch } : {}),
  });
}

function handlerFor(
  client: KingdeeClient | null,
  recorder: KingdeeSyncResultRecorder,
  log: MessageLog,
  scheme: IntegrationScheme,
  config: AppConfig,
  logger: Logger,
  schemes: SchemeState | undefined,
): SinkGoldenBatchHandler | null {
  if (!client) return null;
  return new SinkGoldenBatchHandler({
    kingdee: client,
    recorder,
    log,
    scheme,
    dlqTopic: config.kafka.topicDlq,
    logger: logger.child({ component: 'kingdee-sink' }),
    // Without the schemes runtime (some tests) there is no switch: the scheme is always on.
    schemeEnabled: schemes ? () => schemes.isEnabled(scheme.name) : undefined,
    // Partitions are worked on concurrently; this bounds what Kingdee sees (KINGDEE_CONCURRENCY).
    writeSlots: new KingdeeWriteSlots(config.kingdee.concurrency),
  });
}

/**
 * The Kingdee sink (docs/architecture.md): consumer group `mdm-kingdee-sink` on the golden topic → scheme →
 * BatchSave BD_STOCK → RecordKingdeeSyncResult, failures to the DLQ. Needs APP_CONFIG, LOGGER and
 * MESSAGE_LOG from the platform, KINGDEE_SYNC_RESULT_RECORDER from `imports`, and respects SchemeState
 * (the schemes runtime's enable/disable switch) when that module is installed.
 */
@Module({})
export class KingdeeSinkModule {
  static forRoot(options: KingdeeSinkOptions = {}): DynamicModule {
    return {
      module: KingdeeSinkModule,
      imports: options.imports ?? [],
      providers: [
        { provide: KINGDEE_SINK_WORKERS, useValue: options.runWorkers ?? true },
        { provide: KINGDEE_SCHEME, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadSchemeFile(config.schemePath) },
        { provide: KINGDEE_CLIENT, inject: [APP_CONFIG, LOGGER, { token: HubMetrics, optional: true }], useFactory: clientFor },
        {
          provide: SinkGoldenBatchHandler,
          inject: [
            KINGDEE_CLIENT,
            KINGDEE_SYNC_RESULT_RECORDER,
            MESSAGE_LOG,
            KINGDEE_SCHEME,
            APP_CONFIG,
            LOGGER,
            { token: SchemeState, optional: true },
          ],
          useFactory: handlerFor,
        },
        KingdeeSinkConsumer,
      ],
      exports: [KINGDEE_CLIENT, KINGDEE_SCHEME, SinkGoldenBatchHandler, KingdeeSinkConsumer],
    };
  }
}
