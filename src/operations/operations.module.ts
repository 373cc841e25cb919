import { BeforeApplicationShutdown, DynamicModule, Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { MessageLog } from '../log/message-log.port';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { APP_CONFIG, DATA_SOURCE, MESSAGE_LOG } from '../platform/tokens';
import { ProcessorSupervisor } from '../processors/processor-supervisor';
import { JobRegistry } from './jobs/job-registry';
import { JobsController } from './jobs/jobs.controller';
import { HubMetrics } from './metrics/hub-metrics';
import { LatencyObserverRunner, OPERATIONS_WORKERS } from './metrics/latency-observer.runner';
import { MetricsSampler } from './history/metrics-sampler';
import { SCHEME_STATUS, SchemeStatusSource } from './status/scheme-status';
import { StatusController } from './status/status.controller';
import { StatusQuery } from './status/status.query';
import { SinkHealthBoard } from './status/sink-health';
import { HubStatusHandler } from './status/hub-status.query';
import { StatusHistoryHandler } from './history/status-history.query';
import { GetJobHandler, ListJobsHandler } from './jobs/job.queries';

@Injectable()
class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly jobs: JobRegistry) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.abandonStale();
  }
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stopAll();
  }
}

/** The processors and schemes are optional (injected from the global processors and schemes modules when installed). */
function statusQuery(
  dataSource: DataSource,
  log: MessageLog,
  config: AppConfig,
  sink: SinkHealthBoard,
  supervisor: ProcessorSupervisor | undefined,
  schemes: SchemeStatusSource | undefined,
): StatusQuery {
  return new StatusQuery({
    db: dataSource,
    log,
    config,
    sink: () => sink.read(),
    processorNames: () => supervisor?.processors.map((p) => p.name) ?? [],
    schemes: async () => (await schemes?.schemeStatus()) ?? [],
  });
}

/** Operator jobs, status and metrics. Global: replay, resync and any feature can report to them. */
@Global()
@Module({})
export class OperationsModule {
  static forRoot(options: { runWorkers?: boolean } = {}): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [JobsController, StatusController],
      providers: [
        { provide: OPERATIONS_WORKERS, useValue: options.runWorkers ?? true },
        {
          provide: JobRegistry,
          inject: [DATA_SOURCE, LOGGER],
          useFactory: (ds: DataSource, logger: Logger) => new JobRegistry(ds, logger),
        },
        // The Kingdee sink registers itself here (optional injection on its side): operations need not know the sink module.
        { provide: SinkHealthBoard, useValue: new SinkHealthBoard() },
        {
          provide: StatusQuery,
          inject: [
            DATA_SOURCE,
            MESSAGE_LOG,
            APP_CONFIG,
            SinkHealthBoard,
            { token: ProcessorSupervisor, optional: true },
            { token: SCHEME_STATUS, optional: true },
          ],
          useFactory: statusQuery,
        },
        { provide: HubStatusHandler, inject: [StatusQuery], useFactory: (status: StatusQuery) => new HubStatusHandler(status) },
        { provide: StatusHistoryHandler, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new StatusHistoryHandler(ds) },
        { provide: ListJobsHandler, inject: [JobRegistry], useFactory: (jobs: JobRegistry) => new ListJobsHandler(jobs) },
        { provide: GetJobHandler, inject: [JobRegistry], useFactory: (jobs: JobRegistry) => new GetJobHandler(jobs) },
        { provide: HubMetrics, inject: [StatusQuery], useFactory: (status: StatusQuery) => new HubMetrics(() => status.snapshot()) },
        JobsLifecycle,
        LatencyObserverRunner,
        MetricsSampler,
      ],
      exports: [JobRegistry, StatusQuery, HubMetrics, MetricsSampler, OPERATIONS_WORKERS, SinkHealthBoard],
    };
  }
}
