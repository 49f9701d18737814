import {
  PRODUCTIVE_BETS,
  RESERVATIONS,
  TENDER_MODALITIES,
  TENDER_SORTS,
  TENDER_STATUSES,
  type ProductiveBet,
  type Reservation,
  type SearchableStatus,
  type TenderModality,
  type TenderSearchQuery,
  type TenderSort,
} from '@eslabon/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ISO_DATE, PageNumber, PageSize } from '../../core/http/dto-fields';

const DIGITS = (n: string) => new RegExp(`^\\d{${n}}$`);
const SEARCHABLE_STATUSES: SearchableStatus[] = [...TENDER_STATUSES.filter((s) => s !== 'draft'), 'active'];

export class TenderSearchQueryDto implements TenderSearchQuery {
  @ApiPropertyOptional({ description: 'Words; accents, case and one typo per word of 5+ letters do not matter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'UNSPSC segment (2 digits), family (4) or class (6)' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: '$property must be a UNSPSC segment, family or class code' })
  unspsc?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DIGITS('2'), { message: '$property must be a DIVIPOLA department code' })
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DIGITS('5'), { message: '$property must be a DIVIPOLA municipality code' })
  municipality?: string;

  @ApiPropertyOptional({ enum: TENDER_MODALITIES })
  @IsOptional()
  @IsIn(TENDER_MODALITIES)
  modality?: TenderModality;

  @ApiPropertyOptional({ enum: SEARCHABLE_STATUSES, description: '`active`: proyecto de pliego or open' })
  @IsOptional()
  @IsIn(SEARCHABLE_STATUSES)
  status?: SearchableStatus;

  @ApiPropertyOptional({ description: 'Whole COP' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '$property must be a whole number of pesos, as digits' })
  budgetMin?: string;

  @ApiPropertyOptional({ description: 'Whole COP' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '$property must be a whole number of pesos, as digits' })
  budgetMax?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, Colombian calendar day' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  closingFrom?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, Colombian calendar day' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  closingTo?: string;

  @ApiPropertyOptional({ enum: RESERVATIONS })
  @IsOptional()
  @IsIn(RESERVATIONS)
  reserved?: Reservation;

  @ApiPropertyOptional({ enum: PRODUCTIVE_BETS })
  @IsOptional()
  @IsIn(PRODUCTIVE_BETS)
  productiveBet?: ProductiveBet;

  @ApiPropertyOptional({ enum: TENDER_SORTS })
  @IsOptional()
  @IsIn(TENDER_SORTS)
  sort?: TenderSort;

  @PageNumber()
  page?: number;

  @PageSize()
  pageSize?: number;
}

export class SuggestionQueryDto {
  @IsString()
  @MaxLength(100)
  q!: string;
}
