import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../platform/tokens';
import { ReconciliationFindingsHandler } from './findings.query';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationScheduler, RECONCILE_SCHEDULE_ENABLED } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';

/**
 * Reconciliation with Kingdee (`mdm reconcile kingdee`, `/api/v1/reconcile/kingdee`, the
 * MDM_RECONCILE_INTERVAL schedule). Needs the operations module's JobRegistry; takes the Kingdee
 * client, the sink's scheme and the warehouses feature from `imports` (the Kingdee sink and
 * warehouses modules) and refuses to run without them.
 */
@Module({})
export class ReconciliationModule {
  static forRoot(options: { schedule?: boolean; imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return {
      module: ReconciliationModule,
      imports: options.imports ?? [],
      controllers: [ReconciliationController],
      providers: [
        { provide: RECONCILE_SCHEDULE_ENABLED, useValue: options.schedule ?? true },
        ReconciliationService,
        ReconciliationScheduler,
        {
          provide: ReconciliationFindingsHandler,
          inject: [DATA_SOURCE],
          useFactory: (ds: DataSource) => new ReconciliationFindingsHandler(ds),
        },
      ],
      exports: [ReconciliationService],
    };
  }
}
