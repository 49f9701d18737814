import {
  PRODUCTIVE_BETS,
  REPORT_DIMENSIONS,
  REPORT_EXPORT_FORMATS,
  TENDER_MODALITIES,
  type ReportDimension,
  type ReportExportFormat,
  type ReportQuery,
} from '@eslabon/contracts';
import { REPORT_MEASURES, type ReportMeasure } from '@eslabon/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { ISO_DATE, PageNumber } from '../../core/http/dto-fields';

export class ReportQueryDto implements ReportQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First Bogotá day of the period' })
  @IsISO8601(ISO_DATE)
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last Bogotá day of the period (included)' })
  @IsISO8601(ISO_DATE)
  to!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  buyerOrganizationId?: string;

  @ApiPropertyOptional({ description: 'DIVIPOLA department of execution' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: '$property must be a DIVIPOLA department code' })
  department?: string;

  @ApiPropertyOptional({ description: 'UNSPSC segment (2 digits)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: '$property must be a UNSPSC segment code' })
  segment?: string;

  @ApiPropertyOptional({ enum: PRODUCTIVE_BETS })
  @IsOptional()
  @IsIn(PRODUCTIVE_BETS)
  productiveBet?: string;

  @ApiPropertyOptional({ enum: TENDER_MODALITIES })
  @IsOptional()
  @IsIn(TENDER_MODALITIES)
  modality?: string;
}

export class ReportProcessesQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_MEASURES, description: 'Only processes contributing to this measure' })
  @IsOptional()
  @IsIn(REPORT_MEASURES)
  measure?: ReportMeasure;

  @PageNumber()
  page = 1;
}

export const REPORT_TABLES = [...REPORT_DIMENSIONS, 'funnel', 'food', 'processes'] as const;
export type ReportTable = ReportDimension | 'funnel' | 'food' | 'processes';

export class ReportExportQueryDto extends ReportProcessesQueryDto {
  @ApiProperty({ enum: REPORT_TABLES })
  @IsIn(REPORT_TABLES)
  table!: ReportTable;

  @ApiProperty({ enum: REPORT_EXPORT_FORMATS })
  @IsIn(REPORT_EXPORT_FORMATS)
  format!: ReportExportFormat;
}
