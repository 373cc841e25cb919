import { DynamicModule, FactoryProvider, Module, ModuleMetadata } from '@nestjs/common';
import { Projection } from '../event-store/processor';
import { ProcessorSupervisor, PROJECTIONS, RUN_PROCESSORS } from './processor-supervisor';
import { ProcessorsController } from './processors.controller';
import { SkipProcessorEventHandler } from './skip-processor-event.handler';

export interface ProcessorsOptions {
  /** false: processors run only on demand via catchUp() (one-shot CLI commands, some tests). Default true. */
  readonly runWorkers?: boolean;
  /** The modules that provide what `projections` injects (the read models, the publisher). */
  readonly imports?: ModuleMetadata['imports'];
  /** Every projection and publisher the app runs, assembled by the composition root. */
  readonly projections: Omit<FactoryProvider<Projection[]>, 'provide'>;
}

/**
 * The app's processors (ProcessorSupervisor) and the admin actions on them (skip a poison event, a
 * command on the CommandBus). Global: replay and the status page inject the supervisor, optionally.
 */
@Module({})
export class ProcessorsModule {
  static forRoot(options: ProcessorsOptions): DynamicModule {
    return {
      module: ProcessorsModule,
      global: true,
      imports: options.imports ?? [],
      controllers: [ProcessorsController],
      providers: [
        { provide: RUN_PROCESSORS, useValue: options.runWorkers ?? true },
        { provide: PROJECTIONS, ...options.projections },
        ProcessorSupervisor,
        SkipProcessorEventHandler,
      ],
      exports: [ProcessorSupervisor, SkipProcessorEventHandler],
    };
  }
}
