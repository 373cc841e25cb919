import { AppConfig } from '../../config/config';
import { SqlExecutor } from '../../event-store/stored-event';
import { MessageLog } from '../../log/message-log.port';
import { JobRepository } from '../jobs/job-repository';
import { ConsumerStatus, HubStatus } from './hub-status';
import { reconciliationStatus } from './reconciliation-status';
import { eventTotals, latestSyncRuns, openStewardshipTasks, processorStatuses } from './status-sql';

export interface StatusSources {
  readonly db: SqlExecutor;
  readonly log: MessageLog;
  readonly config: AppConfig;
  /** Names of the processors this app runs (so one that never wrote a checkpoint still shows). */
  readonly processorNames: () => readonly string[];
  readonly schemes?: () => Promise<HubStatus['schemes']>;
  /** The sink's own health (null when this process runs no sink). */
  readonly sink?: () => HubStatus['sink'];
  readonly clock?: () => Date;
}

// A group that never commits: its lag on the DLQ is everything the DLQ holds.
const DLQ_PROBE_GROUP = 'mdm-status-dlq-probe';

/** One status snapshot; a part that cannot be read (Kafka down) says so instead of failing the rest. */
export class StatusQuery {
  private readonly jobs: JobRepository;

  constructor(private readonly sources: StatusSources) {
    this.jobs = new JobRepository(sources.db);
  }

  async snapshot(): Promise<HubStatus> {
    const { db, config } = this.sources;
    const now = (this.sources.clock ?? (() => new Date()))();
    const [events, processors, kingdeeSink, dlq, wdtSyncRuns, stewardship, jobs, schemes, reconciliation] = await Promise.all([
      eventTotals(db),
      processorStatuses(db, this.sources.processorNames(), now),
      this.consumer(config.kafka.sinkGroup, config.kafka.topicGolden),
      this.consumer(DLQ_PROBE_GROUP, config.kafka.topicDlq),
      latestSyncRuns(db, 5),
      openStewardshipTasks(db),
      this.jobs.latest(20),
      this.sources.schemes?.() ?? Promise.resolve([]),
      reconciliationStatus(db),
    ]);
    return {
      at: now.toISOString(),
      events,
      processors,
      kingdeeSink,
      sink: this.sources.sink?.() ?? null,
      dlq: { topic: dlq.topic, messages: dlq.lag, ...(dlq.error ? { error: dlq.error } : {}) },
      wdtSyncRuns,
      stewardship,
      jobsRunning: jobs
        .filter((j) => j.status === 'running')
        .map((j) => ({ id: j.id, kind: j.kind, done: j.progress.done, total: j.progress.total })),
      schemes,
      reconciliation,
    };
  }

  private async consumer(group: string, topic: string): Promise<ConsumerStatus> {
    try {
      const partitions = await this.sources.log.consumerLag(group, topic);
      return { group, topic, lag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
    } catch (error) {
      return { group, topic, lag: null, partitions: [], error: error instanceof Error ? error.message : String(error) };
    }
  }
}
