import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SYNC_TRIGGERS } from './poll-wdt-warehouses/sync-run';

/** OpenAPI shapes of the WDT sync endpoints (documentation only: the controller returns SyncRunSummary). */
export class WdtSyncStartedDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ enum: ['running'] }) status!: 'running';
  @ApiProperty({ example: '/api/v1/sync/wdt/runs/…', description: 'where to read the run (GET)' }) run!: string;
}

export class SyncRunDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SYNC_TRIGGERS }) trigger!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed', 'abandoned'] }) status!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ description: 'absent while it runs' }) finishedAt?: string;
  @ApiProperty({ description: 'pages fetched, every pass and both listings included' }) pages!: number;
  @ApiProperty() passes!: number;
  @ApiProperty({ description: 'distinct warehouse_nos WDT returned' }) seen!: number;
  @ApiProperty() created!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'warehouses flagged missing in WDT (only after a complete pull)' }) missing!: number;
  @ApiProperty({ description: 'rows that could not be decoded' }) failed!: number;
  @ApiPropertyOptional({ description: 'one line; for a failed run, why' }) error?: string;
  @ApiPropertyOptional({ example: 'wdt_credentials_rejected' }) errorCode?: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() actor!: string;
}
