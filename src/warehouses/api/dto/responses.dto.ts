import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { STEWARDSHIP_TASK_TYPES } from '../../queries/stewardship-task-types';
import { detailsSchema, TASK_DETAIL_MODELS } from './task-details.dto';

/** OpenAPI shapes of history and tasks (documentation only: handlers return the query types). */
export class HistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'WarehouseObservedInWdt' }) type!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ example: 'api:li' }) actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event as recorded: changes old → new, source and rule' })
  data!: Record<string, unknown>;
}

export class TaskRecordRefDto {
  @ApiProperty() goldenId!: string;
  @ApiProperty({ type: String, nullable: true }) warehouseNo!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

@ApiExtraModels(...TASK_DETAIL_MODELS)
export class StewardshipTaskDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: STEWARDSHIP_TASK_TYPES }) type!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: TaskRecordRefDto, nullable: true, description: 'null for wdt_listing_truncated (no single record)' })
  record!: TaskRecordRefDto | null;
  @ApiProperty({ type: TaskRecordRefDto, nullable: true }) otherRecord!: TaskRecordRefDto | null;
  @ApiProperty(detailsSchema(TASK_DETAIL_MODELS, 'by type: duplicate, sync_failure, wdt_listing_truncated, kingdee_drift, kingdee_missing'))
  details!: object;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ type: String, nullable: true }) resolvedAt!: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['merged', 'dismissed', 'retried', 'synced', 'listing_complete', 'cleared', 'push', 'accept', 'recreate', 'retire'],
    description: 'reconciliation findings: cleared (Kingdee agrees again) or the steward’s action',
  })
  resolution!: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy!: string | null;
}

export class TaskPageDto {
  @ApiProperty({ type: [StewardshipTaskDto] }) items!: StewardshipTaskDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class ResolveTaskResultDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: ['merge', 'dismiss', 'retry'] }) action!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'new record version (ETag) per golden record touched',
    example: { wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5: 5 },
  })
  versions!: Record<string, number>;
}
