import { Global, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { EventStore } from '../../event-store/event-store';
import { OPERATIONS_WORKERS } from '../../operations/metrics/latency-observer.runner';
import { SCHEME_STATUS, SchemeStatusSource } from '../../operations/status/scheme-status';
import { LOGGER, Logger } from '../../platform/logging/logging.module';
import { APP_CONFIG, DATA_SOURCE, EVENT_STORE } from '../../platform/tokens';
import { ReplayModule } from '../../replay/replay.module';
import { ConfiguredScheme } from './configured-scheme';
import { SchemePreview } from './scheme-preview';
import { DisableSchemeHandler, EnableSchemeHandler, RecordSchemeMappingHandler } from './scheme-command.handlers';
import { RecordSchemeMappingCommand } from './scheme-commands';
import { SchemeState } from './scheme-state';
import { ListSchemesHandler } from './scheme-queries';
import { SchemesController } from './schemes.controller';

/** On start (of the hub, not one-shot CLI commands): a changed mapping becomes a SchemeMappingChanged event. */
@Injectable()
class MappingAudit implements OnApplicationBootstrap, SchemeStatusSource {
  constructor(
    private readonly state: SchemeState,
    private readonly configured: ConfiguredScheme,
    private readonly commands: CommandBus,
    @Inject(OPERATIONS_WORKERS) private readonly runWorkers: boolean,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runWorkers) return;
    try {
      const scheme = await this.configured.get();
      const { changed, previousHash, state } = await this.commands.execute(new RecordSchemeMappingCommand(scheme, 'system:hub-start'));
      if (changed && previousHash !== null) {
        this.logger.warn(
          { scheme: scheme.name, mappingHash: state.mappingHash, previousHash },
          'the scheme mapping changed: records already in Kingdee keep the old mapping until resynced (mdm resync kingdee --all)',
        );
      }
    } catch (error) {
      this.logger.error({ err: error }, 'could not load the integration scheme to record its mapping');
    }
  }

  async schemeStatus() {
    const scheme = await this.configured.get().catch(() => undefined);
    if (!scheme) return [];
    const s = await this.state.read(scheme.name);
    return [{ name: s.name, enabled: s.enabled, mappingHash: s.mappingHash }];
  }
}

/**
 * Schemes at runtime: SchemeState (the sink asks `isEnabled(name)` before writing), the switch and
 * preview endpoints, and the mapping audit. Global so the sink can inject SchemeState.
 */
@Global()
@Module({
  imports: [ReplayModule],
  controllers: [SchemesController],
  providers: [
    { provide: SchemeState, inject: [EVENT_STORE], useFactory: (store: EventStore) => new SchemeState(store) },
    { provide: ConfiguredScheme, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ConfiguredScheme(config) },
    {
      provide: SchemePreview,
      inject: [DATA_SOURCE, EVENT_STORE, APP_CONFIG],
      useFactory: (ds: DataSource, store: EventStore, config: AppConfig) => new SchemePreview(ds, store, config.kingdee.batchSize),
    },
    ...[EnableSchemeHandler, DisableSchemeHandler, RecordSchemeMappingHandler].map((type) => ({
      provide: type,
      inject: [SchemeState],
      useFactory: (state: SchemeState) => new type(state),
    })),
    {
      provide: ListSchemesHandler,
      inject: [SchemeState, ConfiguredScheme],
      useFactory: (state: SchemeState, configured: ConfiguredScheme) => new ListSchemesHandler(state, configured),
    },
    MappingAudit,
    { provide: SCHEME_STATUS, useExisting: MappingAudit },
  ],
  exports: [SchemeState, ConfiguredScheme, SchemePreview, SCHEME_STATUS],
})
export class SchemesRuntimeModule {}
