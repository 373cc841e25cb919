import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { GoldenRecordField } from '../../../contracts/golden-field-catalogue';
import { SYNC_STATUSES } from '../../projections/stream-summary';

/** OpenAPI shapes of the records the API answers with (documentation only: handlers return the query types). */
export class CoordinatesDto {
  @ApiProperty({ example: 121.71 }) x!: number;
  @ApiProperty({ example: 31.19 }) y!: number;
}

/** A golden field's value (GoldenValue): text, a number (typeCode), a boolean (isDefect), coordinates, or null. */
export const GOLDEN_VALUE_SCHEMA: Parameters<typeof ApiProperty>[0] = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { $ref: getSchemaPath(CoordinatesDto) }],
  nullable: true,
};

const text = (example?: string) => ({ type: String, nullable: true, example });

export class GoldenRecordDto {
  @ApiProperty({ example: 'SH-PD-01' }) warehouseNo!: string;
  @ApiProperty({ example: '上海浦东仓' }) name!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 11 }) typeCode!: number | null;
  @ApiProperty(text('奇门仓储')) typeLabel!: string | null;
  @ApiProperty({ enum: ['active', 'disabled', 'retired'] }) status!: string;
  @ApiProperty() isDefect!: boolean;
  @ApiProperty(text('上海市')) province!: string | null;
  @ApiProperty(text('上海市')) city!: string | null;
  @ApiProperty(text('浦东新区')) district!: string | null;
  @ApiProperty(text('川沙路5188号')) address!: string | null;
  @ApiProperty(text()) contact!: string | null;
  @ApiProperty(text('021-58881234')) telno!: string | null;
  @ApiProperty(text('13800138000')) mobile!: string | null;
  @ApiProperty(text()) zip!: string | null;
  @ApiProperty(text()) remark!: string | null;
  @ApiProperty(text()) extWarehouseNo!: string | null;
  @ApiProperty({ type: CoordinatesDto, nullable: true }) coordinates!: CoordinatesDto | null;
  @ApiProperty({ ...text(), description: 'the survivor, when this record was merged into another' }) mergedInto!: string | null;
}

// Written out for its examples; the build fails when it lists other fields than the field catalogue.
type DtoFieldMismatch = Exclude<GoldenRecordField, keyof GoldenRecordDto> | Exclude<keyof GoldenRecordDto, GoldenRecordField>;
const _dtoListsTheCatalogue: [DtoFieldMismatch] extends [never] ? true : never = true;

export class WarehouseSummaryDto extends GoldenRecordDto {
  @ApiProperty({ example: 'wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5' }) goldenId!: string;
  @ApiProperty({ example: 3, description: 'record version (as in the detail’s ETag)' }) version!: number;
  @ApiProperty({ enum: SYNC_STATUSES }) syncStatus!: string;
  @ApiProperty() missingInWdt!: boolean;
  @ApiProperty(text()) updatedAt!: string | null;
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
