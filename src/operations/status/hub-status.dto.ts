import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of `GET /api/v1/status` (documentation only: the controller returns HubStatus, hub-status.ts). */
const text = { type: String, nullable: true } as const;
const count = { type: 'integer', nullable: true } as const;

export class ProcessorStallDto {
  @ApiProperty() since!: string;
  @ApiProperty(text) failingTransactionId!: string | null;
  @ApiProperty(text) failingPosition!: string | null;
  @ApiProperty({ description: 'true when the event failed applied alone (the one to skip)' }) narrowed!: boolean;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() nextAttemptAt!: string;
}

export class ProcessorStatusDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['projection', 'publisher', 'replay', 'other'] }) kind!: string;
  @ApiProperty({ description: 'global position (a decimal string)' }) position!: string;
  @ApiProperty({ description: 'committed events it has not applied yet' }) lagEvents!: number;
  @ApiProperty() lagSeconds!: number;
  @ApiProperty(text) updatedAt!: string | null;
  @ApiProperty({ type: ProcessorStallDto, nullable: true, description: 'set while it fails on an event and backs off' })
  stalled!: ProcessorStallDto | null;
}

export class PartitionLagDto {
  @ApiProperty() partition!: number;
  @ApiProperty() committed!: string;
  @ApiProperty() end!: string;
  @ApiProperty() lag!: number;
}

export class ConsumerStatusDto {
  @ApiProperty() group!: string;
  @ApiProperty() topic!: string;
  @ApiProperty(count) lag!: number | null;
  @ApiProperty({ type: [PartitionLagDto] }) partitions!: PartitionLagDto[];
  @ApiPropertyOptional() error?: string;
}

export class SinkHealthDto {
  @ApiProperty({ description: 'false while the sink is out of its consumer group or not started' }) healthy!: boolean;
  @ApiProperty(text) lastError!: string | null;
  @ApiProperty(text) lastErrorAt!: string | null;
}

export class DlqStatusDto {
  @ApiProperty() topic!: string;
  @ApiProperty(count) messages!: number | null;
  @ApiPropertyOptional() error?: string;
}

export class SyncRunStatusDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['schedule', 'cli', 'api'] }) trigger!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed', 'abandoned'] }) status!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty(text) finishedAt!: string | null;
  @ApiProperty() pages!: number;
  @ApiProperty() seen!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() created!: number;
  @ApiProperty() missing!: number;
  @ApiProperty() failed!: number;
  @ApiProperty(text) error!: string | null;
}

export class EventsStatusDto {
  @ApiProperty() count!: number;
  @ApiProperty() headPosition!: string;
}

export class StewardshipStatusDto {
  @ApiProperty() open!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'open tasks by type' })
  byType!: Record<string, number>;
}

export class RunningJobDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() done!: number;
  @ApiProperty(count) total!: number | null;
}

export class SchemeStatusDto {
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty(text) mappingHash!: string | null;
}

export class ReconciliationFindingCountsDto {
  @ApiProperty() drifted!: number;
  @ApiProperty() missingInKingdee!: number;
  @ApiProperty() unknownInKingdee!: number;
}

export class ReconciliationStatusDto {
  @ApiProperty(text) lastRunAt!: string | null;
  @ApiProperty(text) lastAttemptStatus!: string | null;
  @ApiProperty(text) lastAttemptError!: string | null;
  @ApiProperty({ type: ReconciliationFindingCountsDto, nullable: true }) findings!: ReconciliationFindingCountsDto | null;
}

export class HubStatusDto {
  @ApiProperty() at!: string;
  @ApiProperty({ type: EventsStatusDto }) events!: EventsStatusDto;
  @ApiProperty({ type: [ProcessorStatusDto] }) processors!: ProcessorStatusDto[];
  @ApiProperty({ type: ConsumerStatusDto }) kingdeeSink!: ConsumerStatusDto;
  @ApiProperty({ type: SinkHealthDto, nullable: true, description: 'null when this process runs no sink' }) sink!: SinkHealthDto | null;
  @ApiProperty({ type: DlqStatusDto }) dlq!: DlqStatusDto;
  @ApiProperty({ type: [SyncRunStatusDto], nullable: true, description: 'newest first; null when WDT ingestion is not installed' })
  wdtSyncRuns!: SyncRunStatusDto[] | null;
  @ApiProperty({ type: StewardshipStatusDto, nullable: true, description: 'null when the warehouses read models are not installed' })
  stewardship!: StewardshipStatusDto | null;
  @ApiProperty({ type: [RunningJobDto] }) jobsRunning!: RunningJobDto[];
  @ApiProperty({ type: [SchemeStatusDto] }) schemes!: SchemeStatusDto[];
  @ApiPropertyOptional({ type: ReconciliationStatusDto, nullable: true, description: 'null or absent when the feature is not installed' })
  reconciliation?: ReconciliationStatusDto | null;
}
