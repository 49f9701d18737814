import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PRODUCTIVE_BETS,
  TENDER_MILESTONES,
  TENDER_MODALITIES,
  TENDER_STATUSES,
  TENDER_TRANSITIONS,
  TERRITORIAL_SCOPES,
  type AmendmentInput,
  type AnswerInput,
  type CriteriaPartInput,
  type LotInput,
  type LotMatchQuery,
  type ProductiveBet,
  type QuestionInput,
  type TenderCriteriaInput,
  type TenderInput,
  type TenderListQuery,
  type TenderModality,
  type TenderSchedule,
  type TenderStatus,
  type TenderTransition,
  type TerritorialLimitationInput,
  type TerritorialScope,
  type TransitionInput,
} from '@eslabon/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE, Text, WholeCop, PageNumber, PageSize } from '../../core/http/dto-fields';

const UNSPSC_CLASSES = { each: true, message: 'each UNSPSC class must be a 6-digit code' } as const;

class TerritoryDto {
  @ApiProperty({ enum: TERRITORIAL_SCOPES })
  @IsIn(TERRITORIAL_SCOPES)
  scope!: TerritorialScope;

  @ApiProperty({ type: [String], description: 'DIVIPOLA department (2 digits) or municipality (5 digits) codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(/^\d{2}(\d{3})?$/, { each: true, message: 'each code must be a DIVIPOLA department or municipality code' })
  codes!: string[];
}

export class LotDto implements LotInput {
  @Text()
  title!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ type: [String], example: ['461816'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^\d{6}$/, UNSPSC_CLASSES)
  unspscClasses!: string[];

  @ApiProperty({ example: '500' })
  @IsString()
  @Matches(/^[1-9]\d{0,11}$/, { message: 'quantity must be a whole number above zero' })
  quantity!: string;

  @Text(40)
  unit!: string;

  @WholeCop('80000000')
  estimatedValueCop!: string;

  @ApiProperty()
  @IsBoolean()
  reservedForMipymes!: boolean;

  @ApiProperty()
  @IsBoolean()
  reservedForEconomiaPopular!: boolean;

  @ApiPropertyOptional({ type: TerritoryDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerritoryDto)
  territorialLimitation!: TerritoryDto | null;

  @ApiPropertyOptional({ nullable: true, description: 'Minimum national component, whole percent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  nationalComponentMinPercent!: number | null;
}

class CriteriaPartDto implements CriteriaPartInput {
  @ApiProperty({ example: 'price' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be lower-case letters, digits and _' })
  key!: string;

  @Text(120)
  label!: string;

  @ApiProperty({ example: 70 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points!: number;
}

class CriteriaDto implements TenderCriteriaInput {
  @ApiProperty({ example: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  totalPoints!: number;

  @ApiProperty({ type: [CriteriaPartDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CriteriaPartDto)
  parts!: CriteriaPartDto[];

  @ApiProperty({ example: 10, description: 'Ley 816 de 2003: 10% to 20% of the total' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  nationalIndustryPoints!: number;

  @ApiProperty({ example: 5, description: 'Foreign with Colombian components: 5% to 15% of the total' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  foreignComponentPoints!: number;
}

/** Each milestone an ISO date; which ones a modality needs, and their order, is the service's check. */
class ScheduleDto implements TenderSchedule {
  @IsOptional() @IsISO8601(ISO_DATE) draftPublication?: string;
  @IsOptional() @IsISO8601(ISO_DATE) observationsDeadline?: string;
  @IsOptional() @IsISO8601(ISO_DATE) mipymeRequestDeadline?: string;
  @ApiProperty({ example: '2027-02-01' }) @IsISO8601(ISO_DATE) opening!: string;
  @IsOptional() @IsISO8601(ISO_DATE) questionsDeadline?: string;
  @ApiProperty({ example: '2027-02-15' }) @IsISO8601(ISO_DATE) closing!: string;
  @IsOptional() @IsISO8601(ISO_DATE) evaluationReport?: string;
  @IsOptional() @IsISO8601(ISO_DATE) commentPeriodEnd?: string;
  @IsOptional() @IsISO8601(ISO_DATE) award?: string;
}

export class TenderDto implements TenderInput {
  @Text(300)
  title!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(10_000)
  description!: string;

  @ApiProperty({ enum: TENDER_MODALITIES })
  @IsIn(TENDER_MODALITIES)
  modality!: TenderModality;

  @ApiPropertyOptional({ enum: PRODUCTIVE_BETS, nullable: true })
  @IsOptional()
  @IsIn(PRODUCTIVE_BETS)
  productiveBet!: ProductiveBet | null;

  @ApiProperty({ example: '05' })
  @Matches(/^\d{2}$/, { message: 'executionDepartment must be a 2-digit DIVIPOLA code' })
  executionDepartment!: string;

  @ApiPropertyOptional({ example: '05001', nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'executionMunicipality must be a 5-digit DIVIPOLA code' })
  executionMunicipality!: string | null;

  @WholeCop('230000000')
  estimatedValueCop!: string;

  @ApiProperty({ type: ScheduleDto, description: `Milestones: ${TENDER_MILESTONES.join(', ')}` })
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule!: ScheduleDto;

  @ApiProperty({ example: '17:00', description: 'Bids close at this time of day in America/Bogota' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'closingTime must be HH:MM' })
  closingTime!: string;

  @ApiProperty({ type: CriteriaDto })
  @ValidateNested()
  @Type(() => CriteriaDto)
  criteria!: CriteriaDto;

  @ApiProperty({ type: [LotDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LotDto)
  lots!: LotDto[];
}

export class TransitionDto implements TransitionInput {
  @ApiProperty({ enum: TENDER_TRANSITIONS })
  @IsIn(TENDER_TRANSITIONS)
  transition!: TenderTransition;

  @ApiPropertyOptional({ description: 'Required to cancel or declare void' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

export class AmendmentDto implements AmendmentInput {
  @ApiProperty({ type: TenderDto })
  @ValidateNested()
  @Type(() => TenderDto)
  tender!: TenderDto;

  @Text(4000)
  reason!: string;
}

export class QuestionDto implements QuestionInput {
  @Text(4000)
  text!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  lotId!: string | null;
}

export class AnswerDto implements AnswerInput {
  @Text(8000)
  answer!: string;
}

export class MipymeRequestDto {
  @ApiProperty({ type: [String], description: "Ids of the supplier's own profile documents" })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  documentIds!: string[];
}

export class TerritorialLimitationDto extends TerritoryDto implements TerritorialLimitationInput {
  @Text(4000)
  justification!: string;
}

class LotMatchQueryDto implements LotMatchQuery {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{6}$/, UNSPSC_CLASSES)
  unspscClasses!: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'department must be a 2-digit DIVIPOLA code' })
  department!: string | null;

  @IsBoolean()
  reservedForMipymes!: boolean;

  @IsBoolean()
  reservedForEconomiaPopular!: boolean;
}

export class LotMatchRequestDto {
  @ApiProperty({ type: [LotMatchQueryDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LotMatchQueryDto)
  lots!: LotMatchQueryDto[];
}

export class TenderListQueryDto implements TenderListQuery {
  @ApiPropertyOptional({ enum: TENDER_STATUSES })
  @IsOptional()
  @IsIn(TENDER_STATUSES)
  status?: TenderStatus;

  @PageNumber()
  page?: number;

  @PageSize()
  pageSize?: number;
}

export class DocumentNameDto {
  @Text(200)
  name!: string;
}
