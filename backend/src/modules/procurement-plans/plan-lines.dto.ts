import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PRODUCTIVE_BETS,
  TENDER_MODALITIES,
  type PlanLineInput,
  type PlanLineListQuery,
  type PlanLineQuery,
  type ProductiveBet,
  type TenderModality,
} from '@eslabon/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Text, WholeCop, PageNumber, PageSize } from '../../core/http/dto-fields';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** A line of the Plan Anual de Adquisiciones; whether its classes exist is the service's check. */
export class PlanLineDto implements PlanLineInput {
  @ApiProperty({ example: 2027, minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;

  @ApiProperty({ example: 'Dotación de uniformes para el personal de mantenimiento vial' })
  @Text(4000)
  description!: string;

  @ApiProperty({ type: [String], example: ['531027'], description: '1 to 50 UNSPSC class codes (6 digits)' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{6}$/, { each: true, message: 'each UNSPSC class must be a 6-digit code' })
  unspscClasses!: string[];

  @WholeCop('230000000')
  estimatedValueCop!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 12, description: 'Month the process is expected to start' })
  @IsInt()
  @Min(1)
  @Max(12)
  expectedMonth!: number;

  @ApiProperty({ enum: TENDER_MODALITIES })
  @IsIn(TENDER_MODALITIES)
  modality!: TenderModality;

  @ApiPropertyOptional({ enum: PRODUCTIVE_BETS, nullable: true })
  @IsOptional()
  @IsIn(PRODUCTIVE_BETS)
  productiveBet!: ProductiveBet | null;
}

class YearFilter {
  @ApiPropertyOptional({ minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;
}

export class PlanLineListQueryDto extends YearFilter implements PlanLineListQuery {}

export class PlanLineQueryDto extends YearFilter implements PlanLineQuery {
  @ApiPropertyOptional({ example: '5310', description: 'A UNSPSC class (6 digits) or family (4 digits)' })
  @IsOptional()
  @Matches(/^\d{4}(\d{2})?$/, { message: 'unspsc must be a 6-digit class or a 4-digit family' })
  unspsc?: string;

  @ApiPropertyOptional({ example: '15', description: "DIVIPOLA department of the buyer's domicile" })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'department must be a 2-digit DIVIPOLA code' })
  department?: string;

  @PageNumber()
  page?: number;

  @PageSize()
  pageSize?: number;
}
