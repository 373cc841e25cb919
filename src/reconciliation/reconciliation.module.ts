import { DynamicModule, Module } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationScheduler, RECONCILE_SCHEDULE_ENABLED } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';

/**
 * Reconciliation with Kingdee (`mdm reconcile kingdee`, `/api/v1/reconcile/kingdee`, the
 * MDM_RECONCILE_INTERVAL schedule). Needs the operations module's JobRegistry; finds the Kingdee
 * client, the sink's scheme and the warehouses feature at run time.
 */
@Module({})
export class ReconciliationModule {
  static forRoot(options: { schedule?: boolean } = {}): DynamicModule {
    return {
      module: ReconciliationModule,
      controllers: [ReconciliationController],
      providers: [
        { provide: RECONCILE_SCHEDULE_ENABLED, useValue: options.schedule ?? true },
        ReconciliationService,
        ReconciliationScheduler,
      ],
      exports: [ReconciliationService],
    };
  }
}
