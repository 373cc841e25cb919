import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { SYNC_STATUSES } from '../../projections/stream-summary';
import { STEWARDSHIP_TASK_TYPES } from '../../queries/stewardship-task-types';
import { CoordinatesDto, GOLDEN_VALUE_SCHEMA, GoldenRecordDto } from './record.dto';

/** OpenAPI shape of GET /warehouses/{id} (WarehouseDetail in src/warehouses/queries/warehouse-detail.ts). */

export class SourceKeyDto {
  @ApiProperty({ example: 'wdt' }) system!: string;
  @ApiProperty({ example: 'SH-PD-01' }) key!: string;
}

export class LineageDto {
  @ApiProperty(GOLDEN_VALUE_SCHEMA) value!: unknown;
  @ApiProperty({ type: SourceKeyDto }) source!: SourceKeyDto;
  @ApiProperty({ enum: ['override', 'sourcePriority', 'primarySource', 'mostRecent', 'retirement'] }) rule!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: '2026-11-28T09:00:00.000Z' }) at!: string;
}

export class OverrideDto {
  @ApiProperty(GOLDEN_VALUE_SCHEMA) value!: unknown;
  @ApiProperty({ example: '统一命名规范' }) reason!: string;
  @ApiProperty({ example: 'api:li' }) actor!: string;
}

export class WdtXrefDto {
  @ApiProperty({ example: 'wdt' }) system!: string;
  @ApiProperty({ example: 'SH-PD-01' }) warehouseNo!: string;
  @ApiProperty({ type: String, nullable: true }) warehouseId!: string | null;
  @ApiProperty() active!: boolean;
}

export class KingdeeXrefDto {
  @ApiProperty() fNumber!: string;
  @ApiProperty({ type: String, nullable: true }) fStockId!: string | null;
}

export class CrossReferenceDto {
  @ApiProperty({ type: [WdtXrefDto], description: 'one WDT source key per warehouse merged into the record' }) wdt!: WdtXrefDto[];
  @ApiProperty({ type: KingdeeXrefDto, nullable: true }) kingdee!: KingdeeXrefDto | null;
}

export class SyncErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class KingdeeSyncDto {
  @ApiProperty({ enum: SYNC_STATUSES }) status!: string;
  @ApiProperty({ description: 'record version (numbered as `version`): the last one that changed what Kingdee receives' })
  publishedVersion!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'record version Kingdee holds (已同步版本)' }) syncedVersion!: number | null;
  @ApiProperty({ description: 'publishedVersion as a stream version (golden-topic message version)' }) publishedStreamVersion!: number;
  @ApiProperty({ type: 'integer', nullable: true }) syncedStreamVersion!: number | null;
  @ApiProperty({ type: SyncErrorDto, nullable: true }) lastError!: SyncErrorDto | null;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
}

export class QualityFlagDto {
  @ApiProperty() field!: string;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class DataQualityDto {
  @ApiProperty() missingInWdt!: boolean;
  @ApiProperty({ type: [QualityFlagDto], description: 'warnings, never rejections' }) flags!: QualityFlagDto[];
}

export class OpenTaskRefDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: STEWARDSHIP_TASK_TYPES }) type!: string;
}

@ApiExtraModels(CoordinatesDto, LineageDto, OverrideDto)
export class WarehouseDetailDto {
  @ApiProperty() goldenId!: string;
  @ApiProperty({
    example: 4,
    description:
      'record version: counts the changes a steward cares about (source changes, overrides, merges, retirement), not the sink’s bookkeeping (Kingdee sync results, resync requests). It is the ETag, to send back as If-Match, and what the console shows as 版本',
  })
  version!: number;
  @ApiProperty({
    example: 7,
    description:
      'stream version: every event of the record, sink bookkeeping included. It is the `version` of the record’s golden-topic messages (what consumers dedupe by); the hub appends against it for optimistic concurrency, stewards never need it',
  })
  streamVersion!: number;
  @ApiProperty({ type: String, nullable: true, description: 'set when answered as of a past instant' }) asOf!: string | null;
  @ApiProperty({ type: GoldenRecordDto }) record!: GoldenRecordDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(LineageDto) }, description: 'per golden field' })
  lineage!: Record<string, LineageDto>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(OverrideDto) }, description: 'steward overrides per field' })
  overrides!: Record<string, OverrideDto>;
  @ApiProperty({ type: CrossReferenceDto }) crossReference!: CrossReferenceDto;
  @ApiProperty({ type: KingdeeSyncDto }) kingdeeSync!: KingdeeSyncDto;
  @ApiProperty({ type: DataQualityDto }) dataQuality!: DataQualityDto;
  @ApiProperty({ type: [OpenTaskRefDto] }) openTasks!: OpenTaskRefDto[];
}
