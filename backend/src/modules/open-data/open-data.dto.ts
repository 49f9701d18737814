import { PRODUCTIVE_BETS, TENDER_MODALITIES, type OpenAwardQuery, type ProductiveBet, type TenderModality } from '@eslabon/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { ISO_DATE, PageNumber, PageSize } from '../../core/http/dto-fields';

export class OpenAwardQueryDto implements OpenAwardQuery {
  @ApiPropertyOptional({ description: 'First Bogotá day of decision (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  decidedFrom?: string;

  @ApiPropertyOptional({ description: 'Last Bogotá day of decision (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  decidedTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{2}$/, { message: '$property must be a DIVIPOLA department code' })
  department?: string;

  @ApiPropertyOptional({ enum: TENDER_MODALITIES })
  @IsOptional()
  @IsIn(TENDER_MODALITIES)
  modality?: TenderModality;

  @ApiPropertyOptional({ enum: PRODUCTIVE_BETS })
  @IsOptional()
  @IsIn(PRODUCTIVE_BETS)
  productiveBet?: ProductiveBet;

  @ApiPropertyOptional({ description: 'UNSPSC segment (2 digits), family (4) or class (6)' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: '$property must be a UNSPSC segment, family or class code' })
  unspsc?: string;

  @PageNumber()
  page?: number;

  @PageSize(200)
  pageSize?: number;
}
