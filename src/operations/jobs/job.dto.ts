import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shape of a JobView (documentation only: controllers return JobView). */
export class JobProgressDto {
  @ApiProperty() done!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null until the job knows how much work there is' })
  total!: number | null;
}

export class JobErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class JobViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'replay', description: 'replay, resync.kingdee, reconcile.kingdee, …' }) kind!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ type: JobProgressDto }) progress!: JobProgressDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'what the job did, per kind (replay: {replayed, skipped}; resync: {requested, resynced, skipped, skippedCount}); null while it runs',
  })
  result!: Record<string, unknown> | null;
  @ApiProperty({ type: JobErrorDto, nullable: true }) error!: JobErrorDto | null;
  @ApiProperty() actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}
