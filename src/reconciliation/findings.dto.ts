import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { detailsSchema, DriftDetailsDto, MissingDetailsDto } from '../warehouses/api/dto/task-details.dto';
import { RECONCILIATION_ACTIONS } from './resolve-reconciliation-task';

/** OpenAPI shapes of the reconciliation endpoints (documentation only: the service returns FindingsView). */
const text = { type: String, nullable: true } as const;

export class UnknownDetailsDto {
  @ApiProperty() FNumber!: string;
  @ApiProperty() FStockId!: string;
  @ApiProperty() FName!: string;
}

@ApiExtraModels(DriftDetailsDto, MissingDetailsDto, UnknownDetailsDto)
export class ReconciliationTaskDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: ['kingdee_drift', 'kingdee_missing', 'kingdee_unknown'] }) type!:
    'kingdee_drift' | 'kingdee_missing' | 'kingdee_unknown';
  @ApiProperty({ ...text, description: 'the record concerned (unknown: the one proposed for adoption, if any)' }) goldenId!: string | null;
  @ApiProperty(text) warehouseNo!: string | null;
  @ApiProperty(text) name!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty(detailsSchema([DriftDetailsDto, MissingDetailsDto, UnknownDetailsDto], 'by type: drift, missing or unknown'))
  details!: DriftDetailsDto | MissingDetailsDto | UnknownDetailsDto;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ enum: RECONCILIATION_ACTIONS, isArray: true }) actions!: string[];
}

export class ReconciliationRunDto {
  @ApiProperty() runId!: string;
  @ApiProperty() trigger!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty(text) finishedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) kingdeeCalls!: number | null;
  @ApiProperty(text) error!: string | null;
}

export class ReconciliationReportDto {
  @ApiProperty({ description: 'golden records compared' }) checked!: number;
  @ApiProperty() kingdeeRecords!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) drifted!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) missingInKingdee!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) unknownInKingdee!: unknown[];
}

export class OpenFindingsDto {
  @ApiProperty() kingdee_drift!: number;
  @ApiProperty() kingdee_missing!: number;
  @ApiProperty() kingdee_unknown!: number;
}

export class FindingsDto {
  @ApiProperty({ type: ReconciliationRunDto, nullable: true, description: 'the last successful run' })
  lastRun!: ReconciliationRunDto | null;
  @ApiProperty({ type: ReconciliationRunDto, nullable: true }) lastAttempt!: ReconciliationRunDto | null;
  @ApiProperty({ type: ReconciliationReportDto, nullable: true, description: 'as `mdm reconcile kingdee --json` prints it' })
  report!: ReconciliationReportDto | null;
  @ApiProperty({ type: OpenFindingsDto }) open!: OpenFindingsDto;
  @ApiProperty({ type: [ReconciliationTaskDto] }) tasks!: ReconciliationTaskDto[];
}

export class ResolveReconciliationResultDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: RECONCILIATION_ACTIONS }) action!: string;
  @ApiProperty(text) goldenId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the record version (ETag) after the decision; null for ignore' })
  version!: number | null;
}
