import { SYNC_STATUSES } from '../../projections/stream-summary';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GoldenRecordField } from '../../../contracts/golden-field-catalogue';

/** OpenAPI shapes of the responses (documentation only: handlers return the query types). */
export class GoldenRecordDto {
  @ApiProperty({ example: 'SH-PD-01' }) warehouseNo!: string;
  @ApiProperty({ example: '上海浦东仓' }) name!: string;
  @ApiProperty({ nullable: true, example: 11 }) typeCode!: number | null;
  @ApiProperty({ nullable: true, example: '奇门仓储' }) typeLabel!: string | null;
  @ApiProperty({ enum: ['active', 'disabled', 'retired'] }) status!: string;
  @ApiProperty() isDefect!: boolean;
  @ApiProperty({ nullable: true, example: '上海市' }) province!: string | null;
  @ApiProperty({ nullable: true, example: '上海市' }) city!: string | null;
  @ApiProperty({ nullable: true, example: '浦东新区' }) district!: string | null;
  @ApiProperty({ nullable: true, example: '川沙路5188号' }) address!: string | null;
  @ApiProperty({ nullable: true }) contact!: string | null;
  @ApiProperty({ nullable: true, example: '021-58881234' }) telno!: string | null;
  @ApiProperty({ nullable: true, example: '13800138000' }) mobile!: string | null;
  @ApiProperty({ nullable: true }) zip!: string | null;
  @ApiProperty({ nullable: true }) remark!: string | null;
  @ApiProperty({ nullable: true }) extWarehouseNo!: string | null;
  @ApiProperty({ nullable: true, example: { x: 121.71, y: 31.19 } }) coordinates!: { x: number; y: number } | null;
  @ApiProperty({ nullable: true, description: 'the survivor, when this record was merged into another' }) mergedInto!: string | null;
}

// Written out for its examples; the build fails when it lists other fields than the field catalogue.
type DtoFieldMismatch = Exclude<GoldenRecordField, keyof GoldenRecordDto> | Exclude<keyof GoldenRecordDto, GoldenRecordField>;
const _dtoListsTheCatalogue: [DtoFieldMismatch] extends [never] ? true : never = true;

export class WarehouseSummaryDto extends GoldenRecordDto {
  @ApiProperty({ example: 'wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5' }) goldenId!: string;
  @ApiProperty({ example: 3, description: 'record version (as in the detail’s ETag)' }) version!: number;
  @ApiProperty({ enum: SYNC_STATUSES }) syncStatus!: string;
  @ApiProperty() missingInWdt!: boolean;
  @ApiProperty({ nullable: true }) updatedAt!: string | null;
}

/** Counts per filter value (the other filters applied): what choosing that value would find. */
export class SearchFacetsDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { '1': 20, '11': 3 } }) type!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { active: 21, disabled: 2 } }) status!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { synced: 22, failed: 1 } }) syncStatus!: Record<
    string,
    number
  >;
}

export class WarehousePageDto {
  @ApiProperty({ type: [WarehouseSummaryDto] }) items!: WarehouseSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'matching records over all pages' }) total!: number;
  @ApiProperty({ type: SearchFacetsDto }) facets!: SearchFacetsDto;
}

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
  @ApiProperty({ nullable: true, description: 'set when answered as of a past instant' }) asOf!: string | null;
  @ApiProperty({ type: GoldenRecordDto }) record!: GoldenRecordDto;
  @ApiProperty({
    description: 'per field: {value, source: {system, key}, rule, eventId, at}',
    example: {
      name: {
        value: '上海浦东仓',
        source: { system: 'wdt', key: 'SH-PD-01' },
        rule: 'sourcePriority',
        eventId: '…',
        at: '2026-11-28T09:00:00.000Z',
      },
    },
  })
  lineage!: Record<string, unknown>;
  @ApiProperty({ description: 'steward overrides per field: {value, reason, actor}' }) overrides!: Record<string, unknown>;
  @ApiProperty({ description: '{wdt: [{system, warehouseNo, warehouseId, active}], kingdee: {fNumber, fStockId} | null}' })
  crossReference!: Record<string, unknown>;
  @ApiProperty({
    description:
      '{status: pending|synced|failed|forbidden|not_in_kingdee, publishedVersion, syncedVersion, publishedStreamVersion, syncedStreamVersion, lastError, lastAttemptAt}. publishedVersion / syncedVersion are record versions (same numbering as `version`): the last version that changed what Kingdee receives, and the version Kingdee holds (已同步版本). The *StreamVersion pair is the same in stream versions (golden-topic message versions)',
  })
  kingdeeSync!: Record<string, unknown>;
  @ApiProperty({ description: '{missingInWdt, flags: [{field, code, message}]} (warnings, never rejections)' }) dataQuality!: Record<
    string,
    unknown
  >;
  @ApiProperty({ description: '[{taskId, type}]' }) openTasks!: Record<string, unknown>[];
}

export class HistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'WarehouseObservedInWdt' }) type!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ example: 'api:li' }) actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ description: 'the event as recorded: changes old → new, source and rule' }) data!: Record<string, unknown>;
}

export class TaskRecordRefDto {
  @ApiProperty() goldenId!: string;
  @ApiProperty({ nullable: true }) warehouseNo!: string | null;
  @ApiProperty({ nullable: true }) name!: string | null;
}

export class StewardshipTaskDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: ['duplicate', 'sync_failure', 'kingdee_drift', 'kingdee_missing', 'wdt_listing_truncated'] }) type!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: TaskRecordRefDto, nullable: true, description: 'null for wdt_listing_truncated (no single record)' })
  record!: TaskRecordRefDto | null;
  @ApiPropertyOptional({ type: TaskRecordRefDto, nullable: true }) otherRecord!: TaskRecordRefDto | null;
  @ApiProperty({
    description:
      'duplicates: {score, reasons, otherWarehouseNo}; sync failures: {version, code, message}; truncated WDT listings: {syncRunId, wouldFlag, known, maxShare, sample}',
  })
  details!: Record<string, unknown>;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, enum: ['merged', 'dismissed', 'retried', 'synced', 'listing_complete'] }) resolution!: string | null;
  @ApiProperty({ nullable: true }) resolvedBy!: string | null;
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
  @ApiProperty({ description: 'new record version (ETag) per golden record touched', example: { wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5: 5 } })
  versions!: Record<string, number>;
}
