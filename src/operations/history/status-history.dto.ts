import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class StatusHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Samples from this instant (ISO 8601); default one hour ago', example: '2026-12-01T08:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'WDT sync runs started from this instant (ISO 8601); default seven days ago' })
  @IsOptional()
  @IsISO8601({ strict: true })
  runsSince?: string;
}

export class MetricsSampleDto {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'global position of the newest event' }) headPosition!: string;
  @ApiProperty({ description: 'events appended since the previous sample' }) eventsAppended!: number;
  @ApiProperty({ description: 'the most lagging processor (replay shadows excluded), in events' }) processorLagEvents!: number;
  @ApiProperty() processorLagSeconds!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Kingdee sink consumer lag; null when Kafka could not be asked' })
  sinkLag!: number | null;
  @ApiProperty({ description: 'Kingdee saves since the previous sample' }) kingdeeSaves!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'WDT observation → Kingdee save, mean over those saves' })
  wdtToKingdeeAvgSeconds!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) wdtToKingdeeMaxSeconds!: number | null;
}

export class SyncRunPointDto {
  @ApiProperty() id!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: 'number', nullable: true }) durationSeconds!: number | null;
  @ApiProperty() seen!: number;
  @ApiProperty() created!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() failed!: number;
}

export class StatusHistoryDto {
  @ApiProperty() since!: string;
  @ApiProperty({ type: [MetricsSampleDto], description: 'oldest first, one per sample interval (MDM_METRICS_SAMPLE_INTERVAL)' })
  samples!: MetricsSampleDto[];
  @ApiProperty() runsSince!: string;
  @ApiProperty({ type: [SyncRunPointDto], nullable: true, description: 'oldest first; null when WDT ingestion is not installed' })
  syncRuns!: SyncRunPointDto[] | null;
}
