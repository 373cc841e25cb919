import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { MessageLog, Subscription, SubscriptionHealth } from '../log/message-log.port';
import { SinkHealthBoard } from '../operations/status/sink-health';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { APP_CONFIG, MESSAGE_LOG } from '../platform/tokens';
import { KingdeeClient, KingdeeError } from './kingdee-client';
import { PartitionRevokedError, SchemeDisabledError, SinkGoldenBatchHandler } from './sink-golden-batch.handler';
import { SinkTotals } from './sink-totals';

/** false: the module is wired but consumes nothing (one-shot CLI commands, tests). */
export const KINGDEE_SINK_WORKERS = Symbol('KingdeeSinkWorkers');
/** The KingdeeClient built from config, or null when no Kingdee URL is known (outside startHub's demo mode). */
export const KINGDEE_CLIENT = Symbol('KingdeeClient');

/**
 * Runs the sink: joins the consumer group when the app has started and leaves it before shutdown,
 * so the batch in hand finishes (or is abandoned uncommitted) while the database is still open.
 */
@Injectable()
export class KingdeeSinkConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;
  private totals: SinkTotals | undefined;
  /** Said once per disabled spell, not at every redelivery. */
  private held = false;

  constructor(
    @Inject(MESSAGE_LOG) private readonly log: MessageLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KINGDEE_CLIENT) private readonly client: KingdeeClient | null,
    @Inject(SinkGoldenBatchHandler) private readonly handler: SinkGoldenBatchHandler | null,
    @Inject(KINGDEE_SINK_WORKERS) private readonly run: boolean,
    // Present when the operations module is installed: status and metrics then show the sink's health.
    @Optional() @Inject(SinkHealthBoard) board?: SinkHealthBoard,
  ) {
    if (run) board?.report(() => this.health());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.run) return;
    if (!this.handler) {
      this.logger.warn(
        'Kingdee sink not started: no Kingdee URL is configured (set KINGDEE_BASE_URL, or start through `mdm start` for demo mode)',
      );
      return;
    }
    const handler = this.handler;
    // KAFKA_SINK_GROUP, default mdm-kingdee-sink (docs/architecture.md); `mdm status` reports its lag.
    const { topicGolden, sinkGroup } = this.config.kafka;
    const heartbeatMs = Math.min(3000, Math.floor(this.config.kafka.sessionTimeoutMs / 3));
    this.totals = new SinkTotals((fields, line) => this.logger.info({ component: 'kingdee-sink', ...fields }, line));
    this.subscription = await this.log.subscribe({
      groupId: sinkGroup,
      topic: topicGolden,
      maxBatchSize: this.config.kingdee.batchSize,
      // Every partition this member owns at once: look-ups and recording of one overlap the BatchSave
      // of another. Kingdee's load stays bounded by KINGDEE_CONCURRENCY (the handler's write slots).
      partitionsConcurrently: this.config.kafka.partitions,
      handleBatch: async (messages, context) => {
        // A Kingdee call may take up to KINGDEE_TIMEOUT: keep the group membership alive meanwhile. A
        // heartbeat refused because of a rebalance is remembered by the log; the next write checks it.
        const beat = setInterval(() => void context.heartbeat().catch(() => undefined), heartbeatMs);
        try {
          this.totals?.add(await handler.handle(messages, context));
          this.held = false;
        } finally {
          clearInterval(beat);
        }
      },
      onError: (error) => this.batchFailed(error),
      retryBackoffMs: 1000,
    });
    this.logger.info(
      { group: sinkGroup, topic: topicGolden, batchSize: this.config.kingdee.batchSize },
      'Kingdee sink consuming golden records',
    );
  }

  /** Whether the sink is a consuming member of its group, and its last error (for status and metrics). */
  health(): SubscriptionHealth {
    return this.subscription?.health() ?? { healthy: false, lastError: this.run ? 'not started' : undefined, lastErrorAt: undefined };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
    this.totals?.flush();
    // Kingdee keeps a server context per login until it expires: hand ours back.
    await this.client?.logout().catch(() => undefined);
  }

  /** The batch is redelivered after a backoff; say why, and whether waiting can help. */
  private batchFailed(error: unknown): void {
    if (error instanceof PartitionRevokedError) return this.logger.info({ reason: error.message }, 'Kingdee sink batch abandoned');
    if (error instanceof SchemeDisabledError) {
      if (!this.held) this.logger.warn({ reason: error.message }, 'Kingdee sink paused: the scheme is disabled (nothing committed)');
      this.held = true;
      return;
    }
    if (error instanceof KingdeeError) {
      const fields = {
        code: error.reason,
        service: error.info.service,
        msgCode: error.info.msgCode,
        httpStatus: error.info.httpStatus,
        reason: error.message,
      };
      if (error.retryable)
        return this.logger.warn(fields, 'Kingdee sink: Kingdee call failed; the batch will be retried (nothing committed)');
      return this.logger.error(
        fields,
        'Kingdee sink: Kingdee refuses the whole call; fix the Kingdee settings or the scheme. The batch is retried until then (nothing committed)',
      );
    }
    this.logger.error({ err: error }, 'Kingdee sink batch failed; it will be retried (nothing committed)');
  }
}
