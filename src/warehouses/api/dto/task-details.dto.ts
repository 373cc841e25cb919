import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** A task's `details`, one shape per task type (as the stewardship-tasks projection stores them). */
export class DuplicateDetailsDto {
  @ApiProperty({ example: 0.92, description: 'similarity, 0..1' }) score!: number;
  @ApiProperty({ type: [String], example: ['same_name', 'same_address'] }) reasons!: string[];
  @ApiProperty() otherWarehouseNo!: string;
}

export class SyncFailureDetailsDto {
  @ApiProperty({ description: 'the version Kingdee rejected' }) version!: number;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class TruncatedListingDetailsDto {
  @ApiProperty() syncRunId!: string;
  @ApiProperty({ description: 'warehouses the run would have flagged missing' }) wouldFlag!: number;
  @ApiProperty() known!: number;
  @ApiProperty() maxShare!: number;
  @ApiProperty({ type: [String], description: 'some of the absent warehouse numbers' }) sample!: string[];
}

/** A value as the scheme renders it (Kingdee casing): text, a number, a flag or a nested object such as {FNumber}. */
const RENDERED_VALUE = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }],
  nullable: true,
} satisfies Parameters<typeof ApiProperty>[0];

export class DriftedFieldDto {
  @ApiProperty({ example: 'FName' }) field!: string;
  @ApiProperty(RENDERED_VALUE) kingdee!: unknown;
  @ApiProperty(RENDERED_VALUE) golden!: unknown;
}

export class DriftDetailsDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ type: [DriftedFieldDto] }) fields!: DriftedFieldDto[];
}

export class MissingDetailsDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ type: String, nullable: true }) fStockId!: string | null;
}

export const TASK_DETAIL_MODELS = [
  DuplicateDetailsDto,
  SyncFailureDetailsDto,
  TruncatedListingDetailsDto,
  DriftDetailsDto,
  MissingDetailsDto,
];

/** `oneOf` the given detail shapes (register them with @ApiExtraModels). */
export const detailsSchema = (models: readonly (new () => object)[], description: string) => ({
  oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })),
  description,
});
